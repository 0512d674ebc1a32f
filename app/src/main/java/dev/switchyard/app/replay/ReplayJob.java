package dev.switchyard.app.replay;

import dev.switchyard.app.engine.ModelEngine;
import dev.switchyard.app.replay.engine.Cell;
import dev.switchyard.app.replay.engine.ItemCodec;
import dev.switchyard.app.replay.engine.ItemOutcome;
import dev.switchyard.app.replay.engine.ItemRunner;
import dev.switchyard.app.replay.engine.ReplayListener;
import dev.switchyard.app.replay.engine.ReplayProgress;
import dev.switchyard.app.replay.engine.ReplayResult;
import dev.switchyard.app.replay.engine.RoutePlan;
import dev.switchyard.app.replay.results.Summary;
import dev.switchyard.app.run.RunService;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.DatasetItem;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.Replay;
import dev.switchyard.workspace.model.ReplayItem;
import dev.switchyard.workspace.model.ReplayStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A running replay: items are replayed on worker threads; an item's outcome is stored as soon as it made a
 * live call (else in batches of {@value #BATCH}), so an interrupted replay resumes without repeating a call.
 * Cancel stops the calls in flight; the replay ends CANCELLED with what was finished, and can be resumed.
 */
public final class ReplayJob {

    static final int BATCH = 256;

    private final Workspace workspace;
    private final Prepared prepared;
    private final List<ReplayService.Blocked> blocked;
    private final Replay replay;
    private final ReplayListener listener;
    private final ItemRunner runner;
    private final CompletableFuture<ReplayResult> result = new CompletableFuture<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<ItemOutcome> buffer = new ArrayList<>();
    private final Map<Long, ItemOutcome> outcomes = new HashMap<>();
    private final RunService runs;
    private final Function<Model, ModelEngine> engines;
    private int done;
    private double spent;
    private int unpricedCalls;
    private double judgeSpent;
    private long startNanos;

    /** {@code blocked}: the models that could not run when it (last) started, kept in its setup. */
    ReplayJob(Workspace workspace, RunService runs, Function<Model, ModelEngine> engines, Prepared prepared,
              Replay replay, ReplayListener listener, List<ReplayService.Blocked> blocked) {
        this.blocked = List.copyOf(blocked);
        this.workspace = workspace;
        this.runs = runs;
        this.engines = engines;
        this.prepared = prepared;
        this.replay = replay;
        this.listener = listener;
        this.runner = new ItemRunner(prepared.policy().targets(), prepared.cached(), runs, engines,
                prepared.options(), prepared.policy().versionId());
        prepared.finished().forEach(o -> outcomes.put(o.item().id(), o));
        this.done = outcomes.size();
    }

    public long replayId() {
        return replay.id();
    }

    /** Completes with the whole result (partial when cancelled); exceptionally when storage failed. */
    public CompletableFuture<ReplayResult> result() {
        return result;
    }

    /** Stops the replay: calls in flight are cancelled, finished items stay stored, the rest can be resumed. */
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            runner.cancel();
        }
    }

    void begin() {
        Thread t = new Thread(this::runAll, "switchyard-replay-" + replay.id());
        t.setDaemon(true);
        t.start();
    }

    private void runAll() {
        startNanos = System.nanoTime();
        boolean live = prepared.estimate().needsConfirmation() || prepared.estimate().localCalls() > 0;
        int threads = live ? Math.min(16, Math.max(2, prepared.options().perProviderLimit() * 2)) : 2;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "switchyard-replay-worker");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Map.Entry<DatasetItem, RoutePlan> e : prepared.todo().entrySet()) {
                futures.add(pool.submit(() -> one(e.getKey(), e.getValue())));
            }
            Throwable failure = null;
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException ex) {
                    if (!(ex.getCause() instanceof CancellationException) && failure == null) {
                        failure = ex.getCause();
                        cancel();
                    }
                }
            }
            flush();
            if (failure != null) {
                workspace.replays().finish(replay.id(), ReplayStatus.FAILED, summaryJson(false));
                result.completeExceptionally(failure);
                return;
            }
            ReplayStatus status = cancelled.get() ? ReplayStatus.CANCELLED : ReplayStatus.COMPLETED;
            Replay finished = workspace.replays().finish(replay.id(), status, summaryJson(true));
            result.complete(resultOf(finished));
        } catch (Throwable e) {
            result.completeExceptionally(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void one(DatasetItem item, RoutePlan plan) {
        if (cancelled.get()) {
            throw new CancellationException("replay cancelled");
        }
        ItemOutcome o;
        try {
            o = runner.run(item, plan);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("replay interrupted");
        }
        if (cancelled.get() && o.cells().values().stream().anyMatch(c -> c.status() != dev.switchyard.workspace.model
                .RunStatus.COMPLETED && c.source() == Cell.Source.LIVE)) {
            throw new CancellationException("replay cancelled during this item");
        }
        boolean madeCalls = o.cells().values().stream().anyMatch(c -> c.source() == Cell.Source.LIVE);
        ReplayProgress progress;
        synchronized (this) {
            outcomes.put(item.id(), o);
            buffer.add(o);
            done++;
            spent += o.cells().values().stream().filter(c -> c.source() == Cell.Source.LIVE).mapToDouble(Cell::cost).sum();
            unpricedCalls += (int) o.cells().values().stream().filter(c -> c.source() == Cell.Source.LIVE && c.unpriced())
                    .count();
            judgeSpent += o.judgeCostUsd();
            if (madeCalls || buffer.size() >= BATCH) {
                flush();
            }
            int total = prepared.items().size();
            int doneHere = done - prepared.finished().size();
            long elapsed = (System.nanoTime() - startNanos) / 1_000_000L;
            long eta = doneHere == 0 ? -1 : elapsed * (total - done) / doneHere;
            progress = new ReplayProgress(done, total, spent, judgeSpent, eta, unpricedCalls);
        }
        listener.onItem(o);
        listener.onProgress(progress);
    }

    private synchronized void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        List<ReplayItem> rows = new ArrayList<>(buffer.size());
        buffer.forEach(o -> rows.add(ItemCodec.toRow(replay.id(), o)));
        workspace.replays().saveItems(rows);
        buffer.clear();
    }

    private synchronized ReplayResult resultOf(Replay r) {
        List<ItemOutcome> ordered = new ArrayList<>(outcomes.values());
        ordered.sort(Comparator.comparingInt(o -> o.item().position()));
        return new ReplayService(workspace, runs, engines, java.time.Clock.systemUTC()).result(r, ordered);
    }

    private String summaryJson(boolean withSummary) {
        var n = ReplaySetup.JSON.createObjectNode();
        var setup = ReplaySetup.of(prepared.policy(), prepared.options()).toJson();
        if (!blocked.isEmpty()) {
            setup.set("blocked", ReplayService.Blocked.toJson(blocked));
        }
        n.set("setup", setup);
        if (withSummary) {
            n.set("summary", Summary.of(resultOf(replay)).toJson());
        }
        return n.toString();
    }
}
