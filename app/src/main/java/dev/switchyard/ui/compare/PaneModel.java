package dev.switchyard.ui.compare;

import dev.switchyard.app.compare.Formats;
import dev.switchyard.app.compare.ModelStats;
import dev.switchyard.app.compare.RunAdvice;
import dev.switchyard.app.engine.FailureText;
import dev.switchyard.app.compare.StreamBatcher;
import dev.switchyard.app.engine.EngineListener;
import dev.switchyard.app.routing.Decision;
import dev.switchyard.app.routing.RoutedResult;
import dev.switchyard.app.run.RunFailure;
import dev.switchyard.app.models.RunLimits;
import dev.switchyard.workspace.model.CostKind;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunMetrics;
import dev.switchyard.workspace.model.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One answer pane: the model's latest run streaming in, its live metric strip, and its outcome. Updated on the
 * UI thread from {@link StreamBatcher} batches; live figures are marked "~" until the stored run replaces them.
 * An "Auto: &lt;policy&gt;" pane has no model of its own: it has a {@link RouteModel}, streams whichever run its
 * policy makes, and once a routed request ends shows the request's figures (its whole time and the cost of
 * every run it made) and the route taken.
 */
public final class PaneModel {

    /** What the pane shows. */
    public enum State { WAITING, STREAMING, COMPLETED, INCOMPLETE, CANCELLED, FAILED }

    private final Model model;
    private final RouteModel route;
    private final String realName;
    private String provider;
    private final String blindLabel;
    private final int repeat;
    /** Shown again from the workspace (a comparison opened from History), not run now. */
    private boolean reopened;
    private final List<Run> runs = new ArrayList<>();
    private final List<RoutedResult> routed = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    final StringProperty title = new SimpleStringProperty();
    final StringProperty subtitle = new SimpleStringProperty();
    final ObjectProperty<State> state = new SimpleObjectProperty<>(State.WAITING);
    final StringProperty status = new SimpleStringProperty("Waiting");
    final StringProperty answer = new SimpleStringProperty("");
    final StringProperty thinking = new SimpleStringProperty("");
    final StringProperty ttft = new SimpleStringProperty(Formats.NONE);
    final StringProperty speed = new SimpleStringProperty(Formats.NONE);
    final StringProperty inputTokens = new SimpleStringProperty(Formats.NONE);
    final StringProperty outputTokens = new SimpleStringProperty(Formats.NONE);
    final StringProperty cost = new SimpleStringProperty(Formats.NONE);
    final StringProperty elapsed = new SimpleStringProperty(Formats.NONE);
    /**
     * What the strip leaves out of a finished run: how it ended (the intent matched, an answer cut at max tokens,
     * the model served) then its load, queue, prefill, peak memory …; "" while streaming.
     */
    final StringProperty otherFigures = new SimpleStringProperty("");
    final StringProperty error = new SimpleStringProperty("");
    final StringProperty advice = new SimpleStringProperty("");
    /** The failing library's own words (ONNX Runtime's message) under the error and advice, "" when none. */
    final StringProperty errorDetail = new SimpleStringProperty("");
    final BooleanProperty running = new SimpleBooleanProperty();
    final BooleanProperty hidden = new SimpleBooleanProperty();
    private final ReadOnlyIntegerWrapper shownRun = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyIntegerWrapper runCount = new ReadOnlyIntegerWrapper(0);
    private Runnable canceller;
    private boolean stopRequested;
    private long startedNanos;
    /** When the engine began the run (a local engine: after its queue and the model's load); 0: not said. */
    private long dispatchedNanos;
    private long firstTokenNanos;
    private long lastTokenNanos;
    private int pieces;
    private int runIndex;

    /**
     * A model's pane. A run that hit a time limit names in its advice the limits that run was started with, as stored
     * with it (workspace-schema decision 15) — not the model's limits when the picker was filled, nor today's.
     */
    PaneModel(Model model, String realName, String provider, String blindLabel, int repeat) {
        this(model, null, realName, provider, blindLabel, repeat);
    }

