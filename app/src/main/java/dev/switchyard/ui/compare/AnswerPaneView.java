package dev.switchyard.ui.compare;

import dev.switchyard.ui.compare.markdown.MarkdownView;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One model's answer: header, live metric strip, error and advice, folded reasoning, and the Markdown answer. */
final class AnswerPaneView extends VBox {

    private final javafx.beans.property.ObjectProperty<PaneModel> shown = new javafx.beans.property.SimpleObjectProperty<>();
    private final MarkdownView markdown = new MarkdownView();
    /** What scrolls: the answer, then (once a run failed) the error and advice under the text it kept. */
    private final VBox answerContent = new VBox(6, markdown);
    private final ScrollPane scroll = new ScrollPane(answerContent);
    private final Label reasoningText = new Label();
    private final RouteBox routeBox = new RouteBox();
    private boolean dirty = true;
    /** The streaming text changed since the last render or preparation. */
    private boolean prepareDue;
    private TitledPane reasoningPane;
    /** The failure sentence and what to do; quiet when the user stopped the run. */
    private VBox errorBox;
    /**
     * Draws the pane's rounded background and state-coloured border, behind the content. The state style class sits
     * on this frame and on the header, not on the pane: a style class change restyles every node below it, which
     * would be every node of the answer. The frame is cached as a bitmap, so a repaint of streaming text blits it
     * instead of rasterizing two rounded rectangles (software rendering).
     */
    private final Region frame = new Region();
    /** The status chip; with {@link #frame} the only nodes whose look follows the pane's state. */
    private final Label status = new Label();

