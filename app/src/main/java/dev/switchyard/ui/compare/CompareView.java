package dev.switchyard.ui.compare;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The compare workbench: prompt library | editor + models, a run toolbar, and answers / statistics / charts. */
public final class CompareView extends BorderPane {

    private static final long TICK_NANOS = 100_000_000L;
    /**
     * Streaming text renders at most this often: every fourth pulse at 60 Hz, 15 times a second (README decision 32;
     * {@code -Dswitchyard.renderMs=40} renders every third pulse, as before it, for comparing).
     */
    private static final long RENDER_NANOS = Long.getLong("switchyard.renderMs", 56) * 1_000_000L;
    /** Pulses from one render to the next at 60 Hz (the idle screen's rehearsal renders at the same pace). */
    static final int PULSES_PER_RENDER = (int) Math.ceil(RENDER_NANOS / 16_666_667.0);

    private final CompareViewModel model;
    private final java.util.function.Consumer<String> openModels;
    private final Runnable openRouting;
    private final AnswersView answers;
    private long lastTick;
    private long lastRender;
    /** Pulses since the last render: the pulses between two renders prepare half the panes each, in turn (decision 29). */
    private int sinceRender;
    /** The pulse timer is running; it stops itself once nothing streams, renders or waits to be pre-built. */
    private boolean awake;
    /** When the timer may stop (0: a wake asked it to stay, set at the next frame). */
    private long awakeUntil;
    private static final long LINGER_NANOS = 300_000_000L;
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulse(now);
        }
    };
    /** A Run's launch waiting for the frame that shows its panes to go by ({@link CompareViewModel#setLaunchGate}). */
    private Runnable pendingLaunch;
    private int launchInPulses;
    private static final boolean LAUNCH_AFTER_FRAME =
            !"false".equals(System.getProperty("switchyard.launchAfterFrame"));
    /** The pulse a Run's launch waits for (README decision 28; {@code -Dswitchyard.launchPulses=N} to compare). */
    private static final int LAUNCH_PULSES = Math.max(1, Integer.getInteger("switchyard.launchPulses", 3));
    /** {@code -Dswitchyard.prepareBlocks=false}: blocks settle in the render pulse (for comparing; decision 29). */
    private static final boolean PREPARE_BLOCKS = !"false".equals(System.getProperty("switchyard.prepareBlocks"));
    private boolean enterHeld;
    static final javafx.scene.input.KeyCombination SHOW_LIBRARY =
            javafx.scene.input.KeyCombination.keyCombination("Shortcut+Shift+L");
    /** Between the prompt and models above and the answers below. */
    private SplitPane split;
    private static final double DIVIDER = 0.36;
    /** The saved-prompts sidebar shows (the editor's "Prompts" toggle, Ctrl+Shift+L); hidden, the answers get its width. */
    private final javafx.beans.property.BooleanProperty libraryShown = new javafx.beans.property.SimpleBooleanProperty(true);

    /** {@code navigate} switches the main window to another screen by id ("models", "routing"). */
    public CompareView(CompareViewModel model, java.util.function.Consumer<String> navigate) {
        this.model = model;
        this.openModels = tab -> navigate.accept(CompareScreen.MODELS_SCREEN + (tab == null ? "" : "/" + tab));
        this.openRouting = () -> navigate.accept(CompareScreen.ROUTING_SCREEN);
        this.answers = new AnswersView(model, this::wake);
        setId("compare-screen");
        dev.switchyard.ui.SceneStylesheets.use(this, "/assets/css/compare.css");
        createView();
        bindKeys();
        startPulse();
        if (LAUNCH_AFTER_FRAME) {
            model.setLaunchGate(this::launchAfterFrame);
        }
    }

    private void createView() {
        HBox top = new HBox(new PromptEditorView(model.editor(), model.library(), libraryShown),
                new ModelPickerView(model.picker(), openModels, openRouting));
        top.getStyleClass().add("compare-top");
        HBox.setHgrow(top.getChildren().get(0), Priority.ALWAYS);

        // Statistics and charts are built when their tab is first selected (four charts cost start-up time), then
        // rebuild only while their tab shows.
        Tab statsTab = tab("Statistics", null, "tab-stats");
        Tab chartsTab = tab("Charts", null, "tab-charts");
        whenFirstSelected(statsTab, () -> {
            StatsView v = new StatsView(model);
            v.showWhile(statsTab.selectedProperty());
            return v;
        });
        whenFirstSelected(chartsTab, () -> {
            ChartsView v = new ChartsView(model);
            v.showWhile(chartsTab.selectedProperty());
            return v;
        });
        TabPane results = new TabPane(tab("Answers", answers, "tab-answers"), statsTab, chartsTab);
        results.setId("compare-results");
        results.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox bottom = new VBox(toolbar(), results);
        VBox.setVgrow(results, Priority.ALWAYS);

        split = new SplitPane(top, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(DIVIDER);
        split.getStyleClass().add("compare-split");
        PromptLibraryView library = new PromptLibraryView(model.library());
        setLeft(library);
        libraryShown.addListener((o, was, shown) -> setLeft(shown ? library : null));
        setCenter(split);
        model.panes().addListener((ListChangeListener<PaneModel>) c -> results.getSelectionModel().select(0));
    }

    private static void whenFirstSelected(Tab tab, java.util.function.Supplier<javafx.scene.Node> content) {
        tab.selectedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (now && tab.getContent() == null) {
                    tab.setContent(content.get());
                }
            }
        });
    }

    private static Tab tab(String title, javafx.scene.Node content, String id) {
        Tab t = new Tab(title, content);
        t.setId(id);
        return t;
    }

    private HBox toolbar() {
        Button run = new Button("Run");
        run.setId("run-button");
        run.getStyleClass().add("accent-button");
        run.setTooltip(new Tooltip("Run the prompt on every picked model (Ctrl+Enter)"));
        run.setOnAction(e -> model.run());
        run.disableProperty().bind(model.modeProperty().isNotEqualTo(CompareViewModel.Mode.IDLE));
        Button stop = new Button("Stop all");
        stop.setId("stop-all-button");
        stop.setTooltip(new Tooltip("Stop every run (Esc)"));
        stop.setOnAction(e -> model.stopAll());
        stop.disableProperty().bind(model.modeProperty().isNotEqualTo(CompareViewModel.Mode.RUNNING));
        // Run and Stop all disable themselves as a run starts and ends; JavaFX then hands the focus to the next control,
        // the Repeat spinner, where a typed digit changed the next run's count. The focus goes to the button that
        // does the next thing instead: Stop all while it runs (Space stops, as Esc), Run again once it has ended.
        model.modeProperty().addListener((o, was, now) -> {
            if (now == CompareViewModel.Mode.RUNNING && run.isFocused()) {
                stop.requestFocus();
            } else if (was == CompareViewModel.Mode.RUNNING && now == CompareViewModel.Mode.IDLE && stop.isFocused()) {
                run.requestFocus();
            }
        });
        Spinner<Integer> repeat = new Spinner<>(1, 50, 1);
        repeat.setId("repeat-spinner");
        repeat.setEditable(true);
        repeat.setPrefWidth(78);
        repeat.getValueFactory().valueProperty().addListener((o, a, b) -> model.repeatProperty().set(b == null ? 1 : b));
        model.repeatProperty().addListener((o, a, b) -> repeat.getValueFactory().setValue(b.intValue()));
        Label repeatLabel = new Label("Repeat");
        repeatLabel.getStyleClass().add("field-label");
        ToggleButton blind = new ToggleButton("Blind");
        blind.setId("blind-toggle");
        blind.setTooltip(new Tooltip("Hide model names until you pick the better answer"));
        blind.selectedProperty().bindBidirectional(model.blindProperty());
        Label hint = new Label("Ctrl+Enter runs · Esc stops");
        hint.getStyleClass().add("muted");
        Label message = new Label();
        message.setId("compare-message");
        message.getStyleClass().add("compare-message");
        message.textProperty().bind(model.messageProperty());
        message.setMinWidth(0);
        // the controls keep their size; a message that does not fit goes on a second line (at 1100 px "Give a value
        // to {{order}} in the v…" was cut), and the hint gives way to it first; the whole sentence is in its tooltip too
        message.setWrapText(true);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(model.messageProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(600);
        message.setTooltip(whole);
        for (Region fixed : List.of(run, stop, repeatLabel, repeat, blind)) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        hint.setMinWidth(0);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, run, stop, repeatLabel, repeat, blind, hint, grow, message) {
            /** The hint shows while it fits beside the controls and the whole message, and gives way otherwise. */
            @Override
            protected void layoutChildren() {
                double room = getWidth() - snappedLeftInset() - snappedRightInset();
                String text = message.getText();
                boolean fits = text == null || text.isEmpty() || room <= 0
                        || widthOf(List.of(run, stop, repeatLabel, repeat, blind, hint, message)) <= room;
                if (hint.isManaged() != fits) {
                    hint.setManaged(fits);
                    hint.setVisible(fits);
                }
                super.layoutChildren();
            }

            private double widthOf(List<? extends Region> nodes) {
                return nodes.stream().mapToDouble(n -> snapSizeX(n.prefWidth(-1))).sum() + getSpacing() * nodes.size();
            }
        };
        bar.getStyleClass().add("compare-toolbar");
        return bar;
    }

    /**
     * Ctrl+Enter runs (once per press: a held key's auto-repeat does not start more runs); Esc stops all. The release
     * is watched on the whole scene: it goes to whatever has the focus then, which may be outside this screen (a
     * release missed here would leave the next Ctrl+Enter ignored).
     */
    private void bindKeys() {
        javafx.event.EventHandler<KeyEvent> released = e -> {
            if (e.getCode() == KeyCode.ENTER) {
                enterHeld = false;
            }
        };
        sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                old.removeEventFilter(KeyEvent.KEY_RELEASED, released);
            }
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_RELEASED, released);
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                if (!enterHeld) {
                    model.run();
                }
                enterHeld = true;
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && model.modeProperty().get() == CompareViewModel.Mode.RUNNING) {
                model.stopAll();
                e.consume();
            } else if (SHOW_LIBRARY.match(e)) {
                libraryShown.set(!libraryShown.get());
                e.consume();
            }
        });
    }

    /**
     * One FX-pulse timer: re-renders streaming Markdown at most every 56 ms (every fourth pulse at 60 Hz, so 15 times
     * a second; decision 32), and on every second of those ticks the elapsed clocks and refreshes the metric strips
     * (every pane in the same pulse). Text and metrics change in the same frames, so the frames in between repaint nothing. It
     * runs only while there is something to do — a run, an answer or figures to show (‹ / ›, a stored comparison),
     * panes to pre-build — and a moment after: a timer asking for every frame would keep an idle window busy.
     */
    private void startPulse() {
        sceneProperty().addListener((o, old, scene) -> {
            if (scene == null) {
                pulse.stop();
                awake = false;
                launchPending(); // not shown: nothing to wait for
            } else {
                wake();
            }
        });
        model.modeProperty().addListener((o, was, now) -> wake());
    }

    /**
     * Runs {@code launch} at the third pulse from now: the first one styles and lays out the new panes and hands them to
     * the render thread, the second waits for that paint to finish (a frame is synchronised only once the one before it
     * is drawn), so storing the runs and opening the streams no longer takes the cores from the paint of six new panes,
     * and the streams' first tokens are not delivered in that frame. At once when the screen is not shown.
     */
    private void launchAfterFrame(Runnable launch) {
        if (getScene() == null) {
            launch.run();
            return;
        }
        pendingLaunch = launch;
        launchInPulses = LAUNCH_PULSES;
        wake();
    }

    private void launchPending() {
        Runnable launch = pendingLaunch;
        pendingLaunch = null;
        if (launch != null) {
            launch.run();
        }
    }

    private void pulse(long now) {
        if (pendingLaunch != null && --launchInPulses <= 0) {
            launchPending();
        }
        answers.prewarm(now);
        if (now - lastRender >= RENDER_NANOS) {
            lastRender = now;
            sinceRender = 0;
            answers.renderDirty();
            if (now - lastTick >= TICK_NANOS - RENDER_NANOS / 2) {
                lastTick = now;
                model.tick();
                answers.refreshMetrics();
            }
        } else if (PREPARE_BLOCKS) {
            // blocks that settled: built ahead, half the panes in each pulse, so the render only shows them (decision 29)
            answers.prepareDue(sinceRender++ % 2);
        }
        if (awakeUntil == 0 || model.modeProperty().get() == CompareViewModel.Mode.RUNNING || answers.prewarming()) {
            awakeUntil = now + LINGER_NANOS;
        } else if (now > awakeUntil) {
            awake = false;
            pulse.stop();
        }
    }

    /** Something may need the pulse timer (text or figures changed, a run began or ended): runs it a while. */
    private void wake() {
        awakeUntil = 0;
        if (!awake && getScene() != null) {
            awake = true;
            pulse.start();
        }
    }

    /** Whether the idle screen has rehearsed a streamed answer before the first Run (for tests). */
    boolean rehearsed() {
        return answers.rehearsed();
    }

    /** True while the pulse timer runs (for tests). */
    boolean pulseRunning() {
        return awake;
    }

    /** The divider between prompt and answers goes where the user last left it (the answers often need the room). */
    void rememberSplit(dev.switchyard.ui.prefs.AppPreferences prefs) {
        dev.switchyard.ui.prefs.WindowMemory.rememberSplit(split, "compare", prefs, DIVIDER);
        keepTheWantedDivider();
    }

    /** The saved-prompts sidebar shows or hides as the user last left it (shown the first time). */
    void rememberLibrary(dev.switchyard.ui.prefs.AppPreferences prefs) {
        libraryShown.set(prefs.shown(LIBRARY_PANEL, true));
        libraryShown.addListener((o, was, shown) -> prefs.rememberShown(LIBRARY_PANEL, shown));
    }

    static final String LIBRARY_PANEL = "compare.library";

    /**
     * A low window pushes the divider down (the prompt editor's least height keeps four lines of the user message);
     * a taller one gives the answers their share back: the divider goes back where the user left it (or where it was
     * remembered) whenever the height changes, instead of staying where the low window pushed it.
     */
    private void keepTheWantedDivider() {
        double[] wanted = {split.getDividerPositions()[0]};
        boolean[] pressed = {false};
        split.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> pressed[0] = true);
        split.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> pressed[0] = false);
        split.getDividers().get(0).positionProperty().addListener((o, was, now) -> {
            if (pressed[0]) {
                wanted[0] = now.doubleValue(); // dragged by the user
            }
        });
        split.heightProperty().addListener((o, was, now) -> split.setDividerPositions(wanted[0]));
    }

    /** Pane views in order (for tests). */
    List<AnswerPaneView> paneViews() {
        return new ArrayList<>(answers.paneViews());
    }
}
