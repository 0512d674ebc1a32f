package dev.switchyard.cloud.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchyard.cloud.CloudException;
import java.io.IOException;

/** The module's one Jackson mapper and small null-safe readers. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static JsonNode parse(String text) throws CloudException {
        try {
            JsonNode n = MAPPER.readTree(text);
            if (n == null || n.isMissingNode()) {
                throw new CloudException(CloudException.Kind.MALFORMED_RESPONSE, "empty JSON");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw invalid(text);
        }
    }

    /** The error for a response text that is not JSON: names its start, any key in it masked. */
    static CloudException invalid(String text) {
        String sample = text.length() > 60 ? text.substring(0, 60) + "…" : text;
        return new CloudException(CloudException.Kind.MALFORMED_RESPONSE, null, null,
                "invalid JSON: " + Redactor.redact(sample, null), null, null);
    }

    /**
     * For streaming reads: the current value's text when it is a string, else null (a container's children are
     * skipped), as {@link #text} reads a tree.
     */
    static String string(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    /** Text of a string field, or null (also for JSON null and non-strings). */
    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    /** An integer field, or null. */
    public static Integer integer(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isNumber() ? v.asInt() : null;
    }

    /** An object field, or null. */
    public static JsonNode object(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isObject() ? v : null;
    }
}
