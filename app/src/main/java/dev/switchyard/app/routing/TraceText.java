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
                    r.reached() ? String.format(Locale.ROOT, " %.0f µs", r.micros()) : " not reached"));
            if (r.when() != null) {
                condition(out, r.when(), "    ");
            }
        }
        return out;
    }

    private static void condition(List<String> out, ConditionTrace t, String indent) {
        out.add(String.format(Locale.ROOT, "%s%s %s%s%s (%.0f µs)", indent, t.passed() ? "✔" : "✘", t.test(),
                t.observed() == null ? "" : " → " + t.observed(), t.error() == null ? "" : " ! " + t.error(), t.micros()));
        if (t.children() != null) {
            t.children().forEach(k -> condition(out, k, indent + "  "));
        }
    }
}
