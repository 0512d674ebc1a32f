package dev.switchyard.ui.compare;

import dev.switchyard.app.compare.CompareDraft;
import dev.switchyard.app.compare.CompareStats;
import dev.switchyard.app.compare.Formats;
import dev.switchyard.app.compare.ModelStats;
import dev.switchyard.app.compare.StreamBatcher;
import dev.switchyard.app.compare.WinRates;
import dev.switchyard.app.engine.EngineListener;
import dev.switchyard.app.engine.EngineRequest;
import dev.switchyard.app.engine.ModelEngine;
import dev.switchyard.app.routing.AutoRoutes;
import dev.switchyard.app.routing.Decision;
import dev.switchyard.app.routing.RoutedResult;
import dev.switchyard.app.run.ComparisonRunner;
import dev.switchyard.app.run.RunFailure;
import dev.switchyard.app.run.RunService;
import dev.switchyard.ui.task.TaskRunner;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Comparison;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.PromptVersion;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The compare workbench: one prompt, 1–6 models, N repeats, answers streaming side by side, the statistics of
 * the repeats, and blind votes. Streams reach the panes through one {@link StreamBatcher} per pane. A saved
 * routing policy can be picked as "Auto: &lt;policy&gt;": its pane routes the prompt live and runs wherever the
 * policy sends it (see {@link AutoRoutes}).
 */
public final class CompareViewModel {

    /** What the screen is doing. */
    public enum Mode { NO_WORKSPACE, IDLE, RUNNING }

    /** One model's blind-vote record as shown. */
    public record WinRateRow(String model, int votes, int wins, int ties, String winRate) {
    }

    private final TaskRunner tasks;
    private final LongSupplier nanoTime;
    private final Executor batchWindow;
    private final Random shuffle;
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.NO_WORKSPACE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final IntegerProperty repeat = new SimpleIntegerProperty(1);
    private final BooleanProperty blind = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper voteOpen = new ReadOnlyBooleanWrapper();
    /** What a pane and Statistics say instead of a blind comparison's figures. */
    public static final String FIGURES_HIDDEN = "Figures are hidden until you vote: a cost or a speed can name the model.";
    /** A blind comparison's figures are kept from Statistics and Charts until the vote reveals the names. */
    private final ReadOnlyBooleanWrapper figuresHidden = new ReadOnlyBooleanWrapper();
    private final ObservableList<PaneModel> panes = FXCollections.observableArrayList();
    private final ObservableList<ModelStats> stats = FXCollections.observableArrayList();
    private final ObservableList<WinRateRow> winRates = FXCollections.observableArrayList();
    private final PromptEditorModel editor = new PromptEditorModel();
    /** Why the last Run was refused over the draft ("Give a value to {{city}}…"), while the toolbar still says it. */
    private String refusal;
    private final PromptLibraryModel library;
    private final ModelPickerModel picker;
    private Workspace ws;
    private dev.switchyard.ui.task.Debouncer draftTimer = dev.switchyard.ui.task.Debouncer.NEVER;
    /** True while the draft kept in the workspace is read and shown: those changes are no typing to keep. */
    private boolean restoring;
    private Function<Model, ModelEngine> engines;
    private Supplier<AutoRoutes> routes;
    /** What a Run's launch (the comparison row and the streams) waits for; the screen waits for its first frame. */
    private java.util.function.Consumer<Runnable> launchGate = Runnable::run;
    private Comparison comparison;
    private int panesDone;
    private long statsAsked;
    private long startedNanos;

    public CompareViewModel(TaskRunner tasks, LongSupplier nanoTime, Executor batchWindow, Random shuffle) {
        this.tasks = tasks;
        this.nanoTime = nanoTime;
        this.batchWindow = batchWindow;
        this.shuffle = shuffle;
        this.library = new PromptLibraryModel(tasks, editor, message::set);
        this.picker = new ModelPickerModel(tasks, message::set);
        editor.changesProperty().addListener((o, a, b) -> recheckRefusal());
        // the draft is kept a short while after the last change too, so a crash or a kill does not lose it
        editor.changesProperty().addListener(o -> draftChanged());
        picker.picksProperty().addListener(o -> draftChanged());
        repeat.addListener(o -> draftChanged());
        blind.addListener(o -> draftChanged());
    }

