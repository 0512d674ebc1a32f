package dev.switchyard.app.routing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides where a prompt goes: rules in order, first match wins, else the default. Every decision
 * carries its trace. Thread-safe; features are computed per decision, example-set embeddings once.
 */
public final class Router {

    private final RoutingServices services;
    private final ExampleIndex examples;
    private final long regexLimitNanos;

    public Router(RoutingServices services) {
        this(services, SafeRegex.DEFAULT_LIMIT_NANOS);
    }

    public Router(RoutingServices services, long regexLimitNanos) {
        this.services = services;
        this.examples = new ExampleIndex(services.embedder());
        this.regexLimitNanos = regexLimitNanos;
    }

    public RoutingServices services() {
        return services;
    }

    /**
     * Routes one request. Never throws for a bad condition: a condition that cannot be evaluated fails
     * and says why in its trace. A policy without a default (invalid) routes unmatched prompts nowhere:
     * the decision then has no targets and {@code why} says so.
     */
    public Decision decide(Policy policy, RouteRequest request) {
        long t0 = System.nanoTime();
        PromptFeatures features = new PromptFeatures(request.prompt(), request.metadata(), services, examples,
                policy.exampleSets());
        ConditionEvaluator evaluator = new ConditionEvaluator(features, regexLimitNanos);
        List<RuleTrace> trace = new ArrayList<>();
        int matched = -1;
        for (int i = 0; i < policy.rules().size(); i++) {
            Rule rule = policy.rules().get(i);
            String path = "/rules/" + i;
            if (matched >= 0 || rule == null) {
                trace.add(new RuleTrace(i, rule == null ? null : rule.name(), path, false, false, 0, null));
                continue;
            }
            long r0 = System.nanoTime();
            ConditionTrace when = rule.when() == null ? null : evaluator.evaluate(rule.when(), path + "/when");
            boolean ok = when == null || when.passed();
            trace.add(new RuleTrace(i, rule.name(), path, true, ok, (System.nanoTime() - r0) / 1000.0, when));
            if (ok && rule.then() != null) {
                matched = i;
            }
        }
        Action action = matched >= 0 ? policy.rules().get(matched).then() : policy.defaultAction();
        String ruleName = matched >= 0 ? name(policy.rules().get(matched), matched) : "default";
        List<String> targets = action == null ? List.of() : targets(action, request.prompt());
        String why = why(matched, ruleName, trace, action, targets);
        return new Decision(policy.name(), matched, ruleName, action, targets, why, features.snapshot(), trace,
                (System.nanoTime() - t0) / 1000.0);
    }

    private static String name(Rule r, int i) {
        return r.name() == null || r.name().isBlank() ? "rule " + (i + 1) : r.name();
    }

    private static List<String> targets(Action action, String prompt) {
        if (action instanceof Action.Split s) {
            String chosen = SplitChooser.choose(s, prompt);
            return chosen == null ? List.of() : List.of(chosen);
        }
        return Action.targets(action).stream().filter(t -> t != null).toList();
    }

    private static String why(int matched, String ruleName, List<RuleTrace> trace, Action action, List<String> targets) {
        if (action == null) {
            return "No rule matched and the policy has no default.";
        }
        String what = Action.typeName(action) + " → " + String.join(", ", targets);
        if (matched < 0) {
            return "No rule matched; default: " + what + ".";
        }
        ConditionTrace when = trace.get(matched).when();
        return "Rule " + (matched + 1) + " (" + ruleName + ") matched"
                + (when == null ? " (no condition)" : " on " + summary(when)) + ": " + what + ".";
    }

    /** The passing leaves of a condition trace, "tokens > 200 (231)". */
    private static String summary(ConditionTrace t) {
        if (t.children() == null) {
            return t.test() + (t.observed() == null ? "" : " (" + t.observed() + ")");
        }
        List<String> parts = new ArrayList<>();
        for (ConditionTrace k : t.children()) {
            if (k.passed() == !"not".equals(t.type())) {
                parts.add(summary(k));
            }
        }
        String joined = String.join(" and ", parts);
        return "not".equals(t.type()) ? "not (" + joined + ")" : joined;
    }

    /** Reproducible weighted choice. */
    static final class SplitChooser {
        private SplitChooser() {
        }

        /** Bucket 0–99 from the seed and the prompt (FNV-1a + a mix), then walk the cumulative weights. */
        static String choose(Action.Split split, String prompt) {
            int bucket = bucket(split.seed(), prompt);
            int acc = 0;
            for (Action.Share s : split.weights()) {
                if (s == null) {
                    continue;
                }
                acc += Math.max(0, s.weight());
                if (bucket < acc) {
                    return s.target();
                }
            }
            return split.weights().stream().filter(s -> s != null && s.weight() > 0).reduce((a, b) -> b)
                    .map(Action.Share::target).orElse(null);
        }

        static int bucket(long seed, String prompt) {
            long h = 0xcbf29ce484222325L ^ seed;
            for (byte b : prompt.getBytes(StandardCharsets.UTF_8)) {
                h ^= b;
                h *= 0x100000001b3L;
            }
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            return (int) Math.floorMod(h, 100L);
        }
    }
}
