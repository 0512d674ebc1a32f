package dev.switchyard.ui.replay.export;

import dev.switchyard.app.replay.engine.ItemOutcome;
import dev.switchyard.app.replay.engine.ReplayResult;
import dev.switchyard.app.replay.results.Point;
import dev.switchyard.app.replay.results.Summary;
import dev.switchyard.app.replay.results.Sweep;
import dev.switchyard.ui.replay.ItemRow;
import dev.switchyard.ui.replay.ItemRow.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One self-contained HTML page (inline CSS and SVG, no script, no external file): summary, chart, items. */
final class HtmlReport {

    private static final int W = 640;
    private static final int H = 360;
    private static final int PAD = 48;

    private HtmlReport() {
    }

    static String render(ReplayResult r, Summary s) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Replay ")
                .append(esc(r.policyLabel())).append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:24px;color:#1f2933}table{border-collapse:collapse;")
                .append("margin:12px 0}td,th{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}")
                .append("th{background:#f3f5f7}.pass{color:#1a7f37}.fail{color:#cf222e}svg{border:1px solid #d0d7de}")
                .append("</style></head><body>");
        b.append("<h1>Replay of ").append(esc(r.policyLabel())).append("</h1><p>Replay #").append(r.replay().id())
                .append(" · ").append(r.items().size()).append(" items · answers ").append(esc(r.sourcing().code()))
                .append(" · status ").append(esc(r.replay().status().code())).append("</p>");
        Point p = s.policy();
        b.append("<h2>Summary</h2><table>");
        row(b, "Pass rate", Format.pct(p.passRate()) + " (" + p.passed() + " of " + p.graded() + " graded)");
        row(b, "Cost", Format.usd(p.costUsd()) + " total, " + Format.usd(p.costPer1k()) + " per 1,000 prompts");
        row(b, "Latency", "p50 " + Format.ms(p.p50Ms()) + ", p95 " + Format.ms(p.p95Ms()));
        StringBuilder share = new StringBuilder();
        s.routeShare().forEach((k, v) -> share.append(esc(k)).append(' ').append(Format.pct(v)).append("<br>"));
        b.append("<tr><th>Traffic per route</th><td>").append(share).append("</td></tr>");
        row(b, "Savings vs all-cloud", SummaryText.savings(s.savings()));
        b.append("</table><h2>Cost versus quality</h2>").append(chart(r, s));
        b.append("<h2>Baselines</h2><table><tr><th>Strategy</th><th>Pass rate</th><th>Cost / 1k</th><th>p50</th>")
                .append("<th>p95</th><th>Cloud share</th></tr>");
        List<Point> all = new ArrayList<>();
        all.add(p);
        all.addAll(s.baselines());
        for (Point x : all) {
            b.append("<tr><td>").append(esc(x.name())).append("</td><td>").append(Format.pct(x.passRate()))
                    .append("</td><td>").append(Format.usd(x.costPer1k())).append("</td><td>").append(x.p50Ms())
                    .append(" ms</td><td>").append(x.p95Ms()).append(" ms</td><td>").append(Format.pct(x.cloudShare()))
                    .append("</td></tr>");
        }
        b.append("</table><h2>Items</h2><table><tr><th>#</th><th>Prompt</th><th>Route</th><th>Answer</th><th>Cost</th>")
                .append("<th>Latency</th><th>Grade</th></tr>");
        for (ItemOutcome o : r.items()) {
            ItemRow i = ItemRow.of(r, o);
            b.append("<tr><td>").append(i.position()).append("</td><td>").append(esc(i.prompt())).append("</td><td>")
                    .append(esc(i.route())).append(" <small>(").append(i.source()).append(")</small></td><td>")
                    .append(esc(i.answer())).append("</td><td>").append(i.costText()).append("</td><td>")
                    .append(i.latencyMs()).append(" ms</td><td class=\"").append(i.passText()).append("\">")
                    .append(esc(i.grade())).append("</td></tr>");
        }
        return b.append("</table></body></html>\n").toString();
    }

    private static String chart(ReplayResult r, Summary s) {
        List<Point> pts = new ArrayList<>(s.baselines());
        pts.add(0, s.policy());
        List<Point> curve = Sweep.of(r).map(sw -> sw.curve(21).stream().map(Sweep.Position::point).toList())
                .orElse(List.of());
        double maxCost = 1e-9;
        for (Point x : pts) {
            maxCost = Math.max(maxCost, x.costPer1k());
        }
        for (Point x : curve) {
            maxCost = Math.max(maxCost, x.costPer1k());
        }
        StringBuilder b = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + W + "\" height=\""
                + H + "\" role=\"img\" aria-label=\"cost versus pass rate\">");
        b.append(line(PAD, H - PAD, W - PAD, H - PAD)).append(line(PAD, PAD / 2, PAD, H - PAD));
        b.append(text(W / 2, H - 10, "cost per 1,000 prompts (max " + Format.usd(maxCost) + ")", "middle"));
        b.append(text(12, PAD / 2 - 6, "pass rate", "start"));
        if (!curve.isEmpty()) {
            b.append("<polyline fill=\"none\" stroke=\"#8b949e\" stroke-dasharray=\"4 3\" points=\"");
            for (Point x : curve) {
                if (x.passRate() != null) {
                    b.append(fmt(px(x, maxCost))).append(',').append(fmt(py(x))).append(' ');
                }
            }
            b.append("\"/>");
        }
        for (Point x : pts) {
            if (x.passRate() == null) {
                continue;
            }
            boolean policy = x == s.policy();
            b.append("<circle cx=\"").append(fmt(px(x, maxCost))).append("\" cy=\"").append(fmt(py(x)))
                    .append("\" r=\"").append(policy ? 7 : 5).append("\" fill=\"").append(policy ? "#d9480f" : "#1c7ed6")
                    .append("\"/>").append(text(px(x, maxCost) + 8, py(x) - 6, x.name(), "start"));
        }
        return b.append("</svg>").toString();
    }

    private static double px(Point x, double maxCost) {
        return PAD + (W - 2 * PAD) * x.costPer1k() / maxCost;
    }

    private static double py(Point x) {
        return H - PAD - (H - 1.5 * PAD) * x.passRate();
    }

    private static String line(double x1, double y1, double x2, double y2) {
        return "<line x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2) + "\" y2=\"" + fmt(y2)
                + "\" stroke=\"#57606a\"/>";
    }

    private static String text(double x, double y, String t, String anchor) {
        return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" font-size=\"11\" text-anchor=\"" + anchor + "\">"
                + esc(t) + "</text>";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static void row(StringBuilder b, String k, String v) {
        b.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>");
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
