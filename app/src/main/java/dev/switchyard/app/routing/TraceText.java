package dev.switchyard.app.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A decision's trace as text lines: every rule (✔ matched, ✘ not, · not reached) and its conditions, indented. */
public final class TraceText {

    private TraceText() {
    }

    /** One line per rule and per condition; conditions indented under their rule, children under their parent. */
    public static List<String> lines(Decision d) {
        List<String> out = new ArrayList<>();
        for (RuleTrace r : d.trace()) {
            out.add(String.format(Locale.ROOT, "%s rule %d%s%s", !r.reached() ? "·" : r.matched() ? "✔" : "✘", r.index() + 1,
                    r.name() == null ? "" : " (" + r.name() + ")",
                    r.reached() ? " " + duration(r.micros()) : " not reached"));
            if (r.when() != null) {
                condition(out, r.when(), "    ");
            }
        }
        return out;
    }

    /**
     * A decision's or a step's time as a user reads it: "850 µs", "6.9 ms", "1.39 s" (a first decision that loads the
     * intent model takes most of a second), with a no-break space so that a wrapped line never parts number and unit.
     */
    public static String duration(double micros) {
        if (micros >= 1_000_000) {
            return String.format(Locale.ROOT, "%.2f\u00a0s", micros / 1_000_000);
        }
        return micros >= 1000 ? String.format(Locale.ROOT, "%.1f\u00a0ms", micros / 1000)
                : String.format(Locale.ROOT, "%.0f\u00a0µs", micros);
    }

    private static void condition(List<String> out, ConditionTrace t, String indent) {
        out.add(String.format(Locale.ROOT, "%s%s %s%s%s (%s)", indent, t.passed() ? "✔" : "✘", t.test(),
                t.observed() == null ? "" : " → " + t.observed(), t.error() == null ? "" : " ! " + t.error(),
                duration(t.micros())));
        if (t.children() != null) {
            t.children().forEach(k -> condition(out, k, indent + "  "));
        }
    }
}
