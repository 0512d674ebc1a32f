package dev.switchyard.app.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Ranks the models of a comparison: marks the fastest (lowest p50 total time) and the cheapest (lowest mean cost). */
public final class CompareStats {

    private CompareStats() {
    }

    /**
     * The same figures with {@code fastest} and {@code cheapest} set. With fewer than two models having a
     * figure nothing is marked (one model is not "the fastest" of anything). Ties go to the first in order.
     */
    public static List<ModelStats> rank(List<ModelStats> stats) {
        Optional<ModelStats> fastest = best(stats, s -> s.totalMs() == null ? null : s.totalMs().p50());
        Optional<ModelStats> cheapest = best(stats, s -> s.costUsd() == null ? null : s.costUsd().mean());
        List<ModelStats> out = new ArrayList<>();
        for (ModelStats s : stats) {
            out.add(s.ranked(fastest.filter(f -> f == s).isPresent(), cheapest.filter(c -> c == s).isPresent()));
        }
        return out;
    }

    private static Optional<ModelStats> best(List<ModelStats> stats, java.util.function.Function<ModelStats, Double> key) {
        List<ModelStats> known = stats.stream().filter(s -> key.apply(s) != null).toList();
        if (known.size() < 2) {
            return Optional.empty();
        }
        return known.stream().min(Comparator.comparingDouble(key::apply));
    }
}