    /**
     * A pane view; it shows one pane model at a time and is reused by the next run ({@link #show}). {@code wake} runs
     * the screen's pulse timer, which renders the text and refreshes the figures, when they change.
     */
    AnswerPaneView(PaneModel pane, int index, Runnable wake) {
        shown.set(pane);
        setId("pane-" + index);
        getStyleClass().add("answer-pane");
        VBox head = header();
        // the error goes under the answer, inside its scroll pane: in a pane of six it took the whole height above the
        // answer, and the text the run kept could not be seen even by scrolling
        answerContent.getChildren().add(errorBox());
        getChildren().addAll(frame, head, metrics(), figuresHidden(), otherFigures(), routeBox, body());
        frame.getStyleClass().add("pane-frame");
        frame.setManaged(false);
        frame.setMouseTransparent(true);
        frame.setCache(true);
        routeBox.show(pane);
        routeBox.visibleProperty().bind(shown.flatMap(p -> p.hiddenProperty().map(h -> !h && p.route() != null))
                .orElse(false));
        routeBox.managedProperty().bind(routeBox.visibleProperty());
        of(PaneModel::reasoningProperty).addListener((o, a, b) -> {
            if (b != null && !b.isEmpty() && reasoningPane == null) {
                reasoningPane = reasoning();
                getChildren().add(getChildren().size() - 1, reasoningPane);
            }
        });
        of(PaneModel::answerProperty).addListener((o, a, b) -> {
            dirty = true;
            prepareDue = true;
            wake.run();
        });
        shown.flatMap(PaneModel::shownRunProperty).addListener((o, a, b) -> wake.run()); // ‹ / ›: its figures
        answerContent.heightProperty().addListener((o, a, b) -> {
            if (pane().runningProperty().get()) {
                scroll.setVvalue(scroll.getVmax());
            }
        });
        // once a run failed: its error in view, from its first line, with the last line of the text it kept above it
        errorBox.boundsInParentProperty().addListener((o, a, b) -> {
            if (errorBox.isVisible() && !pane().runningProperty().get()) {
                double room = answerContent.getHeight() - scroll.getViewportBounds().getHeight();
                scroll.setVvalue(room <= 0 ? 0 : Math.max(0, Math.min(1, (b.getMinY() - 24) / room)));
            }
        });
        shown.flatMap(PaneModel::stateProperty).addListener((o, a, s) -> {
            showState(s);
            dirty = true;
            if (a == PaneModel.State.STREAMING && getScene() != null) {
                // the answer ended: its last block is built between renders and shown by the next one (decision 29),
                // not here, where six answers ending in one delivery would render six blocks in one frame
                prepareDue = true;
                wake.run();
            } else {
                renderIfDirty();
            }
            refreshMetrics();
        });
        showState(pane.stateProperty().get());
        renderIfDirty();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        frame.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    /** Shows another pane model in this view (the next run), keeping the nodes. */
    void show(PaneModel next) {
        if (reasoningPane != null) {
            getChildren().remove(reasoningPane);
            reasoningPane = null;
        }
        shown.set(next);
        routeBox.show(next);
        dirty = true;
        renderIfDirty();
        refreshMetrics();
    }

    private PaneModel pane() {
        return shown.get();
    }

    private ObservableValue<String> of(java.util.function.Function<PaneModel, ObservableValue<String>> property) {
        return shown.flatMap(property);
    }

    /**
     * The state as a pseudo-class ({@code :streaming}, {@code :failed} …) on the frame and the status chip, the two
     * nodes whose look follows it: JavaFX's way for a state, which updates their styles instead of matching the
     * header's whole subtree again as a style-class change did (no difference the FX-pulse benchmark can show).
     */
    private void showState(PaneModel.State state) {
        for (PaneModel.State s : PaneModel.State.values()) {
            javafx.css.PseudoClass pc = javafx.css.PseudoClass.getPseudoClass(s.name().toLowerCase(java.util.Locale.ROOT));
            frame.pseudoClassStateChanged(pc, s == state);
            status.pseudoClassStateChanged(pc, s == state);
            errorBox.pseudoClassStateChanged(pc, s == state);
        }
    }

    /**
     * Builds the blocks that settled in the streaming text since the last render, ahead of the next one (called from
     * the view's pulse timer in the pulses between renders; README decision 29).
     */
    void prepareIfDue() {
        if (prepareDue) {
            prepareDue = false;
            if (pane().runningProperty().get()) {
                markdown.prepare(pane().answerProperty().get());
            } else if (dirty) {
                markdown.prepareFinal(pane().answerProperty().get());
            }
        }
    }

    /** Re-renders the Markdown if the text changed since the last render (called from the view's pulse timer). */
    void renderIfDirty() {
        prepareDue = false;
        if (!dirty) {
            return;
        }
        dirty = false;
        markdown.setMarkdown(pane().answerProperty().get(), pane().runningProperty().get());
    }

    /**
     * Two rows: the model's name with Copy and Stop, then its provider with the status chip — the name keeps the
     * width of the pane but for the two buttons (with the chip beside it, "Streaming · run 2 of 3" cut it to "fa…").
     */
    private VBox header() {
        Label title = new Label();
        title.getStyleClass().add("pane-title");
        title.textProperty().bind(of(PaneModel::titleProperty));
        title.setMinWidth(0);
        Label subtitle = new Label();
        subtitle.getStyleClass().add("muted");
        subtitle.textProperty().bind(of(PaneModel::subtitleProperty));
        subtitle.setMinWidth(0);
        title.setTooltip(new javafx.scene.control.Tooltip());
        title.getTooltip().textProperty().bind(of(PaneModel::titleProperty));
        subtitle.setTooltip(new javafx.scene.control.Tooltip());
        subtitle.getTooltip().textProperty().bind(of(PaneModel::subtitleProperty));
        status.setMinWidth(Region.USE_PREF_SIZE);
        status.getStyleClass().add("status-chip");
        status.textProperty().bind(of(PaneModel::statusProperty));
        Button copy = new Button("Copy");
        copy.getStyleClass().add("flat-button");
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(pane().answerProperty().get());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        });
        Button stop = new Button("Stop");
        stop.getStyleClass().addAll("flat-button", "stop-button");
        stop.setMinWidth(Region.USE_PREF_SIZE);
        stop.setOnAction(e -> pane().stop());
        // gone once the run ends, giving its room to the name (a revealed blind name read "Model A …"); it sits left
        // of Copy, so Copy keeps its place and does not slide under a late click on Stop
        stop.visibleProperty().bind(shown.flatMap(PaneModel::runningProperty).orElse(false));
        stop.managedProperty().bind(stop.visibleProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(8, title, grow, stop, copy);
        top.setAlignment(Pos.CENTER_LEFT);
        Region grow2 = new Region();
        HBox.setHgrow(grow2, Priority.ALWAYS);
        HBox bottom = new HBox(8, subtitle, grow2, repeatButton("\u2039", -1), status, repeatButton("\u203a", +1));
        bottom.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(1, top, bottom);
        box.getStyleClass().add("pane-header");
        return box;
    }