    /**
     * What waits for the typing to stop before the draft is kept in the workspace ({@link #draft()}, stored off the UI
     * thread in the setting the close path writes); the screen waits 1.5 s. Without one, only leaving keeps it.
     */
    public void setDraftTimer(dev.switchyard.ui.task.Debouncer timer) {
        draftTimer = timer;
    }

    /**
     * What a Run's launch waits for once its panes are shown: the screen lets the frame that shows six new panes go
     * by before the streams begin (their first tokens would land in that frame). Without one, the launch begins at
     * once.
     */
    public void setLaunchGate(java.util.function.Consumer<Runnable> gate) {
        launchGate = gate;
    }

    private void draftChanged() {
        Workspace w = ws;
        if (w == null || restoring) {
            return; // a draft being restored is what the workspace holds already
        }
        draftTimer.restart(() -> {
            if (ws == w && !restoring) {
                CompareDraft d = draft();
                tasks.run("Keep the draft", () -> {
                    d.save(w);
                    return d;
                }, kept -> { }, e -> { }); // closed or read-only meanwhile: leaving keeps it, or nothing can
            }
        });
    }

    /** After an edit, a Run refusal the toolbar still shows goes when the draft is fine, or says what is wrong now. */
    private void recheckRefusal() {
        if (refusal == null || !refusal.equals(message.get())) {
            refusal = null;
            return;
        }
        try {
            editor.request();
            message.set("");
            refusal = null;
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            refusal = e.getMessage();
        }
    }

