package dev.switchyard.app.routing;

import dev.switchyard.app.engine.EngineRequest;
import dev.switchyard.app.engine.ModelEngine;
import dev.switchyard.app.run.RunObserver;
import dev.switchyard.app.run.RunService;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.PolicyVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * "Auto: &lt;policy&gt;" as something to compare: the workspace's saved policies, each checked against the
 * workspace, and a prompt routed and run live with one of them, N times one after another. Each repeat is
 * decided afresh (the network state or the period's spend may have changed) and runs through
 * {@link RoutedRunner}, so cascade and fallback steps behave exactly as in {@code run --policy}; every run is
 * stored in the comparison with its route.
 */
public final class AutoRoutes {

    /**
     * A saved policy that can be picked.
     *
     * @param policy      its name
     * @param version     its latest version number
     * @param description the policy's own description (may be empty)
     * @param problems    validation problems against this workspace, other than unfilled roles
     * @param unfilledRoles the roles ($cloud-cheap…) the policy sends prompts to that no model of this workspace
     *                      fills yet: what a new workspace lacks before a cloud or local model is added
     */
    public record Choice(String policy, int version, String description, List<Problem> problems,
                         List<String> unfilledRoles) {
        public Choice {
            problems = List.copyOf(problems);
            unfilledRoles = List.copyOf(unfilledRoles);
        }

        /** No problem and every role filled. */
        public boolean canRun() {
            return problems.isEmpty() && unfilledRoles.isEmpty();
        }
    }

    /** What a routed pane sees, on engine threads, in order: per repeat a decision, its runs, then the result. */
    public interface Listener extends RunObserver {
        void onDecision(int repeatIndex, Decision decision);

        void onRouted(int repeatIndex, RoutedResult result);
    }

    /** Routed requests in flight. */
    public interface Handle {
        /** Every routed request made, in repeat order; never completes exceptionally for run failures. */
        CompletableFuture<List<RoutedResult>> finished();

        /** Stops the run in flight and every remaining step and repeat. */
        void cancel();
    }

    private final Workspace workspace;
    private final WorkspaceRouting routing;
    private final RoutedRunner runner;
    private final Router router;
    private final PolicyStore store;

    public AutoRoutes(Workspace workspace, WorkspaceRouting routing, RunService runs, Function<Model, ModelEngine> engines) {
        this.workspace = workspace;
        this.routing = routing;
        this.runner = new RoutedRunner(runs, engines, routing.targets());
        this.router = routing.router();
        this.store = new PolicyStore(workspace);
    }

    /** The saved policies by name, each at its latest version with its problems. */
    public List<Choice> choices() {
        PolicyValidator validator = routing.validator();
        List<Choice> out = new ArrayList<>();
        for (dev.switchyard.workspace.model.Policy row : store.list()) {
            PolicyVersion latest = workspace.policies().latest(row.id()).orElse(null);
            if (latest == null) {
                continue;
            }
            try {
                Policy p = PolicyJson.read(latest.bodyJson());
                List<String> unfilled = routing.targets().unfilledRoles(targets(p));
                java.util.Set<String> roleMessages = new java.util.HashSet<>();
                unfilled.forEach(r -> roleMessages.add(routing.targets().problem(r)));
                List<Problem> others = validator.validate(p).stream().filter(x -> !roleMessages.contains(x.message())).toList();
                out.add(new Choice(row.name(), latest.version(), p.description() == null ? "" : p.description(),
                        others, unfilled));
            } catch (RoutingException e) {
                out.add(new Choice(row.name(), latest.version(), "", List.of(new Problem("", e.getMessage())), List.of()));
            }
        }
        return out;
    }

    /** Every target the policy's rules and default may send a prompt to. */
    private static List<String> targets(Policy p) {
        List<String> out = new ArrayList<>();
        if (p.rules() != null) {
            p.rules().stream().filter(r -> r != null && r.then() != null).forEach(r -> out.addAll(Action.targets(r.then())));
        }
        if (p.defaultAction() != null) {
            out.addAll(Action.targets(p.defaultAction()));
        }
        return out;
    }

    /**
     * Routes {@code request} with the latest version of {@code policyName} and runs it, {@code repeat} times one
     * after another, every run stored in comparison {@code comparisonId}. Returns once the first decision is
     * made and its first run started; an unknown or unreadable policy throws {@link RoutingException}.
     */
    public Handle start(String policyName, EngineRequest request, int repeat, Long comparisonId, Listener listener) {
        if (repeat < 1) {
            throw new IllegalArgumentException("repeat must be at least 1");
        }
        Policy policy = store.load(policyName);
        Repeats r = new Repeats(policy, request, repeat, comparisonId, listener);
        r.next(0);
        return r;
    }

    private final class Repeats implements Handle {
        private final Policy policy;
        private final EngineRequest request;
        private final int repeat;
        private final Long comparisonId;
        private final Listener listener;
        private final List<RoutedResult> results = new ArrayList<>();
        private final CompletableFuture<List<RoutedResult>> done = new CompletableFuture<>();
        private volatile RoutedRunner.Handle current;
        private volatile boolean cancelled;

        Repeats(Policy policy, EngineRequest request, int repeat, Long comparisonId, Listener listener) {
            this.policy = policy;
            this.request = request;
            this.repeat = repeat;
            this.comparisonId = comparisonId;
            this.listener = listener;
        }

        void next(int index) {
            if (index >= repeat || cancelled) {
                done.complete(List.copyOf(results));
                return;
            }
            RoutedRunner.Handle h;
            try {
                Decision d = router.decide(policy, RouteRequest.of(request.user()));
                listener.onDecision(index, d);
                h = runner.start(d, request, comparisonId, index, listener);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
                return;
            }
            current = h;
            if (cancelled) {
                h.cancel();
            }
            h.finished().whenComplete((result, error) -> {
                if (error != null) {
                    done.completeExceptionally(error);
                    return;
                }
                results.add(result);
                listener.onRouted(index, result);
                next(index + 1);
            });
        }

        @Override
        public CompletableFuture<List<RoutedResult>> finished() {
            return done;
        }

        @Override
        public void cancel() {
            cancelled = true;
            RoutedRunner.Handle h = current;
            if (h != null) {
                h.cancel();
            }
        }
    }
}
