package dev.switchyard.workspace.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.workspace.db.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Small typed accessors for export nodes: absent and null read as null; bad values fail with the field name. */
final class Nodes {

    private Nodes() {
    }

    static ObjectNode object() {
        return Json.MAPPER.createObjectNode();
    }

    /** Embeds a JSON column as a JSON value (null stays null). */
    static JsonNode embed(String json) {
        if (json == null) {
            return Json.MAPPER.nullNode();
        }
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return Json.MAPPER.getNodeFactory().textNode(json);
        }
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new IllegalArgumentException(field + " must be a text value");
        }
        return v.asText();
    }

    static String required(JsonNode n, String field) {
        String v = text(n, field);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return v;
    }

    /** A JSON column read back from its embedded value (null when absent). */
    static String json(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return Json.MAPPER.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(field + " cannot be written as JSON", e);
        }
    }

    static Long longOrNull(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToLong()) {
            throw new IllegalArgumentException(field + " must be a whole number");
        }
        return v.asLong();
    }

    static int intOr(JsonNode n, String field, int fallback) {
        Long v = longOrNull(n, field);
        return v == null ? fallback : Math.toIntExact(v);
    }

    static Double doubleOrNull(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number");
        }
        return v.asDouble();
    }

    static boolean bool(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.asBoolean(false);
    }

    static Instant instant(JsonNode n, String field) {
        String v = text(n, field);
        return v == null ? null : Instant.parse(v);
    }

    static String instant(Instant t) {
        return t == null ? null : t.toString();
    }

    static LocalDate date(JsonNode n, String field) {
        String v = text(n, field);
        return v == null ? null : LocalDate.parse(v);
    }

    static BigDecimal decimal(JsonNode n, String field) {
        String v = text(n, field);
        return v == null ? null : new BigDecimal(v);
    }

    static String decimal(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }

    static List<String> strings(JsonNode n, String field) {
        List<String> out = new ArrayList<>();
        JsonNode v = n.get(field);
        if (v != null && v.isArray()) {
            v.forEach(e -> out.add(e.asText()));
        }
        return out;
    }

    static Iterable<JsonNode> array(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isArray() ? v : List.of();
    }
}