    // ---------------------------------------------------------------- properties
    public ReadOnlyObjectProperty<Mode> modeProperty() { return mode.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public IntegerProperty repeatProperty() { return repeat; }
    public BooleanProperty blindProperty() { return blind; }
    /** A blind comparison finished and waits for the user's verdict. */
    public ReadOnlyBooleanProperty voteOpenProperty() { return voteOpen.getReadOnlyProperty(); }
    /** True while a blind comparison's names are hidden: Statistics and Charts show nothing (a cost or a speed names a model). */
    public ReadOnlyBooleanProperty figuresHiddenProperty() { return figuresHidden.getReadOnlyProperty(); }
    public ObservableList<PaneModel> panes() { return panes; }
    /** Per-model figures of the latest comparison, ranked. */
    public ObservableList<ModelStats> stats() { return stats; }
    public ObservableList<WinRateRow> winRates() { return winRates; }
    public PromptEditorModel editor() { return editor; }
    public PromptLibraryModel library() { return library; }
    public ModelPickerModel picker() { return picker; }

    /** The samples behind a row of {@link #stats()} (for charts): the runs of a model, the requests of a policy. */
    public List<ModelStats.Sample> samplesOf(ModelStats row) {
        int i = (int) row.key();
        return i >= 0 && i < panes.size() ? panes.get(i).samples() : List.of();
    }

    // ---------------------------------------------------------------- commands

    /** Follows the open workspace; {@code engines} builds the engine of a model row. No policies to pick. */
    public void open(Workspace workspace, Function<Model, ModelEngine> engineFactory) {
        open(workspace, engineFactory, null);
    }

    /**
     * Follows the open workspace; {@code engines} builds the engine of a model row; {@code autoRoutes} (null: no
     * policies) makes the workspace's live routing, once, on first use off the UI thread.
     */
    public void open(Workspace workspace, Function<Model, ModelEngine> engineFactory, Supplier<AutoRoutes> autoRoutes) {
        stopAll();
        boolean other = ws != workspace;
        if (ws != null && other) {
            keepDraft(ws);
        }
        ws = workspace;
        engines = engineFactory;
        routes = autoRoutes == null ? null : memoize(autoRoutes);
        panes.clear();
        clearStats();
        voteOpen.set(false);
        mode.set(workspace == null ? Mode.NO_WORKSPACE : Mode.IDLE);
        library.open(workspace);
        if (workspace != null) {
            restoreDraft(workspace, other);
            loadWinRates();
        }
    }

    /** The screen as set now: prompt, picks, repeat and blind (what {@link #open} keeps in the workspace it leaves). */
    public CompareDraft draft() {
        return new CompareDraft(editor.nameProperty().get(), editor.loaded() == null ? null : editor.loaded().id(),
                editor.draft(), picker.selectedKeys(), repeat.get(), blind.get());
    }

    /** Keeps the draft in the workspace being left; a workspace that cannot take it loses only the convenience. */
    private void keepDraft(Workspace w) {
        try {
            draft().save(w);
        } catch (RuntimeException e) {
            // closed or read-only: the next open starts from the prompt as it is
        }
    }

    /**
     * Shows the draft kept in {@code w} (prompt, picks in pick order, repeat, blind) and lists its models. Without one,
     * the prompt stays as typed, and the picks too unless the workspace is another one (its model ids differ).
     */
    private void restoreDraft(Workspace w, boolean otherWorkspace) {
        List<String> current = otherWorkspace ? List.of() : picker.selectedKeys();
        Function<Model, ModelEngine> eng = engines;
        restoring = true;
        tasks.run("Read the kept draft", () -> {
            CompareDraft d = CompareDraft.load(w).orElse(null);
            PromptVersion v = d == null || d.versionId() == null ? null : w.prompts().getVersion(d.versionId()).orElse(null);
            return new Kept(d, v);
        }, kept -> {
            if (ws != w) {
                return;
            }
            CompareDraft d = kept.draft();
            try {
                if (d != null) {
                    editor.show(d.promptName(), kept.version(), d.prompt());
                    repeat.set(d.repeat());
                    blind.set(d.blind());
                }
            } finally {
                restoring = false;
            }
            picker.reload(w, eng, routes, d != null ? d.picked() : current);
        }, e -> {
            if (ws == w) {
                restoring = false;
            }
            picker.reload(w, eng, routes, current);
        });
    }

    private record Kept(CompareDraft draft, PromptVersion version) {
    }

    /** Re-checks which models exist and can run (after keys or models changed elsewhere). */
    /**
     * Whether the machine is online, as the status bar shows it: while it is not, the picker says a cloud model cannot
     * run now (offline) and Run refuses it with that reason. Call {@link #refreshModels} when it changes.
     */
    public void setNetwork(java.util.function.BooleanSupplier online) {
        picker.setNetwork(online);
    }

    public void refreshModels() {
        if (ws != null) {
            picker.reload(ws, engines, routes);
        }
    }

    private static <T> Supplier<T> memoize(Supplier<T> make) {
        return new Supplier<>() {
            private T made;

            @Override
            public synchronized T get() {
                if (made == null) {
                    made = make.get();
                }
                return made;
            }
        };
    }

    /** Runs the prompt on every picked model, {@code repeat} times each, all models at once. */
    public void run() {
        if (mode.get() != Mode.IDLE) {
            message.set(mode.get() == Mode.RUNNING ? "A comparison is running; stop it first (Esc)." : "Open a workspace first.");
            return;
        }
        EngineRequest request;
        try {
            request = editor.request();
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            refusal = e.getMessage();
            return;
        }
        List<ModelChoice> picked = picker.selected();
        if (picked.isEmpty()) {
            message.set("Pick at least one model to run the prompt on.");
            return;
        }
        for (ModelChoice c : picked) {
            if (!c.ready()) {
                message.set(c.name() + " cannot run now: " + c.availability().reason() + " " + c.availability().fix());
                return;
            }
        }
        start(picked, request);
    }

    private void start(List<ModelChoice> picked, EngineRequest request) {
        int n = Math.max(1, repeat.get());
        boolean isBlind = blind.get();
        List<ModelChoice> order = new ArrayList<>(picked);
        if (isBlind) {
            Collections.shuffle(order, shuffle);
        }
        List<PaneModel> made = new ArrayList<>();
        List<StreamBatcher> batchers = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            ModelChoice c = order.get(i);
            String blindLabel = isBlind ? "Model " + (char) ('A' + i) : null;
            String subtitle = c.provider() + " · " + c.kindLabel();
            PaneModel pane = c.model() != null ? new PaneModel(c.model(), c.name(), subtitle, blindLabel, n)
                    : new PaneModel(new RouteModel(c.policy().policy()), c.name(), subtitle, blindLabel, n);
            made.add(pane);
            batchers.add(new StreamBatcher(tasks::onUiThread, batchWindow, nanoTime, batch -> {
                pane.apply(batch);
                if (batch.stream().anyMatch(e -> e instanceof StreamBatcher.Finished
                        || e instanceof StreamBatcher.Note note && note.value() instanceof RoutedResult)) {
                    recomputeStats();
                }
            }));
        }
        panes.setAll(made);
        figuresHidden.set(isBlind);
        clearStats();
        voteOpen.set(false);
        comparison = null;
        panesDone = 0;
        startedNanos = nanoTime.getAsLong();
        mode.set(Mode.RUNNING);
        message.set("Running on " + made.size() + (made.size() == 1 ? " model" : " models")
                + (n > 1 ? ", " + n + " times each" : "") + "…");
        Long versionId = editor.loaded() != null && editor.draft().sameAs(editor.loaded()) ? editor.loaded().id() : null;
        Workspace w = ws;
        Function<Model, ModelEngine> eng = engines;
        Supplier<AutoRoutes> auto = routes;
        launchGate.accept(() -> tasks.run("Start comparison",
                () -> launch(w, eng, auto, versionId, n, isBlind, request, made, batchers),
                launched -> attach(launched, made), e -> {
                    mode.set(Mode.IDLE);
                    message.set("Could not start the comparison: " + e.getMessage());
                }));
    }