    /**
     * A pane that shows stored runs again (a comparison opened from History): the time limits its advice names are
     * the ones each run ran with ("60 s when it ran"), or said not to be recorded for a run stored before they were.
     */
    PaneModel reopened() {
        reopened = true;
        return this;
    }

    /** An empty pane that shows nothing (pre-built pane views hold one until a run needs them). */
    static PaneModel blank() {
        return new PaneModel((Model) null, "", "", null, 1);
    }

    /** A routed pane: {@code route} instead of a model. */
    PaneModel(RouteModel route, String realName, String provider, String blindLabel, int repeat) {
        this(null, route, realName, provider, blindLabel, repeat);
    }

    private PaneModel(Model model, RouteModel route, String realName, String provider, String blindLabel, int repeat) {
        this.model = model;
        this.route = route;
        this.realName = realName;
        this.provider = provider;
        this.blindLabel = blindLabel;
        this.repeat = repeat;
        hide(blindLabel != null);
    }

    // ---------------------------------------------------------------- properties
    /** The model of a model pane; null for a routed pane. */
    public Model model() { return model; }
    /** The route of an "Auto: &lt;policy&gt;" pane; null for a model pane. */
    public RouteModel route() { return route; }
    public String realName() { return realName; }
    public StringProperty titleProperty() { return title; }
    public StringProperty subtitleProperty() { return subtitle; }
    public ObjectProperty<State> stateProperty() { return state; }
    public StringProperty statusProperty() { return status; }
    public StringProperty otherFiguresProperty() { return otherFigures; }
    public StringProperty answerProperty() { return answer; }
    public StringProperty reasoningProperty() { return thinking; }
    public StringProperty ttftProperty() { return ttft; }
    public StringProperty speedProperty() { return speed; }
    public StringProperty inputTokensProperty() { return inputTokens; }
    public StringProperty outputTokensProperty() { return outputTokens; }
    public StringProperty costProperty() { return cost; }
    public StringProperty elapsedProperty() { return elapsed; }
    public StringProperty errorProperty() { return error; }
    public StringProperty adviceProperty() { return advice; }
    public StringProperty errorDetailProperty() { return errorDetail; }
    public BooleanProperty runningProperty() { return running; }
    public BooleanProperty hiddenProperty() { return hidden; }

    /** Stored runs of this pane so far, in repeat order (a routed pane: every step's run). */
    public List<Run> runs() {
        return List.copyOf(runs);
    }

    /** One sample per finished repeat: a model pane's runs, a routed pane's requests. */
    public List<ModelStats.Sample> samples() {
        return samplesLater().get();
    }

    /**
     * The finished repeats as they are now, copied: {@link #samples()} made later on any thread (the statistics are
     * worked out off the UI thread).
     */
    public Supplier<List<ModelStats.Sample>> samplesLater() {
        if (route == null) {
            List<Run> done = List.copyOf(runs);
            return () -> done.stream().map(ModelStats.Sample::of).toList();
        }
        List<RoutedResult> done = List.copyOf(routed);
        return () -> done.stream().map(ModelStats.Sample::of).toList();
    }

    /**
     * The run a blind vote for this pane names: the answer shown when it is a full one, else its first full answer
     * (a routed pane: the answer of a request).
     */
    public Run voteRun() {
        int at = shownRun.get();
        Run shown = at < 0 ? null : route == null ? (at < runs.size() ? runs.get(at) : null)
                : at < routed.size() ? routed.get(at).answer() : null;
        if (shown != null && shown.status() == RunStatus.COMPLETED) {
            return shown;
        }
        List<Run> candidates = route == null ? runs : routed.stream().map(RoutedResult::answer).filter(a -> a != null).toList();
        return candidates.stream().filter(r -> r.status() == RunStatus.COMPLETED).findFirst()
                .or(() -> candidates.stream().findFirst()).orElse(null);
    }

