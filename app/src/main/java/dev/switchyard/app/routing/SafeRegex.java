package dev.switchyard.app.routing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regular expressions on untrusted text with bounded cost: the input is cut to {@link #MAX_INPUT}
 * characters and matching stops with {@link RoutingException.Kind#REGEX_TIMEOUT} once the deadline passes
 * (checked on every character the matcher reads, so catastrophic backtracking cannot run away).
 */
public final class SafeRegex {

    /** Longest input examined. */
    public static final int MAX_INPUT = 20_000;
    /** Default time limit per match. */
    public static final long DEFAULT_LIMIT_NANOS = 50_000_000L;

    private SafeRegex() {
    }

    /** True when {@code pattern} is found in (the first {@link #MAX_INPUT} chars of) {@code text}. */
    public static boolean find(Pattern pattern, String text, long limitNanos) {
        String bounded = text.length() > MAX_INPUT ? text.substring(0, MAX_INPUT) : text;
        Matcher m = pattern.matcher(new Guarded(bounded, System.nanoTime() + limitNanos));
        return m.find();
    }

    /** A char sequence that throws once its deadline passed. */
    private static final class Guarded implements CharSequence {
        private final String text;
        private final long deadline;
        private int reads;

        Guarded(String text, long deadline) {
            this.text = text;
            this.deadline = deadline;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0x3FF) == 0 && System.nanoTime() > deadline) {
                throw new RoutingException(RoutingException.Kind.REGEX_TIMEOUT,
                        "The regular expression took too long on this prompt; simplify it (avoid nested repetition).");
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
