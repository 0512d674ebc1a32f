package dev.switchyard.ui.history;

import dev.switchyard.workspace.model.CostKind;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How run figures read on screen (shared by the history table, the detail panel and the comparison view). */
public final class Formats {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private Formats() {
    }

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ENGLISH);

    /** "Nov 19 06:01" for table cells. */
    public static String shortWhen(Instant t, ZoneId zone) {
        return t == null ? "" : SHORT.format(t.atZone(zone));
    }

    public static String when(Instant t, ZoneId zone) {
        return t == null ? "" : WHEN.format(t.atZone(zone));
    }

    /** "850 ms", "1.24 s", "" when not measured. */
    public static String ms(Long ms) {
        if (ms == null) {
            return "";
        }
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
    }

    public static String count(Long n) {
        return n == null ? "" : String.format(Locale.ROOT, "%,d", n);
    }

    public static String tps(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.1f tok/s", v);
    }

    /** "$0.000420", "no price" when the run has no cost, "(device)" suffix for local runs. */
    public static String cost(Run r) {
        Double usd = r.cost().usd();
        if (usd == null) {
            return r.status().isTerminal() ? "no price" : "";
        }
        if (usd == 0) {
            return r.cost().kind() == CostKind.DEVICE ? "$0 (device)" : "$0";
        }
        String s = usd >= 0.01 ? String.format(Locale.ROOT, "$%.4f", usd) : String.format(Locale.ROOT, "$%.6f", usd);
        return r.cost().kind() == CostKind.DEVICE ? s + " (device)" : s;
    }

    public static String status(RunStatus s) {
        String c = s.code().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(c.charAt(0)) + c.substring(1);
    }

    /** A one-line metric summary for detail views, with how the run ended (the intent matched, a cut answer). */
    public static String metrics(Run r) {
        var m = r.metrics();
        StringBuilder sb = new StringBuilder();
        append(sb, "TTFT", ms(m.ttftMs()));
        append(sb, "total", ms(m.totalMs()));
        append(sb, "in", count(m.inputTokens()) + (r.tokensEstimated() && m.inputTokens() != null ? " (est.)" : ""));
        append(sb, "out", count(m.outputTokens()));
        append(sb, "decode", tps(m.decodeTps()));
        append(sb, "cost", cost(r));
        String other = dev.switchyard.app.compare.Formats.notes(r, null);
        if (!other.isEmpty()) {
            sb.append("  ·  ").append(other.replace(" · ", "  ·  "));
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, String label, String value) {
        if (value != null && !value.isBlank()) {
            // a figure and its unit stay on one line of the wrapping detail label
            sb.append(sb.length() == 0 ? "" : "  ·  ").append(label).append(' ').append(value.replace(' ', '\u00a0'));
        }
    }
}
