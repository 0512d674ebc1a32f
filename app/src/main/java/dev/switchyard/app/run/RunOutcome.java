package dev.switchyard.app.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.app.engine.EngineResult;

/**
 * How an engine ended a run, as stored in {@code Run.outcomeJson} (workspace-schema decision 13): one JSON object
 * with the finish reason and the engine's own facts (the intent matched, the model a gateway served…).
 */
public final class RunOutcome {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunOutcome() {
    }

    /** The finish reason and the engine's detail as one JSON object; null when the engine said neither. */
    public static String of(EngineResult result) {
        ObjectNode out = JSON.createObjectNode();
        if (result.finishReason() != null && !result.finishReason().isBlank()) {
            out.put("finishReason", result.finishReason());
        }
        JsonNode detail = tree(result.detail());
        if (detail instanceof ObjectNode o) {
            o.fields().forEachRemaining(f -> out.putIfAbsent(f.getKey(), f.getValue()));
        } else if (!detail.isNull()) {
            out.set("detail", detail);
        }
        return out.isEmpty() ? null : out.toString();
    }

    /** Whether the intent model matched no intent with confidence (its reply is the fallback, not an answer). */
    public static boolean noConfidentIntent(String outcomeJson) {
        JsonNode o = tree(outcomeJson);
        return o.hasNonNull("intent") && !o.path("confident").asBoolean(true);
    }

    /** A stored outcome as a tree: a JSON null node when there is none, a text node when it is not JSON. */
    public static JsonNode tree(String outcomeJson) {
        if (outcomeJson == null || outcomeJson.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return JSON.readTree(outcomeJson);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(outcomeJson);
        }
    }
}
