package dev.switchyard.app.replay.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Places the names of a chart's points so that none covers another or another point: each label wants to sit beside
 * its dot (vertically centred on it); a label that would overlap one already placed, or a dot, moves just below it (or
 * above, when going down runs past the bottom). Used by the Replay screen's chart and the HTML report's SVG chart, where points
 * of the same cost (all $0, or all of unknown cost) stacked their names on top of each other.
 */
public final class LabelLayout {

    private LabelLayout() {
    }

    /** A label's box: left edge, wanted top, width; all labels have the same height. */
    public record Box(double x, double top, double width) {
    }

    /** Something a label must not cover, such as a point's dot. */
    public record Rect(double x, double top, double width, double height) {
    }

    /**
     * The top of each label (same order as {@code boxes}), labels {@code height} tall with {@code gap} between them,
     * kept between {@code minTop} and {@code maxBottom} where they can be.
     */
    public static double[] place(List<Box> boxes, double height, double gap, double minTop, double maxBottom) {
        return place(boxes, List.of(), height, gap, minTop, maxBottom);
    }

    /** As above; no label covers any of {@code dots} either (a label moves past a dot as past another label). */
    public static double[] place(List<Box> boxes, List<Rect> dots, double height, double gap, double minTop,
                                 double maxBottom) {
        double[] down = sweep(boxes, dots, height, gap, true);
        if (fits(down, height, minTop, maxBottom)) {
            return down;
        }
        double[] up = sweep(boxes, dots, height, gap, false);
        if (fits(up, height, minTop, maxBottom)) {
            return up;
        }
        return overflow(down, height, minTop, maxBottom) <= overflow(up, height, minTop, maxBottom) ? down : up;
    }

    private static double[] sweep(List<Box> boxes, List<Rect> dots, double height, double gap, boolean downwards) {
        double[] top = new double[boxes.size()];
        List<Integer> order = new ArrayList<>(IntStream.range(0, boxes.size()).boxed().toList());
        Comparator<Integer> byTop = Comparator.comparingDouble(i -> boxes.get(i).top());
        order.sort(downwards ? byTop : byTop.reversed());
        List<Integer> placed = new ArrayList<>();
        for (int i : order) {
            double t = boxes.get(i).top();
            boolean moved = true;
            for (int guard = 0; moved && guard <= placed.size() + dots.size(); guard++) {
                moved = false;
                for (int j : placed) {
                    if (overlaps(boxes.get(i), t, boxes.get(j), top[j], height)) {
                        t = downwards ? top[j] + height + gap : top[j] - height - gap;
                        moved = true;
                    }
                }
                for (Rect d : dots) {
                    Box b = boxes.get(i);
                    if (overlaps(b.x(), t, b.width(), height, d.x(), d.top(), d.width(), d.height())) {
                        t = downwards ? d.top() + d.height() + gap : d.top() - height - gap;
                        moved = true;
                    }
                }
            }
            top[i] = t;
            placed.add(i);
        }
        return top;
    }

    private static boolean overlaps(Box a, double aTop, Box b, double bTop, double height) {
        return overlaps(a.x(), aTop, a.width(), height, b.x(), bTop, b.width(), height);
    }

    private static boolean overlaps(double ax, double aTop, double aw, double ah, double bx, double bTop, double bw,
                                    double bh) {
        return ax < bx + bw && bx < ax + aw && aTop < bTop + bh && bTop < aTop + ah;
    }

    private static boolean fits(double[] top, double height, double minTop, double maxBottom) {
        return overflow(top, height, minTop, maxBottom) == 0;
    }

    private static double overflow(double[] top, double height, double minTop, double maxBottom) {
        double out = 0;
        for (double t : top) {
            out += Math.max(0, minTop - t) + Math.max(0, t + height - maxBottom);
        }
        return out;
    }
}
