package dev.switchyard.app.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchyard.app.run.RunOutcome;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunMetrics;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How figures read on the compare screen: short, unit attached, "—" for not measured, "~" for estimated. */
public final class Formats {

    public static final String NONE = "—";

    private Formats() {
    }

    public static String ms(Number ms) {
        if (ms == null) {
            return NONE;
        }
        double v = ms.doubleValue();
        return v >= 10_000 ? fixed(v / 1000, 1) + " s" : grouped(Math.round(v)) + " ms";
    }

    /** Elapsed time: milliseconds under a second, then tenths of a second. */
    public static String elapsed(long ms) {
        return ms < 1000 ? ms + " ms" : fixed(ms / 1000.0, 1) + " s";
    }

    public static String tps(Number tps) {
        return tps == null ? NONE : fixed(tps.doubleValue(), 1) + " tok/s";
    }

    public static String tokens(Number n, boolean estimated) {
        return n == null ? NONE : (estimated ? "~" : "") + grouped(n.longValue());
    }

    /** USD with enough digits for fractions of a cent; "no price" when unknown, never "$0" for unknown. */
    public static String usd(Double usd) {
        if (usd == null) {
            return "no price";
        }
        double v = usd;
        if (v == 0) {
            return "$0";
        }
        if (v >= 1) {
            return "$" + group(fixed(v, 2));
        }
        return "$" + fixed(v, v >= 0.01 ? 4 : 6);
    }

    /*
     * The figures a metric strip shows are formatted at every delivery of six streaming panes: String.format, which
     * parses its pattern and looks up the locale's symbols at each call, made a tenth of what the FX thread allocated
     * while answers streamed. These write the same text (FormatsTest compares them with String.format).
     */

    /** {@code v} as {@code String.format(Locale.ROOT, "%.<decimals>f", v)} writes it: rounded half up. */
    static String fixed(double v, int decimals) {
        if (!(Double.compare(v, 0.0) >= 0 && v < 1e15)) { // negative (-0.0 too), NaN, infinite, huge: String.format
            return String.format(Locale.ROOT, "%." + decimals + "f", v);
        }
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /** {@code n} as {@code String.format(Locale.ROOT, "%,d", n)} writes it. */
    static String grouped(long n) {
        return n < 0 ? String.format(Locale.ROOT, "%,d", n) : group(Long.toString(n));
    }

    /** Thousands separators in the whole part of a non-negative number in digits ("12345.60" → "12,345.60"). */
    private static String group(String digits) {
        int dot = digits.indexOf('.');
        int whole = dot < 0 ? digits.length() : dot;
        if (whole <= 3) {
            return digits;
        }
        StringBuilder b = new StringBuilder(digits.length() + whole / 3);
        for (int i = 0; i < whole; i++) {
            if (i > 0 && (whole - i) % 3 == 0) {
                b.append(',');
            }
            b.append(digits.charAt(i));
        }
        return b.append(digits, whole, digits.length()).toString();
    }

    /**
     * A price in USD per 1M tokens as money: at least cents, more digits only when the price has them ("$0.50",
     * "$0.075", "$15.00"); "no price" when unknown.
     */
    public static String usdPerMTok(BigDecimal price) {
        if (price == null) {
            return "no price";
        }
        BigDecimal p = price.stripTrailingZeros();
        return "$" + p.setScale(Math.max(2, p.scale())).toPlainString();
    }

    /**
     * The figures of a finished run that the metric strip leaves out, those it has: the wait before the engine
     * began (queue), the model's load, cached input and reasoning tokens, prefill speed, the model's peak memory —
     * e.g. "load 1.5 s · queue 808 ms · prefill 392.0 tok/s · peak memory (engine process) 652 MB" (the process's peak RSS:
     * a local worker holding two models counts both); "" when it has none.
     */
    public static String otherFigures(RunMetrics m) {
        List<String> parts = new ArrayList<>();
        if (m.loadMs() != null && m.loadMs() > 0) {
            parts.add("load " + together(elapsed(m.loadMs())));
        }
        if (m.queueMs() != null && m.queueMs() >= 50) { // (under that: bookkeeping, not a wait)
            parts.add("queue " + together(elapsed(m.queueMs())));
        }
        if (m.cachedInputTokens() != null && m.cachedInputTokens() > 0) {
            parts.add("cached input " + tokens(m.cachedInputTokens(), false));
        }
        if (m.reasoningTokens() != null && m.reasoningTokens() > 0) {
            parts.add("reasoning " + tokens(m.reasoningTokens(), false));
        }
        if (m.prefillTps() != null) {
            parts.add("prefill " + together(tps(m.prefillTps())));
        }
        if (m.peakMemoryBytes() != null && m.peakMemoryBytes() > 0) {
            parts.add("peak memory (engine process) " + together(String.format(Locale.ROOT, "%,.0f MB", m.peakMemoryBytes() / 1e6)));
        }
        return String.join(" · ", parts);
    }

    /**
     * What a run's outcome ({@code Run.outcomeJson}) tells beyond the figures, in a few words; "" when nothing:
     * the intent model's match and its runners-up that show a score ("intent lights_off 0.82 · then lights_on
     * 0.41"), an answer cut by the max-tokens limit or a full context, a content filter, and the model a provider
     * actually served when it is not the one asked for ({@code requestedModel}, e.g. a dated snapshot behind an alias).
     */
    public static String outcome(String outcomeJson, String requestedModel) {
        JsonNode o = RunOutcome.tree(outcomeJson);
        List<String> parts = new ArrayList<>();
        if (o.hasNonNull("intent")) {
            String best = o.path("intent").asText() + " " + score(o);
            parts.add(o.path("confident").asBoolean(true) ? "intent " + best : "no intent matched (closest " + best + ")");
            List<String> next = new ArrayList<>();
            for (JsonNode t : o.path("top3")) {
                if (!t.path("intent").asText().equals(o.path("intent").asText()) && t.path("confidence").asDouble() >= 0.005) {
                    next.add(t.path("intent").asText() + " " + score(t));
                }
            }
            if (!next.isEmpty()) {
                parts.add("then " + String.join(", ", next));
            }
        }
        switch (o.path("finishReason").asText("")) {
            case "length", "max_tokens" -> parts.add("cut at the max-tokens limit");
            case "context_full" -> parts.add("cut: the context window is full");
            case "content_filter" -> parts.add("stopped by the provider's content filter");
            default -> { }
        }
        String served = o.path("servedModel").asText("");
        if (!served.isEmpty() && requestedModel != null && !served.equals(requestedModel)) {
            parts.add("served by " + served);
        }
        return String.join(" · ", parts);
    }

    private static String score(JsonNode intent) {
        return String.format(Locale.ROOT, "%.2f", intent.path("confidence").asDouble());
    }

    /** The line under a run's metric strip: how it ended ({@link #outcome}), then the figures the strip leaves out. */
    public static String notes(Run run, String requestedModel) {
        String outcome = outcome(run.outcomeJson(), requestedModel);
        String figures = otherFigures(run.metrics());
        return outcome.isEmpty() ? figures : figures.isEmpty() ? outcome : outcome + " · " + figures;
    }

    /** A figure and its unit that a wrapping label must not split ("1.6 s" with a no-break space). */
    private static String together(String figure) {
        return figure.replace(' ', '\u00a0');
    }

    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }
}
