package dev.switchyard.app.replay.export;

import dev.switchyard.app.replay.results.Point;
import dev.switchyard.app.replay.results.Sweep;
import dev.switchyard.app.replay.results.Wording;
import java.util.List;
import java.util.Locale;

/** Inline SVG charts for the HTML report (no script, no external resource). */
final class SvgCharts {

    private static final int W = 640;
    private static final int H = 360;
    private static final int L = 70;
    private static final int R = 20;
    private static final int T = 20;
    private static final int B = 50;
    /**
     * Between the axes and the points' 0 (and 100 %): a point at $0 or at 0 % (7 at most across its middle) is drawn
     * whole inside the axes, not centred on their lines; the ticks stay on round numbers from $0 and 0 %.
     */
    private static final int PAD = 10;

    private SvgCharts() {
    }

    /**
     * Cost per 1,000 prompts (x) versus pass rate (y): the policy and every baseline as labelled points; names that
     * would cover one another are moved apart ({@link LabelLayout}), and with no cost above $0 the x axis says so.
     */
    static String costQuality(List<Point> points) {
        double top = points.stream().mapToDouble(Point::costPer1k).max().orElse(0);
        double maxCost = ChartScale.costUpper(top); // as on the Replay screen: round ticks, room for the names
        String xLabel = Wording.costAxis(top > 0, points.stream().anyMatch(Point::costPartial),
                points.stream().anyMatch(p -> !p.costPartial()));
        StringBuilder sb = frame(xLabel, "Pass rate", maxCost, top > 0);
        List<Point> shown = points.stream().filter(p -> p.passRate() != null).toList();
        List<LabelLayout.Box> boxes = new java.util.ArrayList<>();
        List<String> names = new java.util.ArrayList<>();
        for (Point p : shown) {
            String name = p.name() + (top > 0 && p.costPartial() ? p.costPer1k() > 0 ? " (cost: at least)"
                    : " (cost unknown)" : "");
            names.add(name);
            boxes.add(new LabelLayout.Box(x(p.costPer1k(), maxCost) + 8, y(p.passRate()) - 10, name.length() * 6.2));
        }
        double[] labelTop = LabelLayout.place(boxes, 13, 1, T - 12, H - B);
        for (int i = 0; i < shown.size(); i++) {
            Point p = shown.get(i);
            double x = x(p.costPer1k(), maxCost);
            double y = y(p.passRate());
            boolean policy = p.kind().equals("policy");
            sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" class=\"%s\"><title>%s: %.1f%%"
                    + " at %s per 1k</title></circle>", x, y, policy ? 7 : 5, policy ? "pt-policy" : "pt-base",
                    Html.esc(p.name()), p.passRate() * 100, Html.esc(Wording.costPer1k(p))));
            if (Math.abs(labelTop[i] - boxes.get(i).top()) > 6) {
                sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"axis\""
                        + " stroke-width=\"0.5\"/>", x + 5, y, x + 7, labelTop[i] + 6));
            }
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" class=\"lbl\">%s</text>", x + 8,
                    labelTop[i] + 10, Html.esc(names.get(i))));
        }
        return sb.append("</svg>").toString();
    }

    /** The sweep as a curve in the same axes, the current position marked. */
    static String sweep(List<Sweep.Position> positions, double current) {
        double top = positions.stream().mapToDouble(p -> p.point().costPer1k()).max().orElse(0);
        double maxCost = top <= 0 ? 1 : ChartScale.niceUpper(top * 1.1);
        StringBuilder sb = frame("Cost per 1,000 prompts (USD)", "Pass rate", maxCost, true);
        StringBuilder path = new StringBuilder();
        for (Sweep.Position p : positions) {
            if (p.point().passRate() == null) {
                continue;
            }
            double x = x(p.point().costPer1k(), maxCost);
            double y = y(p.point().passRate());
            path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
            sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" class=\"pt-base\"><title>"
                    + "threshold %.3f: %.1f%% at $%.4f per 1k, %d %s changed route</title></circle>", x, y,
                    p.threshold(), p.point().passRate() * 100, p.point().costPer1k(), p.changed().size(),
                    p.changed().size() == 1 ? "prompt" : "prompts"));
        }
        sb.append("<path d=\"").append(path).append("\" class=\"curve\"/>");
        positions.stream().min(java.util.Comparator.comparingDouble(p -> Math.abs(p.threshold() - current)))
                .filter(p -> p.point().passRate() != null)
                .ifPresent(p -> sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"7\""
                        + " class=\"pt-policy\"><title>current threshold</title></circle>",
                        x(p.point().costPer1k(), maxCost), y(p.point().passRate()))));
        return sb.append("</svg>").toString();
    }

    private static StringBuilder frame(String xLabel, String yLabel, double maxX, boolean xTicks) {
        StringBuilder sb = new StringBuilder();
        sb.append("<svg viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" class=\"chart\" role=\"img\">");
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>", L, H - B, W - R, H - B));
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>", L, T, L, H - B));
        for (int i = 0; i <= 4; i++) {
            double v = i / 4.0;
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">%.0f%%</text>",
                    L - 6, y(v) + 4, v * 100));
        }
        if (xTicks) {
            double unit = maxX / ChartScale.COST_STEPS;
            java.text.DecimalFormat money = new java.text.DecimalFormat(ChartScale.tickPattern(unit),
                    java.text.DecimalFormatSymbols.getInstance(Locale.ROOT));
            for (int i = 0; i <= ChartScale.COST_STEPS; i++) {
                sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">$%s</text>",
                        x(unit * i, maxX), H - B + 18, money.format(unit * i)));
            }
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"axis-label\" text-anchor=\"middle\">%s</text>",
                (L + W - R) / 2, H - 8, Html.esc(xLabel)));
        sb.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" class=\"axis-label\" transform=\"rotate(-90 14 %d)\""
                + " text-anchor=\"middle\">%s</text>", (T + H - B) / 2, (T + H - B) / 2, Html.esc(yLabel)));
        return sb;
    }

    /** Where cost {@code v} sits: $0 {@link #PAD} right of the pass-rate axis, {@code max} at the right end. */
    static double x(double v, double max) {
        return L + PAD + (W - L - R - PAD) * (v / max);
    }

    /** Where pass rate {@code rate} (0–1) sits: 0 % {@link #PAD} above the cost axis, 100 % {@link #PAD} below the top. */
    static double y(double rate) {
        return (H - B - PAD) - (H - B - T - 2 * PAD) * rate;
    }
}
