package dev.switchyard.app.replay.results;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.app.replay.engine.ItemOutcome;
import dev.switchyard.app.replay.engine.ReplayResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two replays (typically two versions of a policy) item by item. Items are matched by dataset item when both
 * replayed the same dataset, else by prompt text; unmatched items are counted apart.
 */
public record ReplayDiff(Point a, Point b, List<Row> rows, int onlyA, int onlyB, int bothPass, int onlyAPasses,
                         int onlyBPasses, int bothFail, int routeChanged) {

    /** One item in both replays ({@code unpricedA/B}: a model of that route had no price, its cost is the known part). */
    public record Row(String prompt, String routeA, String routeB, Boolean passA, Boolean passB, double costA,
                      double costB, long latencyA, long latencyB, boolean unpricedA, boolean unpricedB) {
        public boolean routeChanged() {
            return !routeA.equals(routeB);
        }
    }

    public static ReplayDiff of(ReplayResult ra, ReplayResult rb) {
        boolean sameDataset = ra.replay().datasetId() == rb.replay().datasetId();
        Map<String, ItemOutcome> bIndex = new LinkedHashMap<>();
        rb.items().forEach(o -> bIndex.putIfAbsent(key(o, sameDataset), o));
        List<Row> rows = new ArrayList<>();
        int onlyA = 0;
        int[] counts = new int[5];
        for (ItemOutcome x : ra.items()) {
            ItemOutcome y = bIndex.remove(key(x, sameDataset));
            if (y == null) {
                onlyA++;
                continue;
            }
            Row r = new Row(x.item().prompt(), Summary.pathOf(ra, x), Summary.pathOf(rb, y), pass(x), pass(y),
                    x.costUsd(), y.costUsd(), x.latencyMs(), y.latencyMs(), x.route().unpriced(), y.route().unpriced());
            rows.add(r);
            boolean pa = Boolean.TRUE.equals(r.passA());
            boolean pb = Boolean.TRUE.equals(r.passB());
            counts[pa && pb ? 0 : pa ? 1 : pb ? 2 : 3]++;
            counts[4] += r.routeChanged() ? 1 : 0;
        }
        return new ReplayDiff(Baselines.policy(ra), Baselines.policy(rb), rows, onlyA, bIndex.size(), counts[0],
                counts[1], counts[2], counts[3], counts[4]);
    }

    private static Boolean pass(ItemOutcome o) {
        return o.grade() == null ? null : o.grade().pass();
    }

    private static String key(ItemOutcome o, boolean byItem) {
        return byItem ? "#" + o.item().id() : o.item().system() + "\u0000" + o.item().prompt();
    }

    public ObjectNode toJson(boolean withRows) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.set("a", a.toJson());
        n.set("b", b.toJson());
        n.put("matched", rows.size()).put("onlyA", onlyA).put("onlyB", onlyB).put("bothPass", bothPass)
                .put("onlyAPasses", onlyAPasses).put("onlyBPasses", onlyBPasses).put("bothFail", bothFail)
                .put("routeChanged", routeChanged);
        if (a.costPartial() || b.costPartial()) {
            n.putNull("costDeltaUsd"); // a model without a price: the difference is not known
        } else {
            n.put("costDeltaUsd", b.costUsd() - a.costUsd());
        }
        if (withRows) {
            var arr = n.putArray("items");
            for (Row r : rows) {
                ObjectNode o = arr.addObject().put("prompt", r.prompt()).put("routeA", r.routeA())
                        .put("routeB", r.routeB()).put("costA", r.costA()).put("costB", r.costB())
                        .put("latencyA", r.latencyA()).put("latencyB", r.latencyB()).put("unpricedA", r.unpricedA())
                        .put("unpricedB", r.unpricedB());
                o.set("passA", r.passA() == null ? null : JsonNodeFactory.instance.booleanNode(r.passA()));
                o.set("passB", r.passB() == null ? null : JsonNodeFactory.instance.booleanNode(r.passB()));
            }
        }
        return n;
    }
}
