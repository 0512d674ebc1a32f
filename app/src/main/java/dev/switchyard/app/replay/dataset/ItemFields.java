package dev.switchyard.app.replay.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.app.replay.grade.GraderKind;
import dev.switchyard.workspace.model.DatasetItem;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The field mapping shared by CSV and JSONL (REPLAY.md): {@code prompt} (aliases input, question; required),
 * {@code system}, {@code variables} (a JSON object), {@code reference} (aliases reference_answer, expected,
 * answer; a JSON value that is not a string is stored as its JSON text, e.g. a schema), {@code tags} (a JSON
 * array, or a list separated by ';' or ','), {@code category} and {@code grader} (shorthands for the tags
 * category:x and grader:x). Any other CSV column becomes a variable; any other JSONL field is an error.
 */
final class ItemFields {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> PROMPT = Set.of("prompt", "input", "question");
    static final Set<String> REFERENCE = Set.of("reference", "reference_answer", "expected", "answer");

    private ItemFields() {
    }

    /** Builds an item from named values; throws IllegalArgumentException with a user sentence. */
    static DatasetItem item(Map<String, JsonNode> fields, boolean unknownAsVariables) {
        String prompt = null;
        String system = null;
        ObjectNode variables = JSON.createObjectNode();
        String reference = null;
        ArrayNode tags = JSON.createArrayNode();
        for (var e : fields.entrySet()) {
            String key = e.getKey().strip().toLowerCase(Locale.ROOT);
            JsonNode v = e.getValue();
            if (v == null || v.isNull() || (v.isTextual() && v.asText().isEmpty())) {
                continue;
            }
            if (PROMPT.contains(key)) {
                prompt = text(key, v);
            } else if (key.equals("system")) {
                system = text(key, v);
            } else if (REFERENCE.contains(key)) {
                reference = v.isTextual() ? v.asText() : v.toString();
            } else if (key.equals("variables")) {
                variables.setAll(object(v));
            } else if (key.equals("tags")) {
                addTags(tags, v);
            } else if (key.equals("category")) {
                tags.add("category:" + text(key, v).strip());
            } else if (key.equals("grader")) {
                String g = text(key, v).strip();
                GraderKind.parse(g).orElseThrow(() -> new IllegalArgumentException("unknown grader \"" + g
                        + "\" (exact, contains, regex, json, numeric, embedding, judge, votes, none)"));
                tags.add("grader:" + g.toLowerCase(Locale.ROOT));
            } else if (unknownAsVariables) {
                variables.set(e.getKey().strip(), v);
            } else {
                throw new IllegalArgumentException("unknown field \"" + e.getKey() + "\"");
            }
        }
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("the prompt is missing or empty");
        }
        return DatasetItem.of(prompt, system, variables.toString(), reference, tags.toString());
    }

    private static String text(String key, JsonNode v) {
        if (!v.isValueNode()) {
            throw new IllegalArgumentException("\"" + key + "\" must be text");
        }
        return v.asText();
    }

    private static ObjectNode object(JsonNode v) {
        JsonNode n = v;
        if (v.isTextual()) {
            try {
                n = JSON.readTree(v.asText());
            } catch (Exception e) {
                throw new IllegalArgumentException("\"variables\" is not valid JSON");
            }
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("\"variables\" must be a JSON object");
        }
        return (ObjectNode) n;
    }

    private static void addTags(ArrayNode tags, JsonNode v) {
        if (v.isArray()) {
            v.forEach(t -> tags.add(t.asText()));
            return;
        }
        String s = v.asText().strip();
        if (s.startsWith("[")) {
            try {
                JSON.readTree(s).forEach(t -> tags.add(t.asText()));
                return;
            } catch (Exception e) {
                throw new IllegalArgumentException("\"tags\" is not a valid JSON array");
            }
        }
        for (String t : s.split(s.contains(";") ? ";" : ",")) {
            if (!t.isBlank()) {
                tags.add(t.strip());
            }
        }
    }
}