    /**
     * "‹" / "›": the answer of the previous / next repeat, once the pane's runs have ended (more than one run, or
     * routed request; the status chip between them says which one shows).
     */
    private Button repeatButton(String arrow, int step) {
        Button b = new Button(arrow);
        b.getStyleClass().addAll("flat-button", "repeat-nav");
        b.setId(getId() + (step < 0 ? "-previous-run" : "-next-run"));
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setTooltip(new javafx.scene.control.Tooltip(step < 0 ? "The previous run's answer" : "The next run's answer"));
        b.setOnAction(e -> pane().showRun(pane().shownRunProperty().get() + step));
        b.visibleProperty().bind(shown.flatMap(p -> p.runCountProperty().map(n -> n.intValue() > 1))
                .orElse(false));
        b.managedProperty().bind(b.visibleProperty());
        b.disableProperty().bind(shown.flatMap(p -> javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            int at = p.shownRunProperty().get() + step;
            return p.runningProperty().get() || at < 0 || at >= p.runCountProperty().get();
        }, p.shownRunProperty(), p.runCountProperty(), p.runningProperty())).orElse(true));
        return b;
    }

    /**
     * Metric labels and the values they show. The labels are refreshed by {@link #refreshMetrics} (about ten times a
     * second, every pane in the same pulse, and at once when the state changes) instead of being bound: a label
     * whose text changes lays out the window again, and bound labels would change with every token batch.
     */
    private final java.util.List<java.util.Map.Entry<Label, ObservableValue<String>>> metricLabels = new java.util.ArrayList<>();

    /** Copies the current metric values into their labels (called from the view's pulse timer). */
    void refreshMetrics() {
        for (java.util.Map.Entry<Label, ObservableValue<String>> e : metricLabels) {
            String v = e.getValue().getValue();
            if (!java.util.Objects.equals(v, e.getKey().getText())) {
                e.getKey().setText(v);
            }
        }
    }

    /** While names are hidden (blind mode), so are the figures: a device's "$0", a price or a speed names a model. */
    private ObservableValue<Boolean> figuresShown() {
        return shown.flatMap(p -> p.hiddenProperty().map(h -> !h)).orElse(true);
    }

    private Label figuresHidden() {
        Label l = new Label(CompareViewModel.FIGURES_HIDDEN);
        l.getStyleClass().addAll("muted", "figures-hidden");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.visibleProperty().bind(shown.flatMap(PaneModel::hiddenProperty).orElse(false));
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private FlowPane metrics() {
        FlowPane strip = new FlowPane(cell("TTFT", of(PaneModel::ttftProperty), "metric-ttft"), cell("Speed", of(PaneModel::speedProperty), "metric-speed"),
                cell("In", of(PaneModel::inputTokensProperty), "metric-in"), cell("Out", of(PaneModel::outputTokensProperty), "metric-out"),
                cell("Cost", of(PaneModel::costProperty), "metric-cost"), cell("Elapsed", of(PaneModel::elapsedProperty), "metric-elapsed"));
        strip.getStyleClass().add("metric-strip");
        strip.visibleProperty().bind(figuresShown());
        strip.managedProperty().bind(strip.visibleProperty());
        return strip;
    }

    private VBox cell(String caption, ObservableValue<String> value, String styleId) {
        Label v = new Label(value.getValue());
        v.getStyleClass().addAll("metric-value", styleId);
        metricLabels.add(java.util.Map.entry(v, value));
        Label c = new Label(caption);
        c.getStyleClass().add("metric-caption");
        VBox box = new VBox(0, v, c);
        box.getStyleClass().add("metric-cell");
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    /** A finished run's load, queue, prefill and peak-memory figures, under the strip; hidden when it has none. */
    private Label otherFigures() {
        Label l = new Label();
        l.setId("pane-other-figures-" + getId().substring("pane-".length()));
        l.getStyleClass().addAll("muted", "pane-other-figures");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.textProperty().bind(of(PaneModel::otherFiguresProperty));
        l.visibleProperty().bind(l.textProperty().isNotEmpty()
                .and(javafx.beans.binding.BooleanExpression.booleanExpression(figuresShown())));
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private VBox errorBox() {
        Label error = new Label();
        error.getStyleClass().add("pane-error");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.textProperty().bind(of(PaneModel::errorProperty));
        Label advice = new Label();
        advice.getStyleClass().add("pane-advice");
        advice.setWrapText(true);
        advice.setMinHeight(Region.USE_PREF_SIZE);
        advice.textProperty().bind(of(PaneModel::adviceProperty));
        // a run the user stopped is no error: one quiet line (":cancelled") instead of the engine's sentence in red
        error.visibleProperty().bind(shown.flatMap(PaneModel::stateProperty).map(s -> s != PaneModel.State.CANCELLED)
                .orElse(true));
        error.managedProperty().bind(error.visibleProperty());
        // ONNX Runtime's own words, when the engine gave them: quieter, under what to do
        Label detail = new Label();
        detail.getStyleClass().add("pane-error-detail");
        detail.setWrapText(true);
        detail.setMinHeight(Region.USE_PREF_SIZE);
        detail.textProperty().bind(of(PaneModel::errorDetailProperty));
        detail.visibleProperty().bind(of(PaneModel::errorDetailProperty).map(t -> !t.isEmpty()).orElse(false));
        detail.managedProperty().bind(detail.visibleProperty());
        VBox box = new VBox(2, error, advice, detail);
        box.getStyleClass().add("pane-error-box");
        errorBox = box;
        box.visibleProperty().bind(of(PaneModel::errorProperty).map(e -> !e.isEmpty()).orElse(false));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private TitledPane reasoning() {
        reasoningText.setWrapText(true);
        reasoningText.getStyleClass().add("reasoning-text");
        reasoningText.textProperty().bind(of(PaneModel::reasoningProperty));
        TitledPane t = new TitledPane("Reasoning", reasoningText);
        t.setExpanded(false);
        t.getStyleClass().add("reasoning");
        
        return t;
    }

    private Region body() {
        scroll.setFitToWidth(true);
        // The pane's size must not follow its text: otherwise every streamed token re-sizes the whole grid.
        scroll.setPrefViewportHeight(120);
        scroll.setPrefViewportWidth(200);
        scroll.getStyleClass().add("answer-scroll");
        Viewports.uncached(scroll);
        markdown.getStyleClass().add("answer-text");
        // A layout root: a streamed token lays out this scroll pane, not the whole window.
        Region body = new dev.switchyard.ui.compare.markdown.LayoutRoot(scroll);
        VBox.setVgrow(body, Priority.ALWAYS);
        return body;
    }

    /**
     * The route of an "Auto: &lt;policy&gt;" pane: why the prompt went where it did, the steps run (cascade and
     * fallback included) with outcome, time and cost, and the rule trace folded.
     */
    private static final class RouteBox extends VBox {
        private final Label why = new Label();
        private final VBox steps = new VBox(1);
        private final Label trace = new Label();
        private final ListChangeListener<String> onSteps = c -> showSteps(c.getList());
        private RouteModel route;

        RouteBox() {
            super(3);
            getStyleClass().add("route-box");
            why.setWrapText(true);
            why.setMinHeight(Region.USE_PREF_SIZE);
            why.getStyleClass().add("route-why");
            trace.getStyleClass().add("route-trace");
            trace.setWrapText(true);
            TitledPane folded = new TitledPane("Rule trace", trace);
            folded.setExpanded(false);
            folded.getStyleClass().add("route-trace-pane");
            getChildren().addAll(why, steps, folded);
        }

        void show(PaneModel pane) {
            if (route != null) {
                route.steps().removeListener(onSteps);
            }
            route = pane.route();
            why.textProperty().unbind();
            trace.textProperty().unbind();
            if (route == null) {
                steps.getChildren().clear();
                return;
            }
            why.textProperty().bind(route.whyProperty());
            trace.textProperty().bind(route.traceProperty());
            route.steps().addListener(onSteps);
            showSteps(route.steps());
        }

        private void showSteps(java.util.List<? extends String> lines) {
            steps.getChildren().setAll(lines.stream().map(line -> {
                Label l = new Label(line);
                l.setWrapText(true);
                l.setMinHeight(Region.USE_PREF_SIZE);
                l.getStyleClass().add("route-step");
                return l;
            }).toList());
        }
    }

    /** The answer's Markdown view (for tests). */
    MarkdownView markdown() {
        return markdown;
    }
}