    // ---------------------------------------------------------------- commands

    /** Stops this model's run in flight and its remaining repeats. */
    public void stop() {
        stopRequested = true;
        if (canceller != null) {
            canceller.run();
        }
    }

    void attach(Runnable cancel) {
        canceller = cancel;
        if (stopRequested) {
            cancel.run();
        }
    }

    /** The pane could not start (e.g. its policy can no longer be read): shows why. */
    void failed(String sentence) {
        running.set(false);
        state.set(State.FAILED);
        status.set("Failed");
        error.set(sentence == null || sentence.isBlank() ? "The pane could not start." : sentence);
        advice.set(route != null ? "Open the policy in Routing and check it." : "Check the model in Models and providers.");
    }

    /** Shows or hides the model's identity (blind mode). */
    void hide(boolean hide) {
        hidden.set(hide);
        title.set(hide ? blindLabel : realName);
        subtitle.set(hide ? "name hidden until you vote" : provider);
    }

    /** Reveals the name next to the blind label after a vote. */
    void reveal() {
        hidden.set(false);
        title.set(blindLabel == null ? realName : blindLabel + " · " + realName);
        subtitle.set(provider);
        if (!runs.isEmpty()) {
            int at = shownRun.get();
            otherFigures.set(notes(runs.get(route == null && at >= 0 && at < runs.size() ? at : runs.size() - 1)));
        }
    }

    /** The line under the strip; the model a provider served is left out while names are hidden (it names it). */
    private String notes(Run run) {
        return Formats.notes(run, model == null || hidden.get() ? null : model.apiModelId());
    }

    void apply(List<StreamBatcher.Event> batch) {
        for (StreamBatcher.Event e : batch) {
            if (e instanceof StreamBatcher.Started s) {
                begin(s);
            } else if (e instanceof StreamBatcher.Waiting w) {
                waiting(w.why());
            } else if (e instanceof StreamBatcher.Dispatched d) {
                dispatched(d.atNanos());
            } else if (e instanceof StreamBatcher.Tokens t) {
                tokens(t);
            } else if (e instanceof StreamBatcher.Finished f) {
                finish(f.run(), f.failure());
            } else if (e instanceof StreamBatcher.Note n && route != null) {
                note(n.value());
            }
        }
        answer.set(text.toString());
        thinking.set(reasoning.toString());
    }

    /** Advances the elapsed clock of a streaming pane. */
    void tick(long nowNanos) {
        if (running.get() && startedNanos != 0) {
            elapsed.set(Formats.elapsed((nowNanos - startedNanos) / 1_000_000));
        }
    }

    private void begin(StreamBatcher.Started s) {
        text.setLength(0);
        reasoning.setLength(0);
        startedNanos = s.atNanos();
        dispatchedNanos = 0;
        firstTokenNanos = 0;
        pieces = 0;
        runIndex = s.run().repeatIndex();
        running.set(true);
        error.set("");
        advice.set("");
        errorDetail.set("");
        if (model != null && model.kind() != ModelKind.CLOUD) {
            // until the local engine says it began (it says why it waits: the model loading, the device busy)
            state.set(State.WAITING);
            status.set(runLabel("Starting"));
        } else {
            showStreaming();
        }
        for (StringProperty p : List.of(ttft, speed, inputTokens, outputTokens, cost)) {
            p.set(Formats.NONE);
        }
        otherFigures.set("");
    }

    private void waiting(EngineListener.Waiting why) {
        if (state.get() == State.WAITING) {
            status.set(runLabel(why == EngineListener.Waiting.LOADING_MODEL ? "Loading the model" : "Waiting for another local run"));
        }
    }

    private void dispatched(long atNanos) {
        dispatchedNanos = atNanos;
        showStreaming();
    }

    private void showStreaming() {
        state.set(State.STREAMING);
        status.set(runLabel("Streaming"));
    }