    /** What a pane is running: a model's repeats or a policy's routed requests. */
    private record Started(Runnable cancel, CompletableFuture<?> finished) {
    }

    private record Launched(Comparison comparison, List<Started> started) {
    }

    private static Launched launch(Workspace w, Function<Model, ModelEngine> eng, Supplier<AutoRoutes> auto, Long versionId,
                                   int n, boolean isBlind, EngineRequest request, List<PaneModel> made,
                                   List<StreamBatcher> batchers) {
        Comparison c = w.comparisons().create(versionId, n, isBlind);
        ComparisonRunner runner = new ComparisonRunner(new RunService(w), eng);
        List<Started> started = new ArrayList<>();
        for (int i = 0; i < made.size(); i++) {
            PaneModel p = made.get(i);
            BatchingObserver observer = new BatchingObserver(batchers.get(i));
            try {
                if (p.route() == null) {
                    ComparisonRunner.Handle h = runner.start(List.of(p.model()), request, n, c.id(), observer);
                    started.add(new Started(h::cancel, h.finished()));
                } else {
                    AutoRoutes.Handle h = auto.get().start(p.route().policy(), request, n, c.id(), observer);
                    started.add(new Started(h::cancel, h.finished()));
                }
            } catch (RuntimeException e) {
                started.add(new Started(() -> { }, CompletableFuture.failedFuture(e)));
            }
        }
        return new Launched(c, started);
    }

    private void attach(Launched launched, List<PaneModel> made) {
        comparison = launched.comparison();
        for (int i = 0; i < made.size(); i++) {
            PaneModel pane = made.get(i);
            Started s = launched.started().get(i);
            pane.attach(s.cancel());
            s.finished().whenComplete((runs, error) -> tasks.onUiThread(() -> paneDone(pane, error)));
        }
    }

