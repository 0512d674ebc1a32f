package dev.switchyard.ui.compare.markdown;

import java.util.Arrays;

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

    /**
     * The size of {@code kind} remembered for {@code arg} (a width or a height, -1 for none); NaN when not remembered,
     * then work it out and {@link #keep} it. (Not a method taking the computation: a method reference to a
     * {@code super} method is a new object at every call, and size queries come by the thousand per layout.)
     */
    double find(int kind, double arg) {
        double[] a = args[kind];
        for (int i = 0; i < SLOTS; i++) {
            if (Double.compare(a[i], arg) == 0) {
                return values[kind][i];
            }
        }
        return Double.NaN;
    }

    /** Remembers {@code value}, the size of {@code kind} for {@code arg}, and returns it. */
    double keep(int kind, double arg, double value) {
        computed++;
        int slot = next[kind];
        next[kind] = (slot + 1) % SLOTS;
        args[kind][slot] = arg;
        values[kind][slot] = value;
        return value;
    }
}
