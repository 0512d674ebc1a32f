package dev.switchyard.app.routing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.app.engine.EngineRequest;
import dev.switchyard.app.engine.ModelEngine;
import dev.switchyard.app.run.RunService;
import dev.switchyard.app.run.RunSpec;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import dev.switchyard.app.run.RunObserver;

/**
 * Runs a decision live through the run service: route and split make one run; cascade runs the local
 * target and escalates unless its answer passes accept_if; fallback walks its chain on error, timeout or
 * a first token later than its limit (the slow call is cancelled). Every run is stored with a route_json
 * holding the request id, its step, the policy's target and the model it resolved to, and the decision with its
 * trace; once the step's outcome is known ("escalated: …", "answer"…) it is added as "outcome", so a stored
 * comparison can show the route again.
 */
public final class RoutedRunner {

    private final RunService runs;
    private final Function<Model, ModelEngine> engines;
    private final TargetResolver targets;

    public RoutedRunner(RunService runs, Function<Model, ModelEngine> engines, TargetResolver targets) {
        this.runs = runs;
        this.engines = engines;
        this.targets = targets;
    }

    /** A routed request in flight. */
    public interface Handle {
        /** Completes with every run made; never completes exceptionally for run failures. */
        CompletableFuture<RoutedResult> finished();

        /** Cancels the current run and stops further steps. */
        void cancel();
    }

    /** Starts the decision's action for {@code request}; returns at once. {@code observer} sees every run. */
    public Handle start(Decision decision, EngineRequest request, RunObserver observer) {
        return start(decision, request, null, 0, observer);
    }

    /**
     * As {@link #start(Decision, EngineRequest, RunObserver)}, with every run stored as part of comparison
     * {@code comparisonId} (null: none) under repeat number {@code repeatIndex}.
     */
    public Handle start(Decision decision, EngineRequest request, Long comparisonId, int repeatIndex, RunObserver observer) {
        Execution ex = new Execution(decision, request, comparisonId, repeatIndex, observer);
        ex.begin();
        return ex;
    }

    /** The state of one routed request. */
    private final class Execution implements Handle {
        private final String id = UUID.randomUUID().toString();
        private final Decision decision;
        private final EngineRequest request;
        private final RunObserver observer;
        private final Long comparisonId;
        private final int repeatIndex;
        private final List<RoutedResult.Step> steps = new ArrayList<>();
        private final CompletableFuture<RoutedResult> done = new CompletableFuture<>();
        private final long startNanos = System.nanoTime();
        private volatile StepRun current;
        private volatile boolean cancelled;

        Execution(Decision decision, EngineRequest request, Long comparisonId, int repeatIndex, RunObserver observer) {
            this.decision = decision;
            this.request = request;
            this.comparisonId = comparisonId;
            this.repeatIndex = repeatIndex;
            this.observer = observer == null ? RunObserver.NONE : observer;
        }

        void begin() {
            Action a = decision.action();
            List<String> t = decision.targets();
            if (a == null || t.isEmpty()) {
                finish(null);
            } else if (a instanceof Action.Cascade c) {
                run("cascade-local", c.local(), null, null).thenAccept(local -> afterLocal(c, local));
            } else if (a instanceof Action.Fallback f) {
                fallback(f, 0);
            } else {
                run(a instanceof Action.Split ? "split" : "route", t.get(0), null, null)
                        .thenAccept(r -> finish(r, "answer"));
            }
        }

        private void afterLocal(Action.Cascade c, StepRun.Outcome local) {
            if (local.run() == null || cancelled) {
                finish(local, local.run() == null ? "failed: " + local.reason() : "cancelled");
                return;
            }
            String verdict = CascadeCheck.verdict(c.acceptIf(), local);
            if (verdict.startsWith("accepted")) {
                finish(local, verdict);
                return;
            }
            record(local, "escalated: " + verdict);
            run("cascade-escalate", c.escalate(), null, null).thenAccept(r -> finish(r, "answer"));
        }

