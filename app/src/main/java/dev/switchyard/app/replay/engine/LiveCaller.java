package dev.switchyard.app.replay.engine;

import dev.switchyard.app.engine.EngineRequest;
import dev.switchyard.app.engine.ModelEngine;
import dev.switchyard.app.run.ActiveRun;
import dev.switchyard.app.run.RunObserver;
import dev.switchyard.app.run.RunService;
import dev.switchyard.app.run.RunSpec;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.Run;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Makes live calls for a replay through the run service (so every call is stored and priced like any run),
 * with at most {@code perProvider} calls in flight per cloud provider and one at a time per local model
 * (DESIGN.md: two runs on one local model never overlap). Cancelling cancels every call in flight.
 */
final class LiveCaller {

    private final RunService runs;
    private final Function<Model, ModelEngine> engines;
    private final int perProvider;
    private final Map<String, Semaphore> limits = new ConcurrentHashMap<>();
    private final Map<Long, ModelEngine> engineByModel = new ConcurrentHashMap<>();
    private final Set<ActiveRun> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    LiveCaller(RunService runs, Function<Model, ModelEngine> engines, int perProvider) {
        this.runs = runs;
        this.engines = engines;
        this.perProvider = perProvider;
    }

    /** Calls the model and waits for its stored terminal run; throws CancellationException once cancelled. */
    Run call(Model model, EngineRequest request, String routeJson) throws InterruptedException {
        Semaphore limit = limits.computeIfAbsent(model.kind() == ModelKind.CLOUD ? "provider:" + model.providerId()
                : "model:" + model.id(), k -> new Semaphore(model.kind() == ModelKind.CLOUD ? perProvider : 1, true));
        limit.acquire();
        try {
            if (cancelled) {
                throw new java.util.concurrent.CancellationException("replay cancelled");
            }
            ModelEngine engine = engineByModel.computeIfAbsent(model.id(), id -> engines.apply(model));
            ActiveRun run = runs.start(new RunSpec(model, request, null, null, 0, routeJson), engine, RunObserver.NONE);
            inFlight.add(run);
            try {
                if (cancelled) {
                    run.cancel();
                }
                return run.finished().get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("the run could not be stored: " + e.getCause().getMessage(), e);
            } finally {
                inFlight.remove(run);
            }
        } finally {
            limit.release();
        }
    }

    void cancel() {
        cancelled = true;
        inFlight.forEach(ActiveRun::cancel);
    }

    boolean cancelled() {
        return cancelled;
    }
}
