package dev.switchyard.app.replay.results;

import java.util.Arrays;

/** Accumulates per-item figures into a {@link Point}. */
final class PointBuilder {

    private final String name;
    private final String kind;
    private int items;
    private int graded;
    private int passed;
    private int cloud;
    private int missing;
    private int unpriced;
    private double cost;
    private long[] latencies;
    private int nLat;

    PointBuilder(String name, String kind, int capacity) {
        this.name = name;
        this.kind = kind;
        this.latencies = new long[Math.max(1, capacity)];
    }

    /** One item: its verdict (null = not graded), cost, latency, whether a cloud model answered, whether it is missing. */
    void add(Boolean pass, double costUsd, Long latencyMs, boolean isCloud, boolean isMissing) {
        add(pass, costUsd, latencyMs, isCloud, isMissing, false);
    }

    /** As above; {@code isUnpriced}: an answer of the item has no price, so {@code costUsd} is only part of its cost. */
    void add(Boolean pass, double costUsd, Long latencyMs, boolean isCloud, boolean isMissing, boolean isUnpriced) {
        items++;
        if (isMissing) {
            missing++;
            return;
        }
        if (pass != null) {
            graded++;
            passed += pass ? 1 : 0;
        }
        cost += costUsd;
        unpriced += isUnpriced ? 1 : 0;
        cloud += isCloud ? 1 : 0;
        if (latencyMs != null) {
            if (nLat == latencies.length) {
                latencies = Arrays.copyOf(latencies, nLat * 2);
            }
            latencies[nLat++] = latencyMs;
        }
    }

    Point build() {
        long[] l = Arrays.copyOf(latencies, nLat);
        Arrays.sort(l);
        return new Point(name, kind, items, graded, passed, graded == 0 ? null : (double) passed / graded, cost,
                items == 0 ? 0 : cost / items * 1000.0, percentile(l, 50), percentile(l, 95),
                items == 0 ? 0 : (double) cloud / items, missing, unpriced);
    }

    /** Nearest-rank percentile of sorted values; 0 when empty. */
    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
