package dev.switchyard.app.replay.grade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which grader an item asks for and its options, read from the item's tags: {@code grader:<kind>} picks the
 * grader, {@code tolerance:<x>} or {@code tolerance:<x>%} sets the numeric tolerance, {@code threshold:<x>}
 * the embedding similarity threshold, {@code category:<name>} the category. Without a {@code grader:} tag an
 * item with a reference is graded with {@code contains}; without a reference it is not graded.
 */
public record GraderSpec(GraderKind kind, Double tolerance, boolean relativeTolerance, Double threshold,
                         String category) {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final double DEFAULT_TOLERANCE = 1e-6;
    public static final double DEFAULT_THRESHOLD = 0.75;

    public static GraderSpec fromTags(String tagsJson, String reference) {
        List<String> tags = tags(tagsJson);
        GraderKind kind = null;
        Double tol = null;
        boolean rel = false;
        Double thr = null;
        String category = null;
        for (String t : tags) {
            int colon = t.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = t.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = t.substring(colon + 1).trim();
            switch (key) {
                case "grader" -> kind = GraderKind.parse(value).orElseThrow(
                        () -> new IllegalArgumentException("unknown grader \"" + value + "\""));
                case "tolerance" -> {
                    rel = value.endsWith("%");
                    tol = Double.parseDouble(rel ? value.substring(0, value.length() - 1) : value);
                }
                case "threshold" -> thr = Double.parseDouble(value);
                case "category" -> category = value;
                default -> {
                }
            }
        }
        if (kind == null) {
            kind = reference == null || reference.isBlank() ? GraderKind.NONE : GraderKind.CONTAINS;
        }
        return new GraderSpec(kind, tol, rel, thr, category);
    }

    public GraderSpec withKind(GraderKind k) {
        return new GraderSpec(k, tolerance, relativeTolerance, threshold, category);
    }

    public double toleranceOr() {
        return tolerance == null ? DEFAULT_TOLERANCE : tolerance;
    }

    public double thresholdOr(double fallback) {
        return threshold == null ? fallback : threshold;
    }

    public Optional<String> categoryOpt() {
        return Optional.ofNullable(category);
    }

    /** The tags of an item as strings (a malformed tag list is read as empty). */
    public static List<String> tags(String tagsJson) {
        List<String> out = new ArrayList<>();
        try {
            JsonNode n = JSON.readTree(tagsJson == null ? "[]" : tagsJson);
            n.forEach(t -> out.add(t.asText()));
        } catch (Exception e) {
            return List.of();
        }
        return out;
    }
}