    private String runLabel(String what) {
        return repeat > 1 ? what + " · " + (runIndex + 1) + "/" + repeat : what;
    }

    private void tokens(StreamBatcher.Tokens t) {
        text.append(t.text());
        reasoning.append(t.reasoning());
        if (firstTokenNanos == 0) {
            firstTokenNanos = t.firstNanos();
            if (state.get() == State.WAITING) {
                showStreaming(); // an engine that never said it began: streaming now all the same
            }
            // TTFT as the engine counts it: from its start, not from the run's creation (queue and load excluded)
            long from = dispatchedNanos != 0 ? dispatchedNanos : startedNanos;
            ttft.set("~" + Formats.ms((firstTokenNanos - from) / 1e6));
        }
        lastTokenNanos = t.lastNanos();
        pieces += t.pieces();
        outputTokens.set(Formats.tokens(pieces, true));
        if (pieces > 1 && lastTokenNanos > firstTokenNanos) {
            speed.set("~" + Formats.tps((pieces - 1) / ((lastTokenNanos - firstTokenNanos) / 1e9)));
        }
    }

    private void finish(Run run, RunFailure failure) {
        runs.add(run);
        running.set(false);
        if (!run.outputText().isEmpty() && run.outputText().length() >= text.length()) {
            text.setLength(0);
            text.append(run.outputText());
        }
        if (run.reasoningText() != null && run.reasoningText().length() >= reasoning.length()) {
            reasoning.setLength(0);
            reasoning.append(run.reasoningText());
        }
        if (route == null) { // a routed pane counts requests, not the runs of their steps (routed)
            shownRun.set(runs.size() - 1);
            runCount.set(runs.size());
        }
        display(run, failure);
    }

    /**
     * Shows finished run {@code index} (0-based, in repeat order): its answer, figures and outcome — the answers of a
     * comparison's other repeats; for a routed pane, request {@code index} with its route. Ignored while the pane
     * runs or out of range.
     */
    public void showRun(int index) {
        if (running.get() || index < 0 || index >= runCount.get() || index == shownRun.get()) {
            return;
        }
        RoutedResult request = route == null ? null : routed.get(index);
        Run run = request == null ? runs.get(index) : request.answer();
        text.setLength(0);
        text.append(run == null ? "" : run.outputText());
        reasoning.setLength(0);
        reasoning.append(run == null || run.reasoningText() == null ? "" : run.reasoningText());
        error.set("");
        advice.set("");
        errorDetail.set("");
        shownRun.set(index);
        if (request != null && request.decision() != null) {
            route.decided(request.decision(), index, repeat);
        }
        if (run != null) {
            display(run, null);
        } else {
            answer.set("");
            thinking.set("");
        }
        if (request != null) {
            showRequest(request, index + 1); // the request's own figures and status over its answer run's
        }
    }

    /** Which finished run the pane shows (0-based), -1 before the first ends. */
    public ReadOnlyIntegerProperty shownRunProperty() { return shownRun.getReadOnlyProperty(); }
    /** How many runs of this pane have finished. */
    public ReadOnlyIntegerProperty runCountProperty() { return runCount.getReadOnlyProperty(); }

