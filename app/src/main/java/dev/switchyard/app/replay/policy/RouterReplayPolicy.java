package dev.switchyard.app.replay.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchyard.app.replay.ReplayException;
import dev.switchyard.app.replay.engine.ItemRequest;
import dev.switchyard.app.replay.engine.PlanStep;
import dev.switchyard.app.replay.engine.ReplayPolicy;
import dev.switchyard.app.replay.engine.RoutePlan;
import dev.switchyard.app.replay.engine.StepRule;
import dev.switchyard.app.replay.engine.ThresholdSpec;
import dev.switchyard.app.engine.GenerationParams;
import dev.switchyard.app.models.IntentSetStore;
import dev.switchyard.app.routing.Action;
import dev.switchyard.app.routing.Decision;
import dev.switchyard.app.routing.Policy;
import dev.switchyard.app.routing.PolicyJson;
import dev.switchyard.app.routing.RouteRequest;
import dev.switchyard.app.routing.Router;
import dev.switchyard.app.routing.RoutingServices;
import dev.switchyard.app.routing.TargetResolver;
import dev.switchyard.workspace.model.DatasetItem;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.PolicyVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A routing policy version (routing module) as a replay policy. Each item's prompt (variables substituted) is
 * decided by the real {@link Router}; the item's variables are passed as request metadata. The action becomes
 * steps: route/split → one step; cascade → local (kept per accept_if, like the routed runner) then escalate;
 * fallback → the chain, moving on when a call fails (on.error), or its TTFT/total time is over the limits.
 * For a policy with a threshold condition, every item is also decided with that condition forced to hold and to
 * fail, giving the sweep its two routes.
 */
public final class RouterReplayPolicy implements ReplayPolicy {

    private final PolicyVersion version;
    private final String name;
    private final Policy policy;
    private final Router router;
    private final TargetResolver resolver;
    private final RoutingServices services;
    private final Optional<ThresholdPath> threshold;
    private final Policy passPolicy;
    private final Policy failPolicy;
    private final Map<String, Model> resolved = new HashMap<>();
    private final List<Model> targets;
    private final java.util.concurrent.atomic.DoubleAccumulator maxObserved =
            new java.util.concurrent.atomic.DoubleAccumulator(Math::max, 0);

    public RouterReplayPolicy(String name, PolicyVersion version, Router router, TargetResolver resolver) {
        this.version = version;
        this.name = name;
        this.policy = PolicyJson.read(version.bodyJson());
        this.router = router;
        this.services = router.services();
        this.resolver = resolver;
        JsonNode tree = PolicyJson.tree(policy);
        this.threshold = ThresholdPath.find(tree);
        this.passPolicy = threshold.map(t -> PolicyJson.read(t.forced(tree, true))).orElse(null);
        this.failPolicy = threshold.map(t -> PolicyJson.read(t.forced(tree, false))).orElse(null);
        Map<Long, Model> all = new LinkedHashMap<>();
        List<Action> actions = new ArrayList<>();
        policy.rules().forEach(r -> actions.add(r.then()));
        actions.add(policy.defaultAction());
        for (Action a : actions) {
            if (a != null) {
                for (String t : allTargets(a)) {
                    Model m = model(t);
                    all.putIfAbsent(m.id(), m);
                }
            }
        }
        this.targets = List.copyOf(all.values());
    }

    @Override
    public long versionId() {
        return version.id();
    }

    @Override
    public String label() {
        return name + " v" + version.version();
    }

    @Override
    public List<Model> targets() {
        return targets;
    }

    @Override
    public RoutePlan plan(DatasetItem item) {
        String prompt = ItemRequest.of(item, GenerationParams.DEFAULTS).user();
        RouteRequest request = new RouteRequest(prompt, metadata(item));
        Decision d = router.decide(policy, request);
        List<PlanStep> steps = steps(d, prompt);
        RoutePlan.SweepFork fork = null;
        if (threshold.isPresent()) {
            Optional<Double> observed = threshold.get().observed(d);
            if (observed.isPresent()) {
                maxObserved.accumulate(observed.get());
                // the real decision is one side of the fork: only the other side needs a second decision
                ThresholdSpec spec = threshold.get().spec(maxObserved.get());
                boolean passes = spec.passes(observed.get(), spec.current());
                List<PlanStep> other = steps(router.decide(passes ? failPolicy : passPolicy, request), prompt);
                fork = new RoutePlan.SweepFork(observed.get(), passes ? steps : other, passes ? other : steps);
            }
        }
        return new RoutePlan(PolicyJson.tree(d).toString(), steps, fork);
    }

    @Override
    public Optional<ThresholdSpec> threshold() {
        return threshold.map(t -> t.spec(maxObserved.get()));
    }

    private List<PlanStep> steps(Decision d, String prompt) {
        Action a = d.action();
        if (a == null || d.targets().isEmpty()) {
            throw new ReplayException(ReplayException.Kind.BAD_POLICY, d.why());
        }
        if (a instanceof Action.Cascade c) {
            Model local = model(c.local());
            Action.AcceptIf acc = c.acceptIf();
            Double confidence = acc != null && acc.minConfidence() != null && local.kind() == ModelKind.LOCAL_INTENT
                    ? services.intents().match(IntentSetStore.setName(local), prompt).confidence() : null;
            StepRule rule = acc == null ? StepRule.COMPLETED
                    : StepRule.accept(acc.regex(), acc.maxTokens(), acc.minConfidence(), confidence);
            return List.of(new PlanStep(local.id(), "cascade-first", rule),
                    new PlanStep(model(c.escalate()).id(), "cascade-else", StepRule.ALWAYS));
        }
        if (a instanceof Action.Fallback f) {
            List<PlanStep> steps = new ArrayList<>();
            Action.On on = f.on();
            for (int i = 0; i < f.chain().size(); i++) {
                boolean last = i == f.chain().size() - 1;
                StepRule rule = last ? StepRule.ALWAYS : Boolean.FALSE.equals(on.error()) && on.ttftOverMs() == null
                        && on.timeoutMs() == null ? StepRule.ALWAYS : StepRule.completedWithin(
                        on.ttftOverMs() == null ? null : on.ttftOverMs().doubleValue(),
                        on.timeoutMs() == null ? null : on.timeoutMs().doubleValue());
                steps.add(new PlanStep(model(f.chain().get(i)).id(), "fallback", rule));
            }
            return steps;
        }
        return List.of(new PlanStep(model(d.targets().get(0)).id(), a instanceof Action.Split ? "split" : "route",
                StepRule.ALWAYS));
    }

    private static List<String> allTargets(Action a) {
        if (a instanceof Action.Route r) {
            return List.of(r.target());
        } else if (a instanceof Action.Cascade c) {
            return List.of(c.local(), c.escalate());
        } else if (a instanceof Action.Fallback f) {
            return f.chain();
        }
        return ((Action.Split) a).weights().stream().filter(s -> s != null && s.weight() > 0)
                .map(Action.Share::target).toList();
    }

    private synchronized Model model(String target) {
        return resolved.computeIfAbsent(target, resolver::resolve);
    }

    private static Map<String, String> metadata(DatasetItem item) {
        Map<String, String> out = new HashMap<>();
        ItemVariables.of(item).fields().forEachRemaining(e -> out.put(e.getKey(),
                e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        return out;
    }
}
