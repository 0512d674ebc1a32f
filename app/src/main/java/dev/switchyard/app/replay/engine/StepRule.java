package dev.switchyard.app.replay.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.workspace.model.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * When a step's answer is kept (else the route moves to the next step). {@code always}: kept whatever happened
 * (a plain route, the last step). Otherwise the run must have COMPLETED and every limit given must hold: TTFT
 * and total time (a fallback's ttft_over_ms / timeout_ms), and a cascade's accept_if (answer matches the regex,
 * at most N output tokens, confidence at least c — {@code confidence} is the local intent model's confidence
 * for this prompt, measured when the plan was made). Stored as JSON so a sweep can follow plans later.
 */
public record StepRule(boolean always, Double ttftMaxMs, Double totalMaxMs, String regex, Integer maxTokens,
                       Double minConfidence, Double confidence) {

    public static final StepRule ALWAYS = new StepRule(true, null, null, null, null, null, null);
    public static final StepRule COMPLETED = new StepRule(false, null, null, null, null, null, null);

    public static StepRule completedWithin(Double ttftMaxMs, Double totalMaxMs) {
        return new StepRule(false, ttftMaxMs, totalMaxMs, null, null, null, null);
    }

    public static StepRule regex(String pattern) {
        return new StepRule(false, null, null, pattern, null, null, null);
    }

    public static StepRule accept(String regex, Integer maxTokens, Double minConfidence, Double confidence) {
        return new StepRule(false, null, null, regex, maxTokens, minConfidence, confidence);
    }

    /** Whether the answer in {@code cell} is kept. */
    public boolean accepts(Cell cell) {
        if (always) {
            return true;
        }
        if (cell.status() != RunStatus.COMPLETED) {
            return false;
        }
        if (ttftMaxMs != null && (cell.ttftMs() == null || cell.ttftMs() > ttftMaxMs)) {
            return false;
        }
        if (totalMaxMs != null && (cell.latencyMs() == null || cell.latencyMs() > totalMaxMs)) {
            return false;
        }
        if (regex != null && !Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(cell.answer()).find()) {
            return false;
        }
        if (maxTokens != null && (cell.outputTokens() == null || cell.outputTokens() > maxTokens)) {
            return false;
        }
        Double conf = confidence != null ? confidence : cell.confidence();
        return minConfidence == null || (conf != null && conf >= minConfidence);
    }

    public String describe() {
        if (always) {
            return "always kept";
        }
        List<String> parts = new ArrayList<>();
        parts.add("it completes");
        if (ttftMaxMs != null) {
            parts.add("TTFT ≤ " + ttftMaxMs.longValue() + " ms");
        }
        if (totalMaxMs != null) {
            parts.add("total ≤ " + totalMaxMs.longValue() + " ms");
        }
        if (regex != null) {
            parts.add("the answer matches /" + regex + "/");
        }
        if (maxTokens != null) {
            parts.add("at most " + maxTokens + " output tokens");
        }
        if (minConfidence != null) {
            parts.add("confidence " + (confidence == null ? "?" : String.format(Locale.ROOT, "%.2f", confidence))
                    + " ≥ " + minConfidence);
        }
        return "kept when " + String.join(", ", parts);
    }

    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode().put("always", always);
        putIf(n, "ttftMaxMs", ttftMaxMs);
        putIf(n, "totalMaxMs", totalMaxMs);
        if (regex != null) {
            n.put("regex", regex);
        }
        if (maxTokens != null) {
            n.put("maxTokens", maxTokens);
        }
        putIf(n, "minConfidence", minConfidence);
        putIf(n, "confidence", confidence);
        return n;
    }

    private static void putIf(ObjectNode n, String k, Double v) {
        if (v != null) {
            n.put(k, v);
        }
    }

    public static StepRule fromJson(JsonNode n) {
        return new StepRule(n.path("always").asBoolean(true), dbl(n, "ttftMaxMs"), dbl(n, "totalMaxMs"),
                n.hasNonNull("regex") ? n.get("regex").asText() : null,
                n.hasNonNull("maxTokens") ? n.get("maxTokens").asInt() : null, dbl(n, "minConfidence"),
                dbl(n, "confidence"));
    }

    private static Double dbl(JsonNode n, String k) {
        return n.hasNonNull(k) ? n.get(k).asDouble() : null;
    }
}
