package dev.switchyard.app.replay.export;

import dev.switchyard.app.replay.engine.ItemOutcome;
import dev.switchyard.app.replay.engine.ReplayResult;
import dev.switchyard.app.replay.results.Point;
import dev.switchyard.app.replay.results.Summary;
import dev.switchyard.app.replay.results.Sweep;
import dev.switchyard.app.replay.results.Wording;
import java.util.List;
import java.util.Locale;

/**
 * One self-contained HTML file: summary, savings, the cost-versus-quality chart and the sweep curve as inline
 * SVG, and the item table. No script, stylesheet, font or image is loaded from anywhere.
 */
public final class HtmlReport {

    private static final String CSS = "body{font:14px system-ui,sans-serif;margin:24px;color:#1d2330;background:#fff}"
            + "table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #d5d9e0;padding:4px 8px;text-align:left;"
            + "vertical-align:top}th{background:#f1f3f7}.chart{width:640px;max-width:100%;border:1px solid #d5d9e0}"
            + ".axis{stroke:#555}.tick,.lbl{font-size:11px;fill:#444}.axis-label{font-size:12px;fill:#222}"
            + ".pt-policy{fill:#d0481b}.pt-base{fill:#2f6fd6}.curve{fill:none;stroke:#2f6fd6;stroke-width:1.5}"
            + ".pass{color:#1c7c3a}.fail{color:#b3261e}.ans{max-width:420px;white-space:pre-wrap}";

    private HtmlReport() {
    }

    public static String html(ReplayResult r) {
        Summary s = Summary.of(r);
        StringBuilder sb = new StringBuilder(4096 + r.items().size() * 512);
        sb.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Replay ")
                .append(r.replay().id()).append(" — ").append(Html.esc(r.policyLabel())).append("</title><style>")
                .append(CSS).append("</style></head><body>");
        sb.append("<h1>Replay of ").append(Html.esc(r.policyLabel())).append("</h1><p>Replay ").append(r.replay().id())
                .append(", ").append(r.items().size()).append(" items, answers: ").append(Html.esc(r.sourcing().code()))
                .append(", status ").append(r.replay().status().code()).append(".</p>");
        sb.append("<h2>Summary</h2>").append(pointTable(ReplayReport.points(s)));
        sb.append("<p>").append(Html.esc(Wording.savings(s.savings()))).append("</p>");
        if (!s.unpricedModels().isEmpty()) {
            sb.append("<p>Cost unknown for the answers of ").append(Html.esc(String.join(", ", s.unpricedModels())))
                    .append(" (no price in force when they ran): a cost marked “at least” is the known part.</p>");
        }
        sb.append("<p>Traffic per model: ").append(Html.esc(shares(s.routeShare()))).append(". Judge cost (apart): $")
                .append(fmt(s.judgeCostUsd())).append(".</p>");
        sb.append("<h2>Cost versus quality</h2>").append(SvgCharts.costQuality(ReplayReport.points(s)));
        Sweep.of(r).ifPresent(sw -> {
            List<Sweep.Position> curve = sw.curve(ReplayReport.SWEEP_POSITIONS);
            sb.append("<h2>Threshold sweep: ").append(Html.esc(sw.spec().label())).append(' ')
                    .append(Html.esc(sw.spec().op())).append(" t (now ").append(fmt(sw.spec().current())).append(")</h2>")
                    .append(SvgCharts.sweep(curve, sw.spec().current()));
            sb.append("<table><tr><th>t</th><th>pass rate</th><th>$ per 1k</th><th>cloud share</th>"
                    + "<th>prompts changing route here</th></tr>");
            for (Sweep.Position p : curve) {
                sb.append("<tr><td>").append(fmt(p.threshold())).append("</td><td>").append(Wording.pct(p.point().passRate()))
                        .append("</td><td>").append(money(p.point().costPer1k(), p.point())).append("</td><td>")
                        .append(Wording.pct(p.point().cloudShare())).append("</td><td>");
                p.changed().stream().limit(10).forEach(c -> sb.append(Html.esc(c.prompt())).append(" (")
                        .append(Html.esc(c.from())).append(" → ").append(Html.esc(c.to())).append(")<br>"));
                if (p.changed().size() > 10) {
                    sb.append("… and ").append(p.changed().size() - 10).append(" more");
                }
                sb.append("</td></tr>");
            }
            sb.append("</table>");
        });
        sb.append("<h2>Items</h2><table><tr><th>#</th><th>prompt</th><th>why</th><th>route</th><th>answer</th>"
                + "<th>grade</th><th>$</th><th>ms</th></tr>");
        for (ItemOutcome o : r.items()) {
            boolean pass = o.passed();
            sb.append("<tr><td>").append(o.item().position() + 1).append("</td><td>").append(Html.esc(o.item().prompt()))
                    .append("</td><td>").append(Html.esc(ReplayReport.why(o))).append("</td><td>")
                    .append(Html.esc(ReplayReport.routeText(r, o))).append("</td><td class=\"ans\">")
                    .append(Html.esc(o.route().finalCell().answer())).append("</td><td class=\"")
                    .append(o.grade() == null || o.grade().pass() == null ? "" : pass ? "pass" : "fail").append("\">")
                    .append(o.grade() == null ? "" : Html.esc(o.grade().grader() + ": " + o.grade().detail()))
                    .append("</td><td>").append(o.route().unpriced() ? Html.esc(Wording.cost(o.costUsd(), true))
                            : fmt(o.costUsd())).append("</td><td>").append(o.latencyMs())
                    .append("</td></tr>");
        }
        return sb.append("</table></body></html>").toString();
    }

    private static String pointTable(List<Point> points) {
        StringBuilder sb = new StringBuilder("<table><tr><th>strategy</th><th>pass rate</th><th>graded</th>"
                + "<th>cost</th><th>$ per 1k</th><th>p50 ms</th><th>p95 ms</th><th>cloud share</th><th>missing</th></tr>");
        for (Point p : points) {
            sb.append("<tr><td>").append(Html.esc(p.name())).append("</td><td>").append(Wording.pct(p.passRate()))
                    .append("</td><td>").append(p.graded()).append("</td><td>").append(money(p.costUsd(), p))
                    .append("</td><td>").append(money(p.costPer1k(), p)).append("</td><td>").append(p.p50Ms())
                    .append("</td><td>").append(p.p95Ms()).append("</td><td>").append(Wording.pct(p.cloudShare()))
                    .append("</td><td>").append(p.missing()).append("</td></tr>");
        }
        return sb.append("</table>").toString();
    }

    /** "$0.0123", "at least $0.0123" or "cost unknown" (a model without a price answered). */
    private static String money(double usd, Point p) {
        return p.costPartial() ? Html.esc(Wording.cost(usd, true)) : "$" + fmt(usd);
    }

    private static String shares(java.util.Map<String, Double> m) {
        return String.join(", ", m.entrySet().stream().map(e -> e.getKey() + " " + Wording.pct(e.getValue())).toList());
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
