package dev.switchyard.app.compare;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Spread of one metric over the repeats of one model.
 *
 * <p>Percentiles use the <b>nearest-rank</b> definition: with the n values sorted ascending, the p-th
 * percentile is the value at 1-based rank {@code ceil(p / 100 × n)} (rank 1 for p = 0). Every reported
 * percentile is therefore a value that was actually measured; p50 of {1, 2, 3, 4} is 2, p95 of 20 values
 * is the 19th smallest, and p95 of fewer than 20 values is the maximum.
 *
 * @param n    values summarised (nulls are left out before counting)
 * @param p50  median by nearest rank
 * @param p95  95th percentile by nearest rank
 * @param min  smallest value
 * @param max  largest value
 * @param mean arithmetic mean
 */
public record Summary(int n, double p50, double p95, double min, double max, double mean) {

    /** The summary of the non-null values, or null when there are none. */
    public static Summary of(Collection<? extends Number> values) {
        List<Double> sorted = new ArrayList<>();
        for (Number v : values) {
            if (v != null && !Double.isNaN(v.doubleValue())) {
                sorted.add(v.doubleValue());
            }
        }
        if (sorted.isEmpty()) {
            return null;
        }
        Collections.sort(sorted);
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        return new Summary(sorted.size(), percentile(sorted, 50), percentile(sorted, 95), sorted.get(0),
                sorted.get(sorted.size() - 1), sum / sorted.size());
    }

    /** Nearest-rank percentile of an ascending list; {@code p} in [0, 100]. */
    public static double percentile(List<Double> ascending, double p) {
        Objects.requireNonNull(ascending);
        if (ascending.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        if (p < 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in [0, 100], was " + p);
        }
        int rank = (int) Math.ceil(p / 100.0 * ascending.size());
        return ascending.get(Math.max(1, rank) - 1);
    }
}