    private void paneDone(PaneModel pane, Throwable error) {
        if (!panes.contains(pane)) {
            return;
        }
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            message.set(pane.realName() + ": " + cause.getMessage());
            pane.failed(cause.getMessage());
        }
        if (++panesDone < panes.size()) {
            return;
        }
        mode.set(Mode.IDLE);
        long runs = panes.stream().mapToLong(p -> p.runs().size()).sum();
        long ok = panes.stream().flatMap(p -> p.runs().stream()).filter(r -> r.status() == RunStatus.COMPLETED).count();
        message.set("Finished " + runs + (runs == 1 ? " run" : " runs") + " in "
                + Formats.elapsed((nanoTime.getAsLong() - startedNanos) / 1_000_000) + (ok < runs ? " (" + (runs - ok)
                + " without a full answer)." : ".") + (blind.get() && comparison != null && comparison.blind() && ok > 0
                ? " Pick the better answer to reveal the names." : ""));
        voteOpen.set(comparison != null && comparison.blind() && ok > 0);
    }

    /**
     * Shows a stored comparison (from History) as it ended: a pane per model with its runs' answers and figures, an
     * "Auto" pane's runs in a pane of their own, the statistics and charts of its repeats. The prompt editor and the
     * picked models are left as they are, so a draft is never lost; Run starts a new comparison from them.
     */
    public void showStored(long comparisonId) {
        if (mode.get() != Mode.IDLE) {
            message.set(mode.get() == Mode.RUNNING ? "A comparison is running; stop it first (Esc)." : "Open a workspace first.");
            return;
        }
        Workspace w = ws;
        tasks.run("Open comparison", () -> StoredComparison.load(w, comparisonId), stored -> {
            if (mode.get() != Mode.IDLE) {
                return; // a Run began meanwhile
            }
            panes.setAll(stored.panes(picker.choices(), nanoTime.getAsLong()));
            comparison = null; // nothing to vote on: the vote, if any, was given when it ran
            voteOpen.set(false);
            figuresHidden.set(false);
            recomputeStats();
            message.set(stored.summary() + " Run starts a new one from the editor.");
        }, e -> message.set("Could not open the comparison: " + e.getMessage()));
    }

    /** Stops every run in flight and every remaining repeat. */
    public void stopAll() {
        panes.forEach(PaneModel::stop);
    }

    /** Records the verdict of a blind comparison: {@code winner} is the better pane, null for a tie; reveals the names. */
    public void vote(PaneModel winner) {
        if (!voteOpen.get() || comparison == null) {
            message.set("Run a blind comparison to the end before voting.");
            return;
        }
        Run winnerRun = winner == null ? null : winner.voteRun();
        Long runId = winnerRun == null ? null : winnerRun.id();
        long cid = comparison.id();
        Workspace w = ws;
        voteOpen.set(false);
        tasks.run("Save vote", () -> w.comparisons().vote(cid, runId), v -> {
            panes.forEach(PaneModel::reveal);
            figuresHidden.set(false);
            recomputeStats();
            message.set(winner == null ? "Vote saved: a tie." : "Vote saved: " + winner.titleProperty().get() + " won.");
            loadWinRates();
        }, e -> {
            voteOpen.set(true);
            message.set("Could not save the vote: " + e.getMessage());
        });
    }

    /** Advances the elapsed clocks of streaming panes (called by the view about ten times a second). */
    public void tick() {
        long now = nanoTime.getAsLong();
        panes.forEach(p -> p.tick(now));
    }

    /**
     * Works the statistics out again off the UI thread (at a run's end six panes may finish in one frame, and the
     * first Run would also load and link the statistics code there); a result is shown only if nothing asked since.
     */
    private void recomputeStats() {
        long asked = ++statsAsked;
        if (figuresHidden.get()) {
            stats.clear();
            return;
        }
        List<Supplier<List<ModelStats.Sample>>> samples = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (PaneModel p : panes) {
            samples.add(p.samplesLater());
            titles.add(p.titleProperty().get());
        }
        tasks.run("Statistics", () -> {
            List<ModelStats> rows = new ArrayList<>();
            for (int i = 0; i < samples.size(); i++) {
                List<ModelStats.Sample> s = samples.get(i).get();
                if (!s.isEmpty()) {
                    rows.add(ModelStats.ofSamples(i, titles.get(i), s));
                }
            }
            return CompareStats.rank(rows);
        }, ranked -> {
            if (asked == statsAsked) {
                stats.setAll(ranked);
            }
        }, e -> message.set("Could not work out the statistics: " + e.getMessage()));
    }

    private void clearStats() {
        statsAsked++;
        stats.clear();
    }

    private void loadWinRates() {
        Workspace w = ws;
        tasks.run("Win rates", () -> {
            Map<Long, String> names = new HashMap<>();
            w.models().list().forEach(m -> names.put(m.id(), m.displayName()));
            return WinRates.compute(w.comparisons().allVotes(), w.runs()::byComparison).stream()
                    .map(r -> new WinRateRow(names.getOrDefault(r.modelId(), "model " + r.modelId()), r.votes(), r.wins(),
                            r.ties(), Formats.percent(r.winRate()))).toList();
        }, winRates::setAll, e -> message.set("Could not read the votes: " + e.getMessage()));
    }

    /** Engine-thread events → the pane's batcher; a routed pane's decisions and results go the same way, in order. */
    private record BatchingObserver(StreamBatcher batcher) implements AutoRoutes.Listener {
        @Override
        public void onStarted(Run run) {
            batcher.started(run);
        }

        @Override
        public void onWaiting(Run run, EngineListener.Waiting why) {
            batcher.waiting(why);
        }

        @Override
        public void onDispatched(Run run) {
            batcher.dispatched();
        }

        @Override
        public void onToken(Run run, String text) {
            batcher.token(text);
        }

        @Override
        public void onReasoning(Run run, String text) {
            batcher.reasoning(text);
        }

        @Override
        public void onFinished(Run run, RunFailure failure) {
            batcher.finished(run, failure);
        }

        @Override
        public void onDecision(int repeatIndex, Decision decision) {
            batcher.note(new PaneModel.Decided(repeatIndex, decision));
        }

        @Override
        public void onRouted(int repeatIndex, RoutedResult result) {
            batcher.note(result);
        }
    }
}
