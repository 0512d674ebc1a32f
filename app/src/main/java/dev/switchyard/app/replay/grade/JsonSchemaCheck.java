package dev.switchyard.app.replay.grade;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The subset of JSON Schema the dataset graders need: {@code type} (string or array of types: object, array,
 * string, number, integer, boolean, null), {@code required}, {@code properties}, {@code enum}, {@code items},
 * {@code minimum}/{@code maximum}, {@code minItems}/{@code maxItems}, {@code additionalProperties: false}.
 * Other keywords are ignored (stated in REPLAY.md). No library: the subset is ~100 lines and keeps the jar small.
 */
public final class JsonSchemaCheck {

    private JsonSchemaCheck() {
    }

    /** Problems found, each with its JSON path; empty when the value conforms. */
    public static List<String> validate(JsonNode schema, JsonNode value) {
        List<String> problems = new ArrayList<>();
        check(schema, value, "$", problems);
        return problems;
    }

    private static void check(JsonNode schema, JsonNode v, String path, List<String> out) {
        if (schema == null || !schema.isObject()) {
            return;
        }
        JsonNode type = schema.get("type");
        if (type != null && !typeMatches(type, v)) {
            out.add(path + ": expected " + type + ", found " + typeOf(v));
            return;
        }
        JsonNode en = schema.get("enum");
        if (en != null && en.isArray()) {
            boolean found = false;
            for (JsonNode e : en) {
                found |= equal(e, v);
            }
            if (!found) {
                out.add(path + ": " + v + " is not one of " + en);
            }
        }
        if (v.isNumber()) {
            if (schema.has("minimum") && v.asDouble() < schema.get("minimum").asDouble()) {
                out.add(path + ": " + v + " is below the minimum " + schema.get("minimum"));
            }
            if (schema.has("maximum") && v.asDouble() > schema.get("maximum").asDouble()) {
                out.add(path + ": " + v + " is above the maximum " + schema.get("maximum"));
            }
        }
        if (v.isObject()) {
            JsonNode req = schema.get("required");
            if (req != null) {
                req.forEach(r -> {
                    if (!v.has(r.asText())) {
                        out.add(path + ": missing required property \"" + r.asText() + "\"");
                    }
                });
            }
            JsonNode props = schema.get("properties");
            if (props != null) {
                props.fields().forEachRemaining(p -> {
                    if (v.has(p.getKey())) {
                        check(p.getValue(), v.get(p.getKey()), path + "." + p.getKey(), out);
                    }
                });
            }
            JsonNode extra = schema.get("additionalProperties");
            if (extra != null && extra.isBoolean() && !extra.asBoolean()) {
                v.fieldNames().forEachRemaining(f -> {
                    if (props == null || !props.has(f)) {
                        out.add(path + ": unexpected property \"" + f + "\"");
                    }
                });
            }
        }
        if (v.isArray()) {
            if (schema.has("minItems") && v.size() < schema.get("minItems").asInt()) {
                out.add(path + ": fewer than " + schema.get("minItems") + " items");
            }
            if (schema.has("maxItems") && v.size() > schema.get("maxItems").asInt()) {
                out.add(path + ": more than " + schema.get("maxItems") + " items");
            }
            JsonNode items = schema.get("items");
            for (int i = 0; i < v.size(); i++) {
                check(items, v.get(i), path + "[" + i + "]", out);
            }
        }
    }

    private static boolean equal(JsonNode a, JsonNode b) {
        return a.isNumber() && b.isNumber() ? a.asDouble() == b.asDouble() : a.equals(b);
    }

    private static boolean typeMatches(JsonNode type, JsonNode v) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(t, v)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "number" -> v.isNumber();
            case "integer" -> v.isIntegralNumber() || (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()));
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            default -> true;
        };
    }

    private static String typeOf(JsonNode v) {
        return v.isObject() ? "object" : v.isArray() ? "array" : v.isTextual() ? "string" : v.isNumber() ? "number"
                : v.isBoolean() ? "boolean" : "null";
    }
}
