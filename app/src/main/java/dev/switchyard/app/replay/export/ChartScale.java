package dev.switchyard.app.replay.export;

import java.math.BigDecimal;

/**
 * The cost axis of the replay's cost-versus-quality chart, the same on the Replay screen and in the HTML report: from
 * $0 to a round upper bound with room right of the costliest point for its name, five ticks on round numbers, and tick
 * labels that show them exactly. Each chart keeps its 0 a few pixels inside the plot area (so a point at $0 is drawn
 * whole); the ticks still start at 0.
 */
public final class ChartScale {

    /** Ticks on a cost axis: 0 and five steps up to the upper bound. */
    public static final int COST_STEPS = 5;

    private ChartScale() {
    }

    /** The upper bound for points up to {@code maxCost}: 1.45 × it rounded up ({@link #niceUpper}); 1 with no cost. */
    public static double costUpper(double maxCost) {
        return maxCost <= 0 ? 1 : niceUpper(maxCost * 1.45);
    }

    /** 1, 2, 2.5 or 5 times a power of ten, at least {@code v}. */
    public static double niceUpper(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    /** A DecimalFormat pattern that shows a multiple of {@code unit} exactly: "#,##0" for 20, "#,##0.#" for 0.4. */
    public static String tickPattern(double unit) {
        int decimals = Math.max(0, BigDecimal.valueOf(unit).stripTrailingZeros().scale());
        return decimals == 0 ? "#,##0" : "#,##0." + "#".repeat(decimals);
    }
}
