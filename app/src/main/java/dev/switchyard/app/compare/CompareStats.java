package dev.switchyard.app.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Ranks the models of a comparison: marks the fastest (lowest p50 total time) and the cheapest (lowest mean cost). */
public final class CompareStats {

    private CompareStats() {
    }

    /**
     * The same figures with {@code fastest} and {@code cheapest} set. With fewer than two models having a
     * figure nothing is marked (one model is not "the fastest" of anything). Models tied for the best figure are
     * all marked, unless every model ties (two local models at $0: neither is the cheaper one).
     */
    public static List<ModelStats> rank(List<ModelStats> stats) {
        Set<ModelStats> fastest = best(stats, s -> s.totalMs() == null ? null : s.totalMs().p50());
        Set<ModelStats> cheapest = best(stats, s -> s.costUsd() == null ? null : s.costUsd().mean());
        List<ModelStats> out = new ArrayList<>();
        for (ModelStats s : stats) {
            out.add(s.ranked(fastest.contains(s), cheapest.contains(s)));
        }
        return out;
    }

    /** Among the models that gave at least one answer (an intent model that matched nothing is not "the fastest"). */
    private static Set<ModelStats> best(List<ModelStats> stats, Function<ModelStats, Double> key) {
        List<ModelStats> known = stats.stream().filter(s -> s.answered() > 0 && key.apply(s) != null).toList();
        if (known.size() < 2) {
            return Set.of();
        }
        double min = known.stream().mapToDouble(key::apply).min().orElseThrow();
        Set<ModelStats> winners = Collections.newSetFromMap(new IdentityHashMap<>());
        known.stream().filter(s -> key.apply(s) == min).forEach(winners::add);
        return winners.size() == known.size() ? Set.of() : winners;
    }
}
