package dev.switchyard.ui.compare.markdown;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * The sizes of a rendered Markdown node, remembered for the last few widths (heights). A settled block never changes,
 * but JavaFX caches a node's size queries only without a width, and a layout pass asks a wrapping node for its
 * minimum, preferred and maximum height at a width, a list item for its children's widths first, and a scroll pane
 * for two widths (with and without its scroll bar): a text flow answers each such question by laying its text out
 * again for that width (it keeps one layout, for the last width asked). Remembered, a settled block lays its text out
 * about once per width it is shown at. Forgotten when the node asks for a new layout (its content or font changed).
 */
final class SizeCache {

    static final int MIN_WIDTH = 0;
    static final int PREF_WIDTH = 1;
    static final int MIN_HEIGHT = 2;
    static final int PREF_HEIGHT = 3;
    private static final int SLOTS = 4;

    /** How many sizes were computed (not remembered) on the FX thread so far; for tests. */
    static long computed;

    private final double[][] args = new double[4][SLOTS];
    private final double[][] values = new double[4][SLOTS];
    private final int[] next = new int[4];

    SizeCache() {
        forget();
    }

    void forget() {
        for (double[] a : args) {
            Arrays.fill(a, Double.NaN);
        }
    }

    /** The size of {@code kind} for {@code arg} (a width or a height, -1 for none), computed at most once while remembered. */
    double get(int kind, double arg, DoubleUnaryOperator compute) {
        double[] a = args[kind];
        for (int i = 0; i < SLOTS; i++) {
            if (Double.compare(a[i], arg) == 0) {
                return values[kind][i];
            }
        }
        computed++;
        double v = compute.applyAsDouble(arg);
        int slot = next[kind];
        next[kind] = (slot + 1) % SLOTS;
        a[slot] = arg;
        values[kind][slot] = v;
        return v;
    }
}
