package dev.switchyard.app.compare;

import dev.switchyard.app.engine.EngineListener;
import dev.switchyard.app.run.RunFailure;
import dev.switchyard.workspace.model.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Coalesces one pane's stream events (arriving on engine threads) into batches delivered on the UI thread:
 * the first token after a delivery schedules one delivery a short delay later (the batch window, ~25 ms), so
 * a pane costs at most one UI-thread post per window however fast tokens arrive. Run start and end are
 * delivered at once, after any text that came before them. Events keep their order.
 */
public final class StreamBatcher {

    /** One event of a batch. */
    public sealed interface Event permits Started, Waiting, Dispatched, Tokens, Finished, Note {
    }

    /** A run began; {@code atNanos} when the event was seen. */
    public record Started(Run run, long atNanos) implements Event {
    }

    /** The run waits for its engine, and why (a local model loading, the device busy with another run). */
    public record Waiting(EngineListener.Waiting why) implements Event {
    }

    /** The engine began the run (after a local engine's queue and model load); {@code atNanos} when seen. */
    public record Dispatched(long atNanos) implements Event {
    }

    /** Text (and/or reasoning) that arrived in a window: {@code pieces} token events, the first and last seen at. */
    public record Tokens(String text, String reasoning, int pieces, long firstNanos, long lastNanos) implements Event {
        Tokens plus(String t, String r, long now) {
            return new Tokens(text + t, reasoning + r, pieces + 1, firstNanos, now);
        }
    }

    /** A run reached its stored terminal state; {@code failure} null when it completed. */
    public record Finished(Run run, RunFailure failure, long atNanos) implements Event {
    }

    /** Something else the pane shows, in stream order (a routed pane's decision and result). */
    public record Note(Object value) implements Event {
    }

    private final Consumer<Runnable> uiThread;
    private final Executor window;
    private final LongSupplier nanoTime;
    private final Consumer<List<Event>> deliver;
    private final AtomicLong posts = new AtomicLong();
    private List<Event> pending = new ArrayList<>();
    private boolean scheduled;

    /**
     * @param uiThread posts a runnable to the UI thread ({@code TaskRunner::onUiThread})
     * @param window   runs a task after the batch window (production: {@code CompletableFuture.delayedExecutor});
     *                 {@code Runnable::run} delivers at once (tests)
     * @param nanoTime monotonic clock
     * @param deliver  receives each batch on the UI thread
     */
    public StreamBatcher(Consumer<Runnable> uiThread, Executor window, LongSupplier nanoTime, Consumer<List<Event>> deliver) {
        this.uiThread = uiThread;
        this.window = window;
        this.nanoTime = nanoTime;
        this.deliver = deliver;
    }

    public void started(Run run) {
        add(new Started(run, nanoTime.getAsLong()), true);
    }

    /** Delivers why the run waits at once. */
    public void waiting(EngineListener.Waiting why) {
        add(new Waiting(why), true);
    }

    /** Delivers the engine's start at once (a pane that waited for a local engine then shows it streaming). */
    public void dispatched() {
        add(new Dispatched(nanoTime.getAsLong()), true);
    }

    public void token(String text) {
        piece(text, "");
    }

    public void reasoning(String text) {
        piece("", text);
    }

    public void finished(Run run, RunFailure failure) {
        add(new Finished(run, failure, nanoTime.getAsLong()), true);
    }

    /** Delivers {@code value} at once, after any text that came before it. */
    public void note(Object value) {
        add(new Note(value), true);
    }

    /** UI-thread posts made so far (for the benchmark and tests). */
    public long posts() {
        return posts.get();
    }

    private void piece(String text, String reasoning) {
        long now = nanoTime.getAsLong();
        boolean schedule;
        synchronized (this) {
            int last = pending.size() - 1;
            if (last >= 0 && pending.get(last) instanceof Tokens t) {
                pending.set(last, t.plus(text, reasoning, now));
            } else {
                pending.add(new Tokens(text, reasoning, 1, now, now));
            }
            schedule = !scheduled;
            scheduled = true;
        }
        if (schedule) {
            window.execute(this::post);
        }
    }

    private void add(Event event, boolean now) {
        synchronized (this) {
            pending.add(event);
            scheduled = true;
        }
        if (now) {
            post();
        }
    }

    private void post() {
        posts.incrementAndGet();
        uiThread.accept(this::flush);
    }

    private void flush() {
        List<Event> batch;
        synchronized (this) {
            batch = pending;
            pending = new ArrayList<>();
            scheduled = false;
        }
        if (!batch.isEmpty()) {
            deliver.accept(batch);
        }
    }
}
