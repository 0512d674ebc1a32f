package dev.switchyard.ui.compare;

import dev.switchyard.app.compare.Formats;
import dev.switchyard.app.compare.RunAdvice;
import dev.switchyard.app.compare.StreamBatcher;
import dev.switchyard.app.run.RunFailure;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunMetrics;
import dev.switchyard.workspace.model.RunStatus;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One answer pane: the model's latest run streaming in, its live metric strip, and its outcome. Updated on the
 * UI thread from {@link StreamBatcher} batches; live figures are marked "~" until the stored run replaces them.
 */
public final class PaneModel {

    /** What the pane shows. */
    public enum State { WAITING, STREAMING, COMPLETED, INCOMPLETE, CANCELLED, FAILED }

    private final Model model;
    private final String realName;
    private final String provider;
    private final String blindLabel;
    private final int repeat;
    private final List<Run> runs = new ArrayList<>();
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
    final StringProperty error = new SimpleStringProperty("");
    final StringProperty advice = new SimpleStringProperty("");
    final BooleanProperty running = new SimpleBooleanProperty();
    final BooleanProperty hidden = new SimpleBooleanProperty();
    private Runnable canceller;
    private boolean stopRequested;
    private long startedNanos;
    private long firstTokenNanos;
    private long lastTokenNanos;
    private int pieces;

    PaneModel(Model model, String realName, String provider, String blindLabel, int repeat) {
        this.model = model;
        this.realName = realName;
        this.provider = provider;
        this.blindLabel = blindLabel;
        this.repeat = repeat;
        hide(blindLabel != null);
    }

    // ---------------------------------------------------------------- properties
    public Model model() { return model; }
    public String realName() { return realName; }
    public StringProperty titleProperty() { return title; }
    public StringProperty subtitleProperty() { return subtitle; }
    public ObjectProperty<State> stateProperty() { return state; }
    public StringProperty statusProperty() { return status; }
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
    public BooleanProperty runningProperty() { return running; }
    public BooleanProperty hiddenProperty() { return hidden; }

    /** Stored runs of this pane so far, in repeat order. */
    public List<Run> runs() {
        return List.copyOf(runs);
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
    }

    void apply(List<StreamBatcher.Event> batch) {
        for (StreamBatcher.Event e : batch) {
            if (e instanceof StreamBatcher.Started s) {
                begin(s);
            } else if (e instanceof StreamBatcher.Tokens t) {
                tokens(t);
            } else if (e instanceof StreamBatcher.Finished f) {
                finish(f.run(), f.failure());
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
        firstTokenNanos = 0;
        pieces = 0;
        running.set(true);
        state.set(State.STREAMING);
        error.set("");
        advice.set("");
        status.set(repeat > 1 ? "Streaming · run " + (s.run().repeatIndex() + 1) + " of " + repeat : "Streaming");
        for (StringProperty p : List.of(ttft, speed, inputTokens, outputTokens, cost)) {
            p.set(Formats.NONE);
        }
    }

    private void tokens(StreamBatcher.Tokens t) {
        text.append(t.text());
        reasoning.append(t.reasoning());
        if (firstTokenNanos == 0) {
            firstTokenNanos = t.firstNanos();
            ttft.set("~" + Formats.ms((firstTokenNanos - startedNanos) / 1e6));
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
        RunMetrics m = run.metrics();
        ttft.set(Formats.ms(m.ttftMs()));
        speed.set(Formats.tps(m.decodeTps()));
        inputTokens.set(Formats.tokens(m.inputTokens(), run.tokensEstimated()));
        outputTokens.set(Formats.tokens(m.outputTokens(), run.tokensEstimated()));
        cost.set(Formats.usd(run.cost().usd())
                + (run.cost().kind() == dev.switchyard.workspace.model.CostKind.DEVICE ? " device" : ""));
        if (m.totalMs() != null) {
            elapsed.set(Formats.elapsed(m.totalMs() + (m.queueMs() == null ? 0 : m.queueMs())));
        }
        state.set(switch (run.status()) {
            case COMPLETED -> State.COMPLETED;
            case CANCELLED -> State.CANCELLED;
            case INCOMPLETE -> State.INCOMPLETE;
            default -> State.FAILED;
        });
        String what = switch (state.get()) {
            case COMPLETED -> "Done";
            case CANCELLED -> "Stopped";
            case INCOMPLETE -> "Incomplete";
            default -> "Failed";
        };
        status.set(repeat > 1 ? what + " · run " + (run.repeatIndex() + 1) + " of " + repeat : what);
        if (run.status() != RunStatus.COMPLETED) {
            String kind = failure != null ? failure.kind() : run.error() == null ? null : run.error().kind();
            String sentence = failure != null ? failure.message() : run.error() == null ? "" : run.error().message();
            error.set(sentence == null || sentence.isBlank() ? "The run ended without a full answer." : sentence);
            advice.set(RunAdvice.whatToDo(kind));
        }
    }
}
