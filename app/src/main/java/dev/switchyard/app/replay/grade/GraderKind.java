package dev.switchyard.app.replay.grade;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The graders a dataset item can name with a {@code grader:<code>} tag (table in REPLAY.md). */
public enum GraderKind {
    EXACT("exact"),
    CONTAINS("contains"),
    REGEX("regex"),
    JSON("json"),
    NUMERIC("numeric"),
    EMBEDDING("embedding"),
    JUDGE("judge"),
    VOTES("votes"),
    NONE("none");

    private final String code;

    GraderKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<GraderKind> parse(String code) {
        String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.code.equals(c)).findFirst();
    }
}