        private void fallback(Action.Fallback f, int i) {
            String role = "fallback-" + (i + 1);
            run(role, f.chain().get(i), f.on().timeoutMs(), f.on().ttftOverMs()).thenAccept(o -> {
                boolean last = i == f.chain().size() - 1;
                String why = o.limitHit() != null ? o.limitHit()
                        : o.run() == null ? "error: " + o.reason()
                        : o.run().status() != RunStatus.COMPLETED && f.on().error() ? "error: " + errorOf(o.run()) : null;
                if (why == null || last || cancelled) {
                    finish(o, why == null ? "answer" : last ? "failed: " + why : "cancelled");
                } else {
                    record(o, "moved on: " + why);
                    fallback(f, i + 1);
                }
            });
        }

        private CompletableFuture<StepRun.Outcome> run(String role, String target, Long timeoutMs, Long ttftMs) {
            Model model;
            try {
                model = targets.resolve(target);
            } catch (RoutingException e) {
                return CompletableFuture.completedFuture(new StepRun.Outcome(role, target, null, null, null, null,
                        e.getMessage()));
            }
            if (cancelled) {
                return CompletableFuture.completedFuture(new StepRun.Outcome(role, target, targets.describe(model), null,
                        null, null, "cancelled"));
            }
            StepRun step = new StepRun(role, target, targets.describe(model), timeoutMs, ttftMs);
            current = step;
            return step.start(runs, model, engines.apply(model), new RunSpec(model, request, null, comparisonId,
                    repeatIndex, routeJson(role, target, targets.describe(model))), observer);
        }

        private String routeJson(String role, String target, String model) {
            ObjectNode node = PolicyJson.mapper().createObjectNode();
            node.put("request", id);
            node.put("step", role);
            node.put("target", target);
            node.put("model", model);
            node.set("decision", PolicyJson.tree(decision));
            return node.toString();
        }

        /** Notes the step and its outcome; the step's run as stored with it (or null). */
        private Run record(StepRun.Outcome o, String outcome) {
            Run run = o.run() == null ? null : withOutcome(o.run(), outcome);
            synchronized (steps) {
                steps.add(new RoutedResult.Step(o.role(), o.target(), o.model(), run, outcome));
            }
            return run;
        }

        /** Adds the step's outcome to the run's stored route; the run as it was when that cannot be stored. */
        private Run withOutcome(Run run, String outcome) {
            try {
                ObjectNode node = (ObjectNode) PolicyJson.mapper().readTree(run.routeJson());
                node.put("outcome", outcome);
                return runs.updateRoute(run, node.toString());
            } catch (java.io.IOException | RuntimeException e) {
                return run; // a note for stored comparisons only: the request goes on
            }
        }

        private void finish(StepRun.Outcome last, String outcome) {
            // the answer is the last step's run as stored with its outcome, the same Run the step holds
            finish(record(last, last.run() == null && last.reason() != null ? "failed: " + last.reason() : outcome));
        }

        private void finish(Run answer) {
            List<RoutedResult.Step> all;
            synchronized (steps) {
                all = List.copyOf(steps);
            }
            Double cost = null;
            for (RoutedResult.Step s : all) {
                if (s.run() != null && s.run().cost().usd() != null) {
                    cost = (cost == null ? 0 : cost) + s.run().cost().usd();
                }
            }
            done.complete(new RoutedResult(id, decision, all, answer, cost, (System.nanoTime() - startNanos) / 1_000_000L));
        }

        private String errorOf(Run r) {
            return r.error() == null ? r.status().name().toLowerCase(java.util.Locale.ROOT)
                    : r.error().kind() + " (" + dev.switchyard.app.engine.FailureText.sentence(r.error().message()) + ")";
        }

        @Override
        public CompletableFuture<RoutedResult> finished() {
            return done;
        }

        @Override
        public void cancel() {
            cancelled = true;
            StepRun s = current;
            if (s != null) {
                s.cancel();
            }
        }
    }
}
