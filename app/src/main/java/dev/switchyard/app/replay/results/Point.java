package dev.switchyard.app.replay.results;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One strategy's figures over a replay's items: the policy, a baseline, or a sweep position. A point of the
 * cost-versus-quality chart.
 *
 * @param name       "policy", "all-local (name)", "all-cloud (name)", "best-single (name)", "oracle", "random"
 * @param kind       policy | local | cloud | best-single | oracle | random | sweep
 * @param items      items counted
 * @param graded     items with a verdict (pass rate is over these)
 * @param passed     items that passed
 * @param passRate   passed / graded, null when nothing was graded
 * @param costUsd    total cost of the answers (route steps included)
 * @param costPer1k  costUsd / items × 1000
 * @param p50Ms      median latency (nearest rank)
 * @param p95Ms      95th percentile latency (nearest rank)
 * @param cloudShare share of items whose answer came from a cloud model
 * @param missing    items with no answer for this strategy (not run, no stored run)
 * @param unpriced   answered items whose cost is not known (a model without a price answered): when above 0,
 *                   {@code costUsd} and {@code costPer1k} are only the known part, a lower bound ("at least"), and
 *                   "cost unknown" when that part is 0
 */
public record Point(String name, String kind, int items, int graded, int passed, Double passRate, double costUsd,
                    double costPer1k, long p50Ms, long p95Ms, double cloudShare, int missing, int unpriced) {

    /** Whether part of the cost is unknown (then the cost is a lower bound, or unknown when it is 0). */
    public boolean costPartial() {
        return unpriced > 0;
    }

    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode().put("name", name).put("kind", kind).put("items", items)
                .put("graded", graded).put("passed", passed);
        if (passRate == null) {
            n.putNull("passRate");
        } else {
            n.put("passRate", passRate);
        }
        return n.put("costUsd", costUsd).put("costPer1k", costPer1k).put("p50Ms", p50Ms).put("p95Ms", p95Ms)
                .put("cloudShare", cloudShare).put("missing", missing).put("unpriced", unpriced);
    }
}
