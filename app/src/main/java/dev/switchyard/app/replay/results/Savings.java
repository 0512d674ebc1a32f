package dev.switchyard.app.replay.results;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Savings versus the all-cloud baseline at the quality kept, the figure RouteLLM reports: the reference is the
 * single cloud model with the highest pass rate (ties: the most expensive, i.e. the "strong" model);
 * {@code qualityKept} = policy pass rate / its pass rate; {@code costReduction} = 1 − policy cost / its cost;
 * {@code meets95} when at least 95% of its pass rate is kept; {@code costReductionAt95} is the cost reduction
 * when it does, else null. When part of either cost is unknown (a model without a price answered), there is no
 * cost reduction to claim: {@code costUnknown}, and both reductions are null.
 */
public record Savings(String reference, Double referencePassRate, double referenceCostPer1k, Double qualityKept,
                      Double costReduction, boolean meets95, Double costReductionAt95, Double policyPassRate,
                      boolean costUnknown) {

    public static final double QUALITY_KEPT = 0.95;

    public static Savings of(Point policy, List<Point> baselines) {
        Point ref = baselines.stream().filter(p -> p.kind().equals("cloud") && p.passRate() != null)
                .max(java.util.Comparator.comparingDouble(Point::passRate).thenComparingDouble(Point::costUsd))
                .orElse(null);
        if (ref == null) {
            return new Savings(null, null, 0, null, null, false, null, policy.passRate(), false);
        }
        Double kept = policy.passRate() == null ? null : ref.passRate() == 0 ? (policy.passRate() >= 0 ? 1.0 : 0)
                : policy.passRate() / ref.passRate();
        boolean unknown = policy.costPartial() || ref.costPartial();
        Double reduction = unknown || ref.costUsd() <= 0 ? null : 1 - policy.costUsd() / ref.costUsd();
        boolean meets = kept != null && kept >= QUALITY_KEPT - 1e-12;
        return new Savings(ref.name(), ref.passRate(), ref.costPer1k(), kept, reduction, meets,
                meets ? reduction : null, policy.passRate(), unknown);
    }

    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("reference", reference);
        putNullable(n, "referencePassRate", referencePassRate);
        n.put("referenceCostPer1k", referenceCostPer1k);
        putNullable(n, "qualityKept", qualityKept);
        putNullable(n, "costReduction", costReduction);
        n.put("meets95", meets95);
        putNullable(n, "costReductionAt95", costReductionAt95);
        putNullable(n, "policyPassRate", policyPassRate);
        n.put("costUnknown", costUnknown);
        return n;
    }

    static void putNullable(ObjectNode n, String k, Double v) {
        if (v == null) {
            n.putNull(k);
        } else {
            n.put(k, v);
        }
    }
}
