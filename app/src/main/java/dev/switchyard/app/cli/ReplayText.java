package dev.switchyard.app.cli;

import dev.switchyard.app.replay.engine.ReplayResult;
import dev.switchyard.app.replay.results.Point;
import dev.switchyard.app.replay.results.Summary;
import dev.switchyard.app.replay.results.Wording;
import java.io.PrintWriter;
import java.util.Locale;

/** The replay summary as text for the terminal. */
final class ReplayText {

    private ReplayText() {
    }

    static void print(PrintWriter out, ReplayResult r, Summary s) {
        out.printf(Locale.ROOT, "Replay %d of %s over %d items (%s, %s).%n", r.replay().id(), r.policyLabel(),
                r.items().size(), r.sourcing().code(), r.replay().status().code());
        // the strategy column as wide as its longest name ("best-single (Intent model (customer-support))"), so the
        // figures stay in their columns
        int width = Math.max(36, java.util.stream.Stream.concat(java.util.stream.Stream.of(s.policy()),
                s.baselines().stream()).mapToInt(p -> p.name().length()).max().orElse(0));
        out.printf(Locale.ROOT, "%-" + width + "s %9s %11s %10s %8s %8s %7s%n", "strategy", "pass", "cost", "$/1k",
                "p50 ms", "p95 ms", "cloud");
        row(out, s.policy(), width);
        s.baselines().forEach(p -> row(out, p, width));
        out.println(Wording.savings(s.savings()));
        if (!s.unpricedModels().isEmpty()) {
            out.printf(Locale.ROOT, "Cost unknown for the answers of %s (no price in force when they ran): a cost marked"
                    + " >= is the known part, \"unknown\" has none; set a price with `prices set` for later runs.%n",
                    String.join(", ", s.unpricedModels()));
        }
        out.printf(Locale.ROOT, "Answers: %d stored, %d live (%s), %d missing; judge $%.4f.%n", s.cachedAnswers(),
                s.liveAnswers(), Wording.cost(s.liveSpentUsd(), s.liveUnpriced() > 0), s.missingAnswers(),
                s.judgeCostUsd());
        if (!s.pathShare().isEmpty()) {
            out.println("Where the policy sent the items, largest share first:");
            s.pathShare().entrySet().stream().sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(e -> out.printf(Locale.ROOT, "  %5.1f%%  %s%n", e.getValue() * 100, e.getKey()));
        }
    }

    private static void row(PrintWriter out, Point p, int width) {
        out.printf(Locale.ROOT, "%-" + width + "s %9s %11s %10s %8d %8d %6.0f%%%n", p.name(), Wording.pct(p.passRate()),
                money(p.costUsd(), p), money(p.costPer1k(), p), p.p50Ms(), p.p95Ms(), p.cloudShare() * 100);
    }

    /** A cost column: "0.0123", ">=0.0123" when part of it is unknown, "unknown" when nothing of it is known. */
    static String money(double usd, Point p) {
        String v = String.format(Locale.ROOT, "%.4f", usd);
        return !p.costPartial() ? v : usd > 0 ? ">=" + v : "unknown";
    }
}
