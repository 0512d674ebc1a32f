package dev.switchyard.app.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchyard.workspace.model.PromptVersion;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The prompt as edited: system and user text, variable values and parameters. Saving a draft whose
 * content differs from the prompt's latest version makes a new version; an unchanged draft is not saved again.
 */
public record PromptDraft(String system, String user, Map<String, String> variables, ParamsText params) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public PromptDraft {
        system = system == null ? "" : system;
        user = user == null ? "" : user;
        variables = variables == null ? Map.of() : Map.copyOf(variables);
        params = params == null ? ParamsText.DEFAULTS : params;
    }

    public String variablesJson() {
        return write(new java.util.TreeMap<>(variables));
    }

    public String parametersJson() {
        return write(params.asMap());
    }

    /** True when saving this draft over {@code latest} would change nothing. */
    public boolean sameAs(PromptVersion latest) {
        return latest != null && Objects.equals(blankToEmpty(latest.system()), system)
                && Objects.equals(blankToEmpty(latest.user()), user)
                && read(latest.variablesJson()).equals(variables)
                && read(latest.parametersJson()).equals(params.asMap());
    }

    public static PromptDraft of(PromptVersion v) {
        return new PromptDraft(v.system(), v.user(), read(v.variablesJson()), ParamsText.fromMap(read(v.parametersJson())));
    }

    static Map<String, String> read(String json) {
        try {
            Map<String, Object> raw = JSON.readValue(json == null ? "{}" : json, new TypeReference<LinkedHashMap<String, Object>>() { });
            Map<String, String> out = new LinkedHashMap<>();
            raw.forEach((k, v) -> out.put(k, v == null ? "" : String.valueOf(v)));
            return out;
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private static String write(Map<String, String> map) {
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s;
    }
}
