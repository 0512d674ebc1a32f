package dev.switchyard.app.run;

import dev.switchyard.app.engine.EngineRequest;
import dev.switchyard.app.engine.ModelEngine;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Runs one prompt on several models, N times each, following DESIGN.md's scheduling rules: the repeats
 * of one model run one after another; different models run at the same time; a local engine serialises
 * its own runs (two runs on one local model never overlap), and the wait shows as queue time.
 */
public final class ComparisonRunner {

    private final RunService runs;
    private final Function<Model, ModelEngine> engines;

    public ComparisonRunner(RunService runs, Function<Model, ModelEngine> engines) {
        this.runs = runs;
        this.engines = engines;
    }

    /** A started comparison: cancel it, or wait for every stored run (in model order, then repeat order). */
    public static final class Handle {
        private final List<ActiveRun> active = new CopyOnWriteArrayList<>();
        private final CompletableFuture<List<Run>> finished;
        private volatile boolean cancelled;

        private Handle(List<CompletableFuture<List<Run>>> chains) {
            this.finished = CompletableFuture.allOf(chains.toArray(CompletableFuture[]::new)).thenApply(v -> {
                List<Run> all = new ArrayList<>();
                chains.forEach(c -> all.addAll(c.join()));
                return all;
            });
        }

        public CompletableFuture<List<Run>> finished() {
            return finished;
        }

        /** Stops every run in flight and starts no further repeat. */
        public void cancel() {
            cancelled = true;
            active.forEach(ActiveRun::cancel);
        }
    }

    public Handle start(List<Model> models, EngineRequest request, int repeat, Long comparisonId, RunObserver observer) {
        if (repeat < 1) {
            throw new IllegalArgumentException("repeat must be at least 1");
        }
        List<CompletableFuture<List<Run>>> chains = new ArrayList<>();
        Handle[] self = new Handle[1];
        List<Runnable> starters = new ArrayList<>();
        for (Model model : models) {
            CompletableFuture<List<Run>> chain = new CompletableFuture<>();
            chains.add(chain);
            starters.add(() -> next(self[0], model, request, 0, repeat, comparisonId, observer, new ArrayList<>(), chain));
        }
        self[0] = new Handle(chains);
        starters.forEach(Runnable::run);
        return self[0];
    }

    private void next(Handle handle, Model model, EngineRequest request, int index, int repeat, Long comparisonId,
                      RunObserver observer, List<Run> done, CompletableFuture<List<Run>> chain) {
        if (index >= repeat || handle.cancelled) {
            chain.complete(List.copyOf(done));
            return;
        }
        ActiveRun run;
        try {
            run = runs.start(new RunSpec(model, request, null, comparisonId, index, null), engines.apply(model), observer);
        } catch (RuntimeException e) {
            chain.completeExceptionally(e);
            return;
        }
        handle.active.add(run);
        if (handle.cancelled) {
            run.cancel();
        }
        run.finished().whenComplete((stored, error) -> {
            handle.active.remove(run);
            if (error != null) {
                chain.completeExceptionally(error);
                return;
            }
            done.add(stored);
            next(handle, model, request, index + 1, repeat, comparisonId, observer, done, chain);
        });
    }
}
