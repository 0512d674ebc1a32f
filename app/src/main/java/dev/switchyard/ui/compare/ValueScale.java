package dev.switchyard.ui.compare;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * A chart's value axis from 0: the largest tick step of 1, 2 or 5 × 10ⁿ whose labels still fit side by side in the
 * axis' length, and as many decimals as the step needs. JavaFX's own auto-ranging picks the step before it knows the
 * labels' width, and in a narrow chart they ran together ("90100110").
 */
record ValueScale(double upper, double step, int decimals) {

    /** Space kept between two tick labels, in pixels. */
    static final double GAP = 10;

    /**
     * The scale for values up to {@code max} on an axis {@code lengthPx} long; {@code labelWidth} measures a tick
     * label in pixels. At most ten intervals; fewer when their labels would not fit.
     */
    static ValueScale fit(double max, double lengthPx, ToDoubleFunction<String> labelWidth) {
        double top = max > 0 ? max * 1.05 : 1; // a dot at the maximum stays inside the plot
        double step = nice(top / 10);
        while (true) {
            int decimals = decimals(step);
            long intervals = Math.max(1, (long) Math.ceil(top / step - 1e-9));
            double upper = intervals * step;
            ValueScale s = new ValueScale(upper, step, decimals);
            if (intervals == 1 || lengthPx <= 0 || lengthPx / intervals >= labelWidth.applyAsDouble(s.label(upper)) + GAP) {
                return s;
            }
            step = nice(step * 1.5); // the next of 1, 2, 5 × 10ⁿ
        }
    }

    /** A tick's label: grouped thousands, {@link #decimals} decimals. */
    String label(double value) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    /** The smallest 1, 2 or 5 × 10ⁿ not below {@code x}. */
    static double nice(double x) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(x)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude >= x * (1 - 1e-9)) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static int decimals(double step) {
        return step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
    }
}
