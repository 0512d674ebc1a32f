package dev.switchyard.app.replay.grade;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The graders that read only the answer text: exact, contains, regex and numeric tolerance. */
public final class TextGraders {

    private static final Pattern NUMBER = Pattern.compile("-?\\d[\\d,]*(?:\\.\\d+)?(?:[eE][-+]?\\d+)?|-?\\.\\d+");

    private TextGraders() {
    }

    /** Same text after trimming, Unicode normalisation, case folding and collapsing whitespace. */
    public static final Grader EXACT = new Simple(GraderKind.EXACT) {
        @Override
        Grade check(String answer, String reference, GraderSpec spec) {
            boolean ok = normalise(answer).equals(normalise(reference));
            return Grade.of(kind(), ok, ok ? "matches the reference" : "differs from the reference");
        }
    };

    /** The reference occurs in the answer, ignoring case and whitespace runs. */
    public static final Grader CONTAINS = new Simple(GraderKind.CONTAINS) {
        @Override
        Grade check(String answer, String reference, GraderSpec spec) {
            boolean ok = normalise(answer).contains(normalise(reference));
            return Grade.of(kind(), ok, ok ? "contains \"" + reference.strip() + "\"" : "does not contain \""
                    + reference.strip() + "\"");
        }
    };

    /** The reference is a Java regular expression found anywhere in the answer (use ^…$ to anchor). */
    public static final Grader REGEX = new Simple(GraderKind.REGEX) {
        @Override
        Grade check(String answer, String reference, GraderSpec spec) {
            try {
                boolean ok = Pattern.compile(reference, Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(answer).find();
                return Grade.of(kind(), ok, ok ? "matches /" + reference + "/" : "does not match /" + reference + "/");
            } catch (PatternSyntaxException e) {
                return Grade.ungraded(kind(), "the reference is not a valid regular expression: " + e.getDescription());
            }
        }
    };

    /**
     * The last number in the answer equals the reference number within the tolerance (absolute, or relative
     * with a {@code %} tolerance). Thousands separators are ignored.
     */
    public static final Grader NUMERIC = new Simple(GraderKind.NUMERIC) {
        @Override
        Grade check(String answer, String reference, GraderSpec spec) {
            Double expected = lastNumber(reference);
            if (expected == null) {
                return Grade.ungraded(kind(), "the reference holds no number");
            }
            Double got = lastNumber(answer);
            if (got == null) {
                return Grade.fail(kind(), "the answer holds no number");
            }
            double tol = spec.toleranceOr();
            double allowed = spec.relativeTolerance() ? Math.abs(expected) * tol / 100.0 : tol;
            boolean ok = Math.abs(got - expected) <= allowed + 1e-12;
            return Grade.of(kind(), ok, "answer " + fmt(got) + ", expected " + fmt(expected) + " ± " + fmt(allowed));
        }
    };

    static Double lastNumber(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = NUMBER.matcher(text);
        String last = null;
        while (m.find()) {
            last = m.group();
        }
        if (last == null) {
            return null;
        }
        try {
            return Double.parseDouble(last.replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    static String normalise(String s) {
        String n = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC);
        return n.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** Shared handling of a missing reference. */
    abstract static class Simple implements Grader {
        private final GraderKind kind;

        Simple(GraderKind kind) {
            this.kind = kind;
        }

        @Override
        public GraderKind kind() {
            return kind;
        }

        @Override
        public Grade grade(GradeInput in) {
            if (in.reference() == null || in.reference().isBlank()) {
                return Grade.ungraded(kind, "the item has no reference answer");
            }
            return check(in.answer(), in.reference(), in.spec());
        }

        abstract Grade check(String answer, String reference, GraderSpec spec);
    }
}
