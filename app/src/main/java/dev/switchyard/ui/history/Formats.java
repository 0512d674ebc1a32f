package dev.switchyard.ui.history;

import dev.switchyard.workspace.model.CostKind;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.format.ResolverStyle;
import java.util.Locale;

/** How run figures read on screen (shared by the history table, the detail panel and the comparison view). */
public final class Formats {

    /** One way to write a day on the History screen: the table, the detail and the date filters agree. */
    private static final DateTimeFormatter DAY = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("d MMM uuuu").toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_THIS_YEAR = DateTimeFormatter.ofPattern("d MMM, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm:ss", Locale.ENGLISH);

    private Formats() {
    }

    /** "19 Nov, 06:01" for table cells; "19 Nov 2025, 06:01" for a year other than the current one. */
    public static String shortWhen(Instant t, ZoneId zone) {
        return shortWhen(t, zone, Year.now(zone));
    }

    static String shortWhen(Instant t, ZoneId zone, Year thisYear) {
        if (t == null) {
            return "";
        }
        ZonedDateTime at = t.atZone(zone);
        return (at.getYear() == thisYear.getValue() ? SHORT_THIS_YEAR : SHORT).format(at);
    }

    /** "19 Nov 2026, 06:01:42" for the detail panel. */
    public static String when(Instant t, ZoneId zone) {
        return t == null ? "" : WHEN.format(t.atZone(zone));
    }

    /** "19 Nov 2026" for the date filters. */
    public static String day(LocalDate d) {
        return d == null ? "" : DAY.format(d);
    }

    /**
     * A day as typed into a date filter: "19 Nov 2026" (as shown), "2026-11-19", or the short form of {@code locale}
     * ("11/19/26"); null for blank text.
     *
     * @throws DateTimeParseException when it is none of these
     */
    public static LocalDate parseDay(String text, Locale locale) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip();
        DateTimeParseException first = null;
        for (DateTimeFormatter f : new DateTimeFormatter[] {DAY, DateTimeFormatter.ISO_LOCAL_DATE,
                DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale)}) {
            try {
                return LocalDate.parse(s, f);
            } catch (DateTimeParseException e) {
                first = first == null ? e : first;
            }
        }
        throw first;
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

    /** "Completed", "Stopped" (a cancelled run, as Compare says), "Incomplete", "Failed", "Running". */
    public static String status(RunStatus s) {
        return RunState.of(s).label();
    }

    /** Between two figures of {@link #metrics}: a line may break after it, not before. */
    static final String SEPARATOR = "\u00a0\u00a0·  ";

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
            sb.append(SEPARATOR).append(other.replace(" · ", SEPARATOR));
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, String label, String value) {
        if (value != null && !value.isBlank()) {
            // a figure, its name and its unit stay on one line of the wrapping detail label, and a line ends with the
            // dot between two figures instead of starting with it ("· cost" / "$0.001299" read as two figures)
            sb.append(sb.length() == 0 ? "" : SEPARATOR).append(label).append('\u00a0').append(value.replace(' ', '\u00a0'));
        }
    }
}
