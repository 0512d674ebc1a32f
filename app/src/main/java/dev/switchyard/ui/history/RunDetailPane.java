package dev.switchyard.ui.history;

import java.time.ZoneId;
import java.util.function.LongConsumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The history screen's detail, beside the table or under it: the selected run's texts and metrics, read-only. */
final class RunDetailPane extends VBox {

    private final Label title = new Label("Select a run");
    private final Label meta = new Label();
    private final Label source = new Label();
    private final Label metrics = new Label();
    private final Label error = new Label();
    private final TextArea system = area("history-detail-system", 3);
    private final TextArea prompt = area("history-detail-user", 4);
    /** The answer as Markdown source: selectable, shown by the "Markdown source" toggle. */
    private final TextArea answer = area("history-detail-answer", 4);
    /** The answer rendered as Compare's panes show it (the default). */
    private final dev.switchyard.ui.compare.markdown.MarkdownView rendered = new dev.switchyard.ui.compare.markdown.MarkdownView();
    private final javafx.scene.control.ScrollPane renderedScroll = new javafx.scene.control.ScrollPane(rendered);
    private final javafx.scene.control.ToggleButton sourceToggle = new javafx.scene.control.ToggleButton("Markdown source");
    private final javafx.scene.layout.StackPane answerView = new javafx.scene.layout.StackPane(renderedScroll, answer);
    private final HBox answerHead;
    private final Button openComparison = new Button("Open in Compare");
    private final Label systemCaption = caption("System message");
    private final Label promptCaption = caption("User message");
    private final Label answerCaption = caption("Answer");
    private final ZoneId zone;
    private HistoryRow row;
    private Boolean below;

    RunDetailPane(ZoneId zone, LongConsumer onOpenComparison) {
        super(8);
        this.zone = zone;
        setId("history-detail");
        getStyleClass().add("detail-pane");
        // the Markdown look (compare.css's md-* rules, which name this pane too) whichever screen was shown first
        dev.switchyard.ui.SceneStylesheets.use(this, "/assets/css/compare.css");
        rendered.setId("history-detail-rendered");
        renderedScroll.setId("history-detail-rendered-scroll");
        renderedScroll.setFitToWidth(true);
        renderedScroll.setPrefViewportHeight(80);
        renderedScroll.getStyleClass().add("history-answer-scroll");
        sourceToggle.setId("history-answer-source");
        sourceToggle.setTooltip(new javafx.scene.control.Tooltip("Show the answer as the model wrote it, to select and copy"));
        answer.visibleProperty().bind(sourceToggle.selectedProperty());
        renderedScroll.visibleProperty().bind(sourceToggle.selectedProperty().not());
        javafx.scene.layout.Region headGrow = new javafx.scene.layout.Region();
        HBox.setHgrow(headGrow, Priority.ALWAYS);
        answerHead = new HBox(6, answerCaption, headGrow, sourceToggle);
        answerHead.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        title.getStyleClass().add("section-title");
        title.setId("history-detail-title");
        meta.getStyleClass().add("muted");
        meta.setId("history-detail-meta");
        source.getStyleClass().add("muted");
        source.setId("history-detail-source");
        source.setWrapText(true);
        metrics.setId("history-detail-metrics");
        metrics.getStyleClass().add("metric-line");
        metrics.setWrapText(true);
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.managedProperty().bind(error.visibleProperty());
        openComparison.setId("history-open-comparison");
        openComparison.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        title.setMinWidth(0);
        title.setWrapText(true);
        meta.setWrapText(true);
        openComparison.setOnAction(e -> {
            if (row != null && row.comparisonId() != null) {
                onOpenComparison.accept(row.comparisonId());
            }
        });
        openComparison.managedProperty().bind(openComparison.visibleProperty());
        for (javafx.scene.Node n : new javafx.scene.Node[] {systemCaption, system}) {
            n.visibleProperty().bind(system.textProperty().isNotEmpty());
            n.managedProperty().bind(n.visibleProperty());
        }
        setBelow(false);
        show(null);
    }

    /**
     * Beside the table (a column: the run's name, figures, Open in Compare, then the system message when the run had
     * one, the user message and the answer one under the other) or under it, where the table has the whole width (a
     * row: the run's name, status and day with Open in Compare at its right, and under it the model's reference and
     * figures, the prompt — system over user message — and the answer side by side).
     */
    void setBelow(boolean under) {
        if (below != null && below == under) {
            return;
        }
        below = under;
        VBox.setVgrow(answerView, Priority.ALWAYS);
        VBox.setVgrow(prompt, under ? Priority.ALWAYS : Priority.NEVER);
        VBox.setVgrow(system, under ? Priority.ALWAYS : Priority.NEVER);
        if (!under) {
            getChildren().setAll(title, meta, source, metrics, error, openComparison, systemCaption, system, promptCaption,
                    prompt, answerHead, answerView);
            setMinSize(260, 0);
            return;
        }
        javafx.scene.layout.Region grow = new javafx.scene.layout.Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(12, title, meta, grow, openComparison);
        head.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        VBox facts = new VBox(6, source, metrics, error);
        facts.setPrefWidth(300);
        facts.setMinWidth(200);
        VBox promptBox = new VBox(4, systemCaption, system, promptCaption, prompt);
        VBox answerBox = new VBox(4, answerHead, answerView);
        for (VBox box : new VBox[] {promptBox, answerBox}) {
            HBox.setHgrow(box, Priority.ALWAYS);
            box.setPrefWidth(240);
            box.setMinWidth(140);
        }
        HBox body = new HBox(16, facts, promptBox, answerBox);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().setAll(head, body);
        setMinSize(0, 150);
    }

    void show(HistoryRow r) {
        row = r;
        boolean has = r != null;
        title.setText(has ? r.modelName() : "Select a run");
        source.setText(has ? source(r) : "");
        meta.setText(has ? Formats.status(r.status()) + " · " + Formats.when(r.createdAt(), zone)
                + (r.comparisonId() == null ? "" : " · comparison #" + r.comparisonId()
                + (r.run().repeatIndex() > 0 ? ", repeat " + (r.run().repeatIndex() + 1) : "")) : "");
        metrics.setText(has ? Formats.metrics(r.run()) : "");
        error.setVisible(has && r.run().error() != null);
        error.setText(has && r.run().error() != null ? r.run().error().message() : "");
        system.setText(has && r.prompt().system() != null ? r.prompt().system() : "");
        prompt.setText(has ? r.prompt().user() : "");
        answer.setText(has ? r.run().outputText() : "");
        rendered.setMarkdown(answer.getText());
        renderedScroll.setVvalue(0);
        openComparison.setVisible(has && r.comparisonId() != null);
    }

    /** "Loopback gateway/slow-model · prompt “Trip planner” v2": the model as exports name it, the saved prompt. */
    private static String source(HistoryRow r) {
        var p = r.prompt();
        return r.modelRef() + (p.name() == null ? "" : " · prompt \u201c" + p.name() + "\u201d v" + p.version());
    }

    private static TextArea area(String id, int rows) {
        TextArea a = dev.switchyard.ui.TabMovesFocus.install(new TextArea());
        a.setId(id);
        a.setEditable(false);
        a.setWrapText(true);
        a.setPrefRowCount(rows);
        return a;
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("caption");
        return l;
    }
}
