package dev.switchyard.app.replay.results;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.app.replay.engine.Cell;
import dev.switchyard.app.replay.engine.ItemOutcome;
import dev.switchyard.app.replay.engine.ReplayResult;
import dev.switchyard.workspace.model.ReplayItemStatus;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A replay's figures: the policy's point (pass rate, cost total and per 1,000 prompts, p50/p95 latency), the
 * share of traffic per final model and per route shape, spending (live calls, judge apart), the baselines and
 * the savings at the quality kept. {@code unpricedModels}: the models whose answers have no price (their cost is
 * unknown, not $0); {@code liveUnpriced}: live answers among them, so {@code liveSpentUsd} is only the known part.
 */
public record Summary(Point policy, Map<String, Double> routeShare, Map<String, Double> pathShare, double judgeCostUsd,
                      double liveSpentUsd, int liveAnswers, int cachedAnswers, int missingAnswers,
                      Map<ReplayItemStatus, Integer> statuses, List<Point> baselines, Savings savings,
                      List<String> unpricedModels, int liveUnpriced) {

    public static Summary of(ReplayResult r) {
        Point policy = Baselines.policy(r);
        List<Point> baselines = Baselines.all(r);
        Map<String, Double> share = new LinkedHashMap<>();
        Map<String, Double> path = new LinkedHashMap<>();
        Map<ReplayItemStatus, Integer> statuses = new EnumMap<>(ReplayItemStatus.class);
        double judge = 0;
        double live = 0;
        int liveN = 0;
        int cachedN = 0;
        int missingN = 0;
        int liveUnpriced = 0;
        java.util.Set<String> unpriced = new java.util.LinkedHashSet<>();
        double unit = r.items().isEmpty() ? 0 : 1.0 / r.items().size();
        for (ItemOutcome o : r.items()) {
            share.merge(r.modelName(o.finalModelId()), unit, Double::sum);
            path.merge(pathOf(r, o), unit, Double::sum);
            statuses.merge(o.status(), 1, Integer::sum);
            judge += o.judgeCostUsd();
            for (Cell c : o.cells().values()) {
                if (c.unpriced()) {
                    unpriced.add(r.modelName(c.modelId()));
                }
                switch (c.source()) {
                    case LIVE -> {
                        liveN++;
                        live += c.cost();
                        liveUnpriced += c.unpriced() ? 1 : 0;
                    }
                    case CACHED -> cachedN++;
                    default -> missingN++;
                }
            }
        }
        return new Summary(policy, share, path, judge, live, liveN, cachedN, missingN, statuses, baselines,
                Savings.of(policy, baselines), List.copyOf(unpriced), liveUnpriced);
    }

    /** "local", "cloud-x", "local → cloud-x" (a cascade escalated), with fallbacks likewise. */
    static String pathOf(ReplayResult r, ItemOutcome o) {
        return String.join(" → ", o.route().steps().stream().map(s -> r.modelName(s.modelId())).toList());
    }

    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.set("policy", policy.toJson());
        ObjectNode rs = n.putObject("routeShare");
        routeShare.forEach(rs::put);
        ObjectNode ps = n.putObject("pathShare");
        pathShare.forEach(ps::put);
        n.put("judgeCostUsd", judgeCostUsd).put("liveSpentUsd", liveSpentUsd).put("liveAnswers", liveAnswers)
                .put("cachedAnswers", cachedAnswers).put("missingAnswers", missingAnswers)
                .put("liveUnpriced", liveUnpriced);
        var up = n.putArray("unpricedModels");
        unpricedModels.forEach(up::add);
        ObjectNode st = n.putObject("statuses");
        statuses.forEach((k, v) -> st.put(k.code(), v));
        var b = n.putArray("baselines");
        baselines.forEach(p -> b.add(p.toJson()));
        n.set("savings", savings.toJson());
        return n;
    }
}
