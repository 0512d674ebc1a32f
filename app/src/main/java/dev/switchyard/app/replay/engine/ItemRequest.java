package dev.switchyard.app.replay.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchyard.app.engine.EngineRequest;
import dev.switchyard.app.engine.GenerationParams;
import dev.switchyard.workspace.model.DatasetItem;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The request a dataset item becomes: {{name}} placeholders in prompt and system replaced by its variables. */
public final class ItemRequest {

    private static final Pattern VAR = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");

    private ItemRequest() {
    }

    public static EngineRequest of(DatasetItem item, GenerationParams params) {
        JsonNode vars = ItemCodec.parse(item.variablesJson());
        return new EngineRequest(render(item.system(), vars), render(item.prompt(), vars), params);
    }

    static String render(String text, JsonNode vars) {
        if (text == null || !text.contains("{{") || !vars.isObject() || vars.isEmpty()) {
            return text;
        }
        Matcher m = VAR.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            JsonNode v = vars.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? m.group() : v.isTextual() ? v.asText()
                    : v.toString()));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
