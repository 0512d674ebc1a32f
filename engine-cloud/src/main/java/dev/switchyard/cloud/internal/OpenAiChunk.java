package dev.switchyard.cloud.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchyard.cloud.CloudException;
import java.io.IOException;

/**
 * What one OpenAI Chat Completions chunk (or a whole non-streamed response) says: the model name, the first choice's
 * reasoning, content, refusal and finish reason, and the usage and error objects when present. A string field that
 * is absent, JSON null or not a string is null.
 *
 * <p>A streamed chunk is read with Jackson's streaming parser ({@link #parse}) rather than as a tree: a stream brings
 * one chunk per token, and the tree (a map per object, a node per value) was a quarter of what a window streaming six
 * answers allocates (engine-cloud decision D8). Only the rare parts, usage and error, become trees. {@link #of}
 * reads the same from a tree (non-streamed responses); both give equal records for the same text.
 */
record OpenAiChunk(String model, String reasoning, String content, String refusal, String finishReason,
        JsonNode usage, boolean hasError) {

    /** Reads a streamed chunk's text; its delta is the first choice's {@code delta}. */
    static OpenAiChunk parse(String data) throws CloudException {
        try (JsonParser p = Json.MAPPER.createParser(data)) {
            JsonToken root = p.nextToken();
            if (root == null) {
                throw new CloudException(CloudException.Kind.MALFORMED_RESPONSE, "empty JSON");
            }
            Builder b = new Builder();
            if (root == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    switch (field) {
                        case "model" -> b.model = Json.string(p, value);
                        case "error" -> {
                            b.hasError = value != JsonToken.VALUE_NULL;
                            p.skipChildren();
                        }
                        case "usage" -> b.usage = value == JsonToken.START_OBJECT ? p.readValueAsTree() : skip(p);
                        case "choices" -> readChoices(p, value, b);
                        default -> p.skipChildren();
                    }
                }
            } else {
                p.skipChildren(); // not an object: nothing to read, but it must be whole JSON
            }
            return b.build();
        } catch (IOException e) {
            throw Json.invalid(data);
        }
    }

    /** Reads a parsed chunk or response; {@code deltaField} names the first choice's object to read. */
    static OpenAiChunk of(JsonNode root, String deltaField) {
        Builder b = new Builder();
        b.model = Json.text(root, "model");
        JsonNode err = root.get("error");
        b.hasError = err != null && !err.isNull();
        b.usage = Json.object(root, "usage");
        JsonNode choices = root.get("choices");
        if (choices != null && choices.isArray() && !choices.isEmpty()) {
            JsonNode choice = choices.get(0);
            JsonNode delta = Json.object(choice, deltaField);
            if (delta != null) {
                b.reasoningContent = Json.text(delta, "reasoning_content");
                b.reasoning = Json.text(delta, "reasoning");
                b.content = Json.text(delta, "content");
                b.refusal = Json.text(delta, "refusal");
            }
            b.finishReason = Json.text(choice, "finish_reason");
        }
        return b.build();
    }

    private static void readChoices(JsonParser p, JsonToken value, Builder b) throws IOException {
        b.clearDelta(); // as a tree: a later "choices" replaces an earlier one
        b.finishReason = null;
        if (value != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        JsonToken first = p.nextToken();
        if (first == JsonToken.END_ARRAY) {
            return;
        }
        if (first == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if ("delta".equals(field)) {
                    readDelta(p, v, b);
                } else if ("finish_reason".equals(field)) {
                    b.finishReason = Json.string(p, v);
                } else {
                    p.skipChildren();
                }
            }
        } else {
            p.skipChildren();
        }
        while (p.nextToken() != JsonToken.END_ARRAY) { // only the first choice is read
            p.skipChildren();
        }
    }

    private static void readDelta(JsonParser p, JsonToken value, Builder b) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            b.clearDelta(); // as a tree: a later non-object "delta" replaces an earlier one
            return;
        }
        b.clearDelta();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "content" -> b.content = Json.string(p, v);
                case "reasoning_content" -> b.reasoningContent = Json.string(p, v);
                case "reasoning" -> b.reasoning = Json.string(p, v);
                case "refusal" -> b.refusal = Json.string(p, v);
                default -> p.skipChildren();
            }
        }
    }

    private static JsonNode skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    private static final class Builder {
        String model;
        String reasoningContent;
        String reasoning;
        String content;
        String refusal;
        String finishReason;
        JsonNode usage;
        boolean hasError;

        void clearDelta() {
            reasoningContent = null;
            reasoning = null;
            content = null;
            refusal = null;
        }

        OpenAiChunk build() {
            return new OpenAiChunk(model, reasoningContent != null ? reasoningContent : reasoning, content, refusal,
                    finishReason, usage, hasError);
        }
    }
}
