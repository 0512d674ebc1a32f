package dev.switchyard.workspace.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchyard.workspace.WorkspaceException.Kind;
import java.nio.file.Path;
import java.util.List;

/** The JSON columns: validated on the way in, and the two list columns (intent examples) converted. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private Json() {
    }

    /** Throws INVALID_INPUT naming {@code field} unless {@code text} is null or well-formed JSON. */
    public static void require(Path file, String field, String text) {
        if (text == null) {
            return;
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw Errors.of(Kind.INVALID_INPUT, file, field + " is empty, expected JSON");
            }
        } catch (JsonProcessingException e) {
            throw Errors.of(Kind.INVALID_INPUT, file, field + " is not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    public static String strings(List<String> values) {
        try {
            return MAPPER.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> strings(Path file, String json) {
        try {
            return json == null ? List.of() : MAPPER.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw Errors.of(Kind.CORRUPT, file, "a stored list is not valid JSON", e);
        }
    }
}
