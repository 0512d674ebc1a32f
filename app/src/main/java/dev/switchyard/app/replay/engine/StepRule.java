package dev.switchyard.app.replay.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.workspace.model.RunStatus;
import java.util.regex.Pattern;

/**
 * When a step's answer is kept (else the route moves to the next step): always (a plain route or the last
 * step), a completed run within a TTFT/total budget (fallback), or a cascade's accept test (answer matches a
 * regex, at most N output tokens, confidence at least c). Stored as JSON so a sweep can replay plans later.
 *
 * @param kind    always | completed | regex | max_tokens | min_confidence
 * @param number  the limit (ms for completed's TTFT, tokens, confidence); null when unused
 * @param number2 completed's total-time limit in ms, null when unused
 * @param pattern the regex for kind regex
 */
public record StepRule(String kind, Double number, Double number2, String pattern) {

    public static final StepRule ALWAYS = new StepRule("always", null, null, null);

    public static StepRule completed(Double ttftMaxMs, Double totalMaxMs) {
        return new StepRule("completed", ttftMaxMs, totalMaxMs, null);
    }

    public static StepRule regex(String pattern) {
        return new StepRule("regex", null, null, pattern);
    }

    public static StepRule maxTokens(int n) {
        return new StepRule("max_tokens", (double) n, null, null);
    }

    public static StepRule minConfidence(double c) {
        return new StepRule("min_confidence", c, null, null);
    }

    /** Whether the answer in {@code cell} is kept. A missing or failed run is never kept unless the rule is always. */
    public boolean accepts(Cell cell) {
        if (kind.equals("always")) {
            return true;
        }
        if (cell.status() != RunStatus.COMPLETED) {
            return false;
        }
        return switch (kind) {
            case "completed" -> (number == null || (cell.ttftMs() != null && cell.ttftMs() <= number))
                    && (number2 == null || (cell.latencyMs() != null && cell.latencyMs() <= number2));
            case "regex" -> Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(cell.answer()).find();
            case "max_tokens" -> cell.outputTokens() != null && cell.outputTokens() <= number;
            case "min_confidence" -> cell.confidence() != null && cell.confidence() >= number;
            default -> false;
        };
    }

    public String describe() {
        return switch (kind) {
            case "always" -> "always kept";
            case "completed" -> "kept when it completes" + (number == null ? "" : ", TTFT ≤ " + number.longValue() + " ms")
                    + (number2 == null ? "" : ", total ≤ " + number2.longValue() + " ms");
            case "regex" -> "kept when the answer matches /" + pattern + "/";
            case "max_tokens" -> "kept when at most " + number.intValue() + " output tokens";
            case "min_confidence" -> "kept when confidence ≥ " + number;
            default -> kind;
        };
    }

    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode().put("kind", kind);
        if (number != null) {
            n.put("number", number);
        }
        if (number2 != null) {
            n.put("number2", number2);
        }
        if (pattern != null) {
            n.put("pattern", pattern);
        }
        return n;
    }

    public static StepRule fromJson(JsonNode n) {
        return new StepRule(n.path("kind").asText("always"), n.hasNonNull("number") ? n.get("number").asDouble() : null,
                n.hasNonNull("number2") ? n.get("number2").asDouble() : null,
                n.hasNonNull("pattern") ? n.get("pattern").asText() : null);
    }
}
