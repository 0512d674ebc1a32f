package dev.switchyard.app.routing;

import dev.switchyard.app.engine.Availability;
import dev.switchyard.app.engine.EngineFailure;
import dev.switchyard.app.engine.EngineListener;
import dev.switchyard.app.engine.EngineRequest;
import dev.switchyard.app.engine.EngineResult;
import dev.switchyard.app.engine.ModelEngine;
import dev.switchyard.app.engine.RunHandle;
import dev.switchyard.app.run.ActiveRun;
import dev.switchyard.app.run.RunObserver;
import dev.switchyard.app.run.RunService;
import dev.switchyard.app.run.RunSpec;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.Run;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of a routed request, with its limits: when no token arrived {@code ttftMs} after the start, or
 * the run is still going after {@code timeoutMs}, it is cancelled (stored CANCELLED with its partial text)
 * and the outcome says which limit was hit. Captures the engine's result detail (the intent model's
 * confidence) for cascade checks.
 */
final class StepRun {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "switchyard-route-timer");
        t.setDaemon(true);
        return t;
    });

    /** How a step ended. {@code run} null: nothing ran ({@code reason} says why). */
    record Outcome(String role, String target, String model, Run run, String detail, String limitHit, String reason) {
    }

    private final String role;
    private final String target;
    private final String model;
    private final Long timeoutMs;
    private final Long ttftMs;
    private final AtomicReference<String> limitHit = new AtomicReference<>();
    private final AtomicReference<String> detail = new AtomicReference<>("{}");
    private volatile boolean firstToken;
    private volatile ActiveRun active;

    StepRun(String role, String target, String model, Long timeoutMs, Long ttftMs) {
        this.role = role;
        this.target = target;
        this.model = model;
        this.timeoutMs = timeoutMs;
        this.ttftMs = ttftMs;
    }

    CompletableFuture<Outcome> start(RunService runs, Model m, ModelEngine engine, RunSpec spec, RunObserver observer) {
        RunObserver watching = new RunObserver() {
            @Override
            public void onStarted(Run run) {
                observer.onStarted(run);
            }

            @Override
            public void onDispatched(Run run) {
                observer.onDispatched(run);
            }

            @Override
            public void onWaiting(Run run, EngineListener.Waiting why) {
                observer.onWaiting(run, why);
            }

            @Override
            public void onToken(Run run, String text) {
                firstToken = true;
                observer.onToken(run, text);
            }

            @Override
            public void onReasoning(Run run, String text) {
                firstToken = true;
                observer.onReasoning(run, text);
            }

            @Override
            public void onFinished(Run run, dev.switchyard.app.run.RunFailure failure) {
                observer.onFinished(run, failure);
            }
        };
        ActiveRun a = runs.start(spec, new Capturing(engine), watching);
        active = a;
        ScheduledFuture<?> ttft = ttftMs == null ? null : TIMER.schedule(() -> {
            if (!firstToken && !a.finished().isDone() && limitHit.compareAndSet(null,
                    "no first token within " + ttftMs + " ms (cancelled)")) {
                a.cancel();
            }
        }, ttftMs, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> timeout = timeoutMs == null ? null : TIMER.schedule(() -> {
            if (!a.finished().isDone() && limitHit.compareAndSet(null, "timed out after " + timeoutMs + " ms (cancelled)")) {
                a.cancel();
            }
        }, timeoutMs, TimeUnit.MILLISECONDS);
        return a.finished().handle((run, error) -> {
            if (ttft != null) {
                ttft.cancel(false);
            }
            if (timeout != null) {
                timeout.cancel(false);
            }
            return new Outcome(role, target, model, run, detail.get(), limitHit.get(),
                    error == null ? null : "the run could not be stored: " + error.getMessage());
        });
    }

    void cancel() {
        ActiveRun a = active;
        if (a != null) {
            a.cancel();
        }
    }

    /** Passes everything through and keeps the result's detail JSON. */
    private final class Capturing implements ModelEngine {
        private final ModelEngine inner;

        Capturing(ModelEngine inner) {
            this.inner = inner;
        }

        @Override
        public RunHandle start(EngineRequest request, EngineListener listener) {
            return inner.start(request, new EngineListener() {
                @Override
                public void onDispatched() {
                    listener.onDispatched();
                }

                @Override
                public void onWaiting(Waiting why) {
                    listener.onWaiting(why);
                }

                @Override
                public void onToken(String text) {
                    listener.onToken(text);
                }

                @Override
                public void onReasoning(String text) {
                    listener.onReasoning(text);
                }

                @Override
                public void onComplete(EngineResult result) {
                    detail.set(result.detail());
                    listener.onComplete(result);
                }

                @Override
                public void onError(EngineFailure failure) {
                    if (failure.partial() != null) {
                        detail.set(failure.partial().detail());
                    }
                    listener.onError(failure);
                }
            });
        }

        @Override
        public Availability availability() {
            return inner.availability();
        }

        /** The wrapped engine's: a routed run stores the limits it ran with too (workspace-schema decision 15). */
        @Override
        public dev.switchyard.cloud.Timeouts timeLimits() {
            return inner.timeLimits();
        }
    }
}
