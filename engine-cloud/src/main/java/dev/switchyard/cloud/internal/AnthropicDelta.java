package dev.switchyard.cloud.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * The delta of an Anthropic {@code content_block_delta} event: its type ({@code text_delta}, {@code thinking_delta},
 * …) and its text or thinking; null where absent or not a string. A stream brings one such event per token, so
 * {@link #parse} reads it with Jackson's streaming parser, as {@link OpenAiChunk} does (engine-cloud decision D8);
 * {@link #of} reads the same from a tree.
 */
record AnthropicDelta(String type, String text, String thinking) {

    private static final AnthropicDelta NONE = new AnthropicDelta(null, null, null);

    static AnthropicDelta parse(String data) {
        try (JsonParser p = Json.MAPPER.createParser(data)) {
            AnthropicDelta delta = NONE;
            if (p.nextToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    boolean isDelta = "delta".equals(p.currentName());
                    JsonToken value = p.nextToken();
                    if (isDelta) {
                        delta = value == JsonToken.START_OBJECT ? readDelta(p) : skip(p); // the last one counts
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren(); // not an object: nothing to read, but it must be whole JSON
            }
            return delta;
        } catch (IOException e) {
            throw Json.invalid(data);
        }
    }

    static AnthropicDelta of(JsonNode event) {
        JsonNode delta = Json.object(event, "delta");
        return delta == null ? NONE
                : new AnthropicDelta(Json.text(delta, "type"), Json.text(delta, "text"), Json.text(delta, "thinking"));
    }

    private static AnthropicDelta readDelta(JsonParser p) throws IOException {
        String type = null;
        String text = null;
        String thinking = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "type" -> type = Json.string(p, value);
                case "text" -> text = Json.string(p, value);
                case "thinking" -> thinking = Json.string(p, value);
                default -> p.skipChildren();
            }
        }
        return new AnthropicDelta(type, text, thinking);
    }

    private static AnthropicDelta skip(JsonParser p) throws IOException {
        p.skipChildren();
        return NONE;
    }
}
