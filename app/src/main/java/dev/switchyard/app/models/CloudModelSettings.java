package dev.switchyard.app.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.cloud.ModelCapabilities;
import dev.switchyard.cloud.Timeouts;
import dev.switchyard.workspace.model.Capabilities;
import dev.switchyard.workspace.model.Model;
import java.time.Duration;

/**
 * The cloud-specific part of a model row: the workspace keeps the four common capability flags in
 * columns, and the rest (tokenizer, {@code max_completion_tokens}, context window, timeouts) in the
 * row's settings JSON: {@code {"tokenizer": "o200k_base", "maxCompletionTokens": true,
 * "timeouts": {"connectMs": …, "firstTokenMs": …, "idleMs": …, "totalMs": …}}}.
 */
public final class CloudModelSettings {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudModelSettings() {
    }

    public static Capabilities columns(ModelCapabilities c) {
        return new Capabilities(c.streaming(), c.supportsSystemPrompt(), c.supportsTemperature(), c.reasoning());
    }

    public static String settingsJson(ModelCapabilities c, Timeouts t) {
        ObjectNode node = JSON.createObjectNode();
        node.put("tokenizer", c.tokenizerEncoding());
        node.put("maxCompletionTokens", c.usesMaxCompletionTokens());
        putTimeouts(node, t);
        return node.toString();
    }

    /** {@code json} (a row's settings) with its timeouts replaced by {@code t}; every other field kept as it is. */
    public static String withTimeouts(String json, Timeouts t) {
        JsonNode read = read(json);
        ObjectNode node = read instanceof ObjectNode o ? o : JSON.createObjectNode();
        putTimeouts(node, t);
        return node.toString();
    }

    private static void putTimeouts(ObjectNode node, Timeouts t) {
        ObjectNode to = node.putObject("timeouts");
        to.put("connectMs", t.connect().toMillis());
        to.put("firstTokenMs", t.firstToken().toMillis());
        to.put("idleMs", t.idleGap().toMillis());
        to.put("totalMs", t.total().toMillis());
    }

    public static ModelCapabilities capabilities(Model m) {
        JsonNode s = read(m.settingsJson());
        Capabilities c = m.capabilities();
        return new ModelCapabilities(c.streaming(), c.systemPrompt(), c.temperature(), c.reasoning(),
                s.path("maxCompletionTokens").asBoolean(false),
                s.path("tokenizer").asText(ModelCapabilities.AUTO),
                m.contextWindow() == null ? 0 : m.contextWindow());
    }

    /**
     * The row's timeouts; a limit the row does not store (or stores as zero or less) is taken from {@code d}. Only for
     * {@link ModelDirectory#timeouts}, the one reading of a model's limits (its defaults come from the catalog): runs,
     * the compare pane's advice, Models → Time limits and {@code models list} all use that.
     */
    static Timeouts timeouts(Model m, Timeouts d) {
        JsonNode t = read(m.settingsJson()).path("timeouts");
        return new Timeouts(ms(t, "connectMs", d.connect()), ms(t, "firstTokenMs", d.firstToken()),
                ms(t, "idleMs", d.idleGap()), ms(t, "totalMs", d.total()));
    }

    private static Duration ms(JsonNode node, String field, Duration fallback) {
        JsonNode v = node.path(field);
        return v.canConvertToLong() && v.asLong() > 0 ? Duration.ofMillis(v.asLong()) : fallback;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json == null ? "{}" : json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }
}