    private void display(Run run, RunFailure failure) {
        // the whole answer first: whoever sees the pane end (the view renders on that change) sees all of it
        answer.set(text.toString());
        thinking.set(reasoning.toString());
        RunMetrics m = run.metrics();
        ttft.set(Formats.ms(m.ttftMs()));
        speed.set(Formats.tps(m.decodeTps()));
        inputTokens.set(Formats.tokens(m.inputTokens(), run.tokensEstimated()));
        outputTokens.set(Formats.tokens(m.outputTokens(), run.tokensEstimated()));
        cost.set(Formats.usd(run.cost().usd())
                + (run.cost().kind() == CostKind.DEVICE ? " device" : ""));
        if (m.totalMs() != null) {
            elapsed.set(Formats.elapsed(m.totalMs() + (m.queueMs() == null ? 0 : m.queueMs())));
        }
        otherFigures.set(notes(run));
        state.set(switch (run.status()) {
            case COMPLETED -> State.COMPLETED;
            case CANCELLED -> State.CANCELLED;
            case INCOMPLETE -> State.INCOMPLETE;
            default -> State.FAILED;
        });
        String what = word(state.get());
        status.set(repeat > 1 ? what + " · " + (run.repeatIndex() + 1) + "/" + repeat : what);
        if (run.status() != RunStatus.COMPLETED) {
            String kind = failure != null ? failure.kind() : run.error() == null ? null : run.error().kind();
            String message = failure != null ? failure.message() : run.error() == null ? "" : run.error().message();
            String sentence = FailureText.sentence(message);
            error.set(sentence == null || sentence.isBlank() ? "The run ended without a full answer." : sentence);
            advice.set(advice(kind, run));
            errorDetail.set(FailureText.detail(message));
        }
    }

    /**
     * What to do after a run that ended without a full answer; a timed-out cloud model's names it and the limit it hit,
     * as {@code run} stored it (not in blind mode: that would give the model away).
     */
    private String advice(String kind, Run run) {
        boolean named = model != null && blindLabel == null;
        return RunAdvice.whatToDo(kind, named ? realName : null,
                named && model.kind() == dev.switchyard.workspace.model.ModelKind.CLOUD ? RunLimits.of(run) : null,
                reopened);
    }

    /** A routed pane's decision (before its runs) or result (after them). */
    private void note(Object value) {
        if (value instanceof Decided d) {
            route.decided(d.decision(), d.repeatIndex(), repeat);
            if (runs.isEmpty() && routed.isEmpty()) {
                status.set("Routing");
            }
        } else if (value instanceof RoutedResult r) {
            routed(r);
        }
    }

    /** A routed pane's decision for repeat {@code repeatIndex}. */
    record Decided(int repeatIndex, Decision decision) {
    }

    private void routed(RoutedResult r) {
        routed.add(r);
        shownRun.set(routed.size() - 1);
        runCount.set(routed.size());
        showRequest(r, routed.size());
    }

    /** A routed request's route, figures and outcome; {@code number} counts the pane's requests from 1. */
    private void showRequest(RoutedResult r, int number) {
        route.routed(r);
        ModelStats.Sample sample = ModelStats.Sample.of(r);
        Run answer = r.answer();
        provider = "Auto · " + (answer == null ? "nothing ran"
                : "routed to " + r.steps().get(r.steps().size() - 1).model());
        if (!hidden.get()) {
            subtitle.set(provider);
        }
        ttft.set(Formats.ms(sample.ttftMs()));
        boolean onDevice = r.steps().stream().allMatch(s -> s.run() != null
                && s.run().cost().kind() == CostKind.DEVICE);
        cost.set(Formats.usd(r.totalCostUsd()) + (onDevice ? " device" : r.steps().size() > 1 ? " total" : ""));
        elapsed.set(Formats.elapsed(r.totalMs()));
        String steps = r.steps().size() > 1 ? " · " + r.steps().size() + " steps" : "";
        String of = repeat > 1 ? " · " + number + "/" + repeat : "";
        if (answer == null) {
            running.set(false);
            state.set(State.FAILED);
            String why = r.steps().isEmpty() ? "The policy sent the prompt nowhere." : r.steps().get(r.steps().size() - 1).outcome();
            error.set(why);
            advice.set("Open the policy in Routing and fix its targets, or add the model it names in Models and providers.");
            status.set("Failed" + of);
        } else {
            status.set(word(state.get()) + steps + of);
        }
    }

    private static String word(State s) {
        return switch (s) {
            case COMPLETED -> "Done";
            case CANCELLED -> "Stopped";
            case INCOMPLETE -> "Incomplete";
            default -> "Failed";
        };
    }
}
