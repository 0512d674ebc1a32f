package dev.switchyard.app.cli;

import dev.switchyard.app.replay.engine.ReplayResult;
import dev.switchyard.app.replay.results.Point;
import dev.switchyard.app.replay.results.Savings;
import dev.switchyard.app.replay.results.Summary;
import java.io.PrintWriter;
import java.util.Locale;

/** The replay summary as text for the terminal. */
final class ReplayText {

    private ReplayText() {
    }

    static void print(PrintWriter out, ReplayResult r, Summary s) {
        out.printf(Locale.ROOT, "Replay %d of %s over %d items (%s, %s).%n", r.replay().id(), r.policyLabel(),
                r.items().size(), r.sourcing().code(), r.replay().status().code());
        out.printf(Locale.ROOT, "%-36s %9s %11s %10s %8s %8s %7s%n", "strategy", "pass", "cost", "$/1k", "p50 ms",
                "p95 ms", "cloud");
        row(out, s.policy());
        s.baselines().forEach(p -> row(out, p));
        Savings v = s.savings();
        if (v.reference() != null) {
            out.printf(Locale.ROOT, "Versus %s: quality kept %s, cost reduction %s%s%n", v.reference(),
                    pct(v.qualityKept()), pct(v.costReduction()), v.meets95() ? " (at ≥ 95% quality)"
                            : " (below 95% quality: no saving claimed)");
        }
        out.printf(Locale.ROOT, "Answers: %d stored, %d live ($%.4f), %d missing; judge $%.4f.%n", s.cachedAnswers(),
                s.liveAnswers(), s.liveSpentUsd(), s.missingAnswers(), s.judgeCostUsd());
        s.pathShare().forEach((k, x) -> out.printf(Locale.ROOT, "  %5.1f%%  %s%n", x * 100, k));
    }

    private static void row(PrintWriter out, Point p) {
        out.printf(Locale.ROOT, "%-36s %9s %11.4f %10.4f %8d %8d %6.0f%%%n", p.name(), pct(p.passRate()), p.costUsd(),
                p.costPer1k(), p.p50Ms(), p.p95Ms(), p.cloudShare() * 100);
    }

    static String pct(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }
}
