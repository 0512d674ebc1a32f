package dev.switchyard.app.models;

import dev.switchyard.cloud.Timeouts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cloud model's four time limits as a user reads, types and checks them: "90 s", "5 min", "500 ms" (a bare number is
 * seconds), each within sensible bounds, and in an order that makes sense (connecting is part of waiting for the first
 * token, which is part of the whole run). The Models screen and {@code switchyard models set-timeouts} both use it.
 */
public final class TimeLimits {

    /** One of the four limits, with its name on the screen, its command-line option and its bounds. */
    public enum Limit {
        CONNECT("Connect", "--connect", Duration.ofSeconds(1), Duration.ofMinutes(5),
                Timeouts::connect, Timeouts::withConnect),
        FIRST_TOKEN("First token", "--first-token", Duration.ofSeconds(1), Duration.ofHours(1),
                Timeouts::firstToken, Timeouts::withFirstToken),
        IDLE_GAP("Idle gap", "--idle", Duration.ofSeconds(1), Duration.ofHours(1),
                Timeouts::idleGap, Timeouts::withIdleGap),
        TOTAL("Total", "--total", Duration.ofSeconds(1), Duration.ofHours(6),
                Timeouts::total, Timeouts::withTotal);

        private final String label;
        private final String option;
        private final Duration min;
        private final Duration max;
        private final Function<Timeouts, Duration> get;
        private final BiFunction<Timeouts, Duration, Timeouts> with;

        Limit(String label, String option, Duration min, Duration max, Function<Timeouts, Duration> get,
              BiFunction<Timeouts, Duration, Timeouts> with) {
            this.label = label;
            this.option = option;
            this.min = min;
            this.max = max;
            this.get = get;
            this.with = with;
        }

        /** "First token". */
        public String label() { return label; }

        /** "--first-token". */
        public String option() { return option; }

        public Duration min() { return min; }

        public Duration max() { return max; }

        public Duration of(Timeouts t) { return get.apply(t); }

        public Timeouts with(Timeouts t, Duration d) { return with.apply(t, d); }
    }

    /** Something to fix, and the limits it is about (two for an order problem). */
    public record Problem(String sentence, Set<Limit> limits) {
    }

    private static final Pattern TIME = Pattern.compile("(\\d+(?:[.,]\\d+)?|[.,]\\d+)\\s*([a-zA-Z]*)");

    private TimeLimits() {
    }

    /**
     * A time as typed: "90", "90 s", "90s", "1.5 min", "2m", "500 ms", "1 h"; a bare number is seconds. Throws
     * {@link IllegalArgumentException} with a sentence naming {@code limit} when it is not a time.
     */
    public static Duration parse(String text, Limit limit) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("Enter a time for " + limit.label().toLowerCase(Locale.ROOT)
                    + ", e.g. 90 s or 5 min.");
        }
        Matcher m = TIME.matcher(t);
        Long unitMs = m.matches() ? unitMillis(m.group(2).toLowerCase(Locale.ROOT)) : null;
        if (unitMs == null) {
            throw new IllegalArgumentException("'" + t + "' is not a time (" + limit.label().toLowerCase(Locale.ROOT)
                    + "); write it like 90 s, 5 min or 500 ms.");
        }
        BigDecimal ms = new BigDecimal(m.group(1).replace(',', '.')).multiply(BigDecimal.valueOf(unitMs))
                .setScale(0, RoundingMode.HALF_UP);
        if (ms.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0) {
            return Duration.ofMillis(Long.MAX_VALUE / 2); // out of bounds anyway: said by check()
        }
        return Duration.ofMillis(ms.longValueExact());
    }

    private static Long unitMillis(String unit) {
        return switch (unit) {
            case "", "s", "sec", "secs", "second", "seconds" -> 1_000L;
            case "ms", "millis", "msec" -> 1L;
            case "m", "min", "mins", "minute", "minutes" -> 60_000L;
            case "h", "hr", "hrs", "hour", "hours" -> 3_600_000L;
            default -> null;
        };
    }

    /** "500 ms", "1.5 s", "10 s", "60 s", "5 min", "90 min", "1 h": the largest unit that keeps it a whole number. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms >= 3_600_000 && ms % 3_600_000 == 0) {
            return ms / 3_600_000 + " h";
        }
        if (ms >= 120_000 && ms % 60_000 == 0) {
            return ms / 60_000 + " min";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + " s";
        }
        if (ms > 1000) {
            return BigDecimal.valueOf(ms).movePointLeft(3).stripTrailingZeros().toPlainString() + " s";
        }
        return ms + " ms";
    }

    /** "connect 10 s · first token 60 s · idle gap 30 s · total 10 min". */
    public static String describe(Timeouts t) {
        List<String> parts = new ArrayList<>();
        for (Limit l : Limit.values()) {
            parts.add(l.label().toLowerCase(Locale.ROOT) + " " + format(l.of(t)));
        }
        return String.join(" · ", parts);
    }

    /** "Total must be between 1 s and 6 h." when {@code d} is out of {@code limit}'s bounds, else null. */
    public static String outOfBounds(Limit limit, Duration d) {
        if (d.compareTo(limit.min()) < 0 || d.compareTo(limit.max()) > 0) {
            return limit.label() + " must be between " + format(limit.min()) + " and " + format(limit.max())
                    + " (it is " + format(d) + ").";
        }
        return null;
    }

    /** Every bound and order problem of these limits, the first to fix first; empty when they can be saved. */
    public static List<Problem> check(Timeouts t) {
        List<Problem> out = new ArrayList<>();
        for (Limit l : Limit.values()) {
            String p = outOfBounds(l, l.of(t));
            if (p != null) {
                out.add(new Problem(p, EnumSet.of(l)));
            }
        }
        order(out, t, Limit.CONNECT, Limit.FIRST_TOKEN, "the first-token limit counts from the request, connecting included");
        order(out, t, Limit.FIRST_TOKEN, Limit.TOTAL, "the total limit covers the whole run");
        order(out, t, Limit.IDLE_GAP, Limit.TOTAL, "the total limit covers the whole run");
        return out;
    }

    private static void order(List<Problem> out, Timeouts t, Limit shorter, Limit longer, String why) {
        if (shorter.of(t).compareTo(longer.of(t)) > 0) {
            out.add(new Problem(shorter.label() + " (" + format(shorter.of(t)) + ") cannot be longer than "
                    + longer.label().toLowerCase(Locale.ROOT) + " (" + format(longer.of(t)) + "): " + why + ".",
                    EnumSet.of(shorter, longer)));
        }
    }
}
