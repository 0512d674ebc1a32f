package dev.switchyard.cloud.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchyard.cloud.ApiKind;
import dev.switchyard.cloud.ModelCapabilities;
import dev.switchyard.cloud.Timeouts;
import dev.switchyard.cloud.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Provider presets and known models, loaded from the bundled JSON files. Immutable. */
public final class CloudCatalog {

    private final Map<String, ProviderPreset> providers;
    private final List<CatalogModel> models;

    private CloudCatalog(Map<String, ProviderPreset> providers, List<CatalogModel> models) {
        this.providers = providers;
        this.models = models;
    }

    /**
     * Parses {@code providers.json} and {@code models.json} (streams are read, not closed).
     *
     * @throws IOException on unreadable JSON; {@link IllegalArgumentException} names the bad entry
     */
    public static CloudCatalog load(InputStream providersJson, InputStream modelsJson) throws IOException {
        Map<String, ProviderPreset> ps = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode p : array(Json.MAPPER.readTree(providersJson), "providers", "providers.json")) {
            i++;
            String id = required(p, "id", "providers.json entry " + i);
            String apiText = required(p, "api", "provider " + id);
            ApiKind api;
            try {
                api = ApiKind.valueOf(apiText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("provider " + id + ": unknown api '" + apiText + "'");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            JsonNode h = p.get("extraHeaders");
            if (h != null && h.isObject()) {
                h.properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
            }
            ps.put(id, new ProviderPreset(id, textOr(p, "name", id), api, Json.text(p, "baseUrl"),
                    Json.text(p, "keyEnv"), p.path("requiresKey").asBoolean(true), p.path("streamOptions").asBoolean(true),
                    p.path("local").asBoolean(false), strings(p.get("defaultModels")), headers, Json.text(p, "docs"),
                    Json.text(p, "notes")));
        }
        List<CatalogModel> ms = new ArrayList<>();
        i = 0;
        for (JsonNode m : array(Json.MAPPER.readTree(modelsJson), "models", "models.json")) {
            i++;
            String id = required(m, "id", "models.json entry " + i);
            List<String> prov = strings(m.get("providers"));
            for (String p : prov) {
                if (!ps.containsKey(p)) {
                    throw new IllegalArgumentException("model " + id + ": unknown provider '" + p + "'");
                }
            }
            ModelCapabilities caps = new ModelCapabilities(m.path("streaming").asBoolean(true),
                    m.path("systemPrompt").asBoolean(true), m.path("temperature").asBoolean(true),
                    m.path("reasoning").asBoolean(false), m.path("maxCompletionTokens").asBoolean(false),
                    textOr(m, "tokenizer", ModelCapabilities.AUTO), m.path("contextWindow").asInt(0));
            Timeouts t = "reasoning".equals(Json.text(m, "timeouts")) ? Timeouts.REASONING : Timeouts.DEFAULT;
            ms.add(new CatalogModel(id, prov, textOr(m, "displayName", id), caps, t, Json.text(m, "notes")));
        }
        return new CloudCatalog(Collections.unmodifiableMap(ps), List.copyOf(ms));
    }

    /** Presets in file order. */
    public List<ProviderPreset> providers() {
        return List.copyOf(providers.values());
    }

    public Optional<ProviderPreset> provider(String id) {
        return Optional.ofNullable(providers.get(id));
    }

    public List<CatalogModel> models() {
        return models;
    }

    /** Known models offered by a preset, in file order. */
    public List<CatalogModel> modelsFor(String providerId) {
        return models.stream().filter(m -> m.providers().contains(providerId)).toList();
    }

    /** The entry for this preset and model id; falls back to the same id under any preset. */
    public Optional<CatalogModel> model(String providerId, String modelId) {
        Optional<CatalogModel> exact = models.stream()
                .filter(m -> m.id().equals(modelId) && m.providers().contains(providerId)).findFirst();
        return exact.isPresent() ? exact : models.stream().filter(m -> m.id().equals(modelId)).findFirst();
    }

    /** Catalog capabilities, or {@link ModelCapabilities#defaults()} for a model the catalog does not know. */
    public ModelCapabilities capabilitiesFor(String providerId, String modelId) {
        return model(providerId, modelId).map(CatalogModel::capabilities).orElseGet(ModelCapabilities::defaults);
    }

    /** Catalog timeouts, or {@link Timeouts#DEFAULT}. */
    public Timeouts timeoutsFor(String providerId, String modelId) {
        return model(providerId, modelId).map(CatalogModel::timeouts).orElse(Timeouts.DEFAULT);
    }

    static Iterable<JsonNode> array(JsonNode root, String field, String file) {
        JsonNode a = root == null ? null : root.get(field);
        if (a == null || !a.isArray()) {
            throw new IllegalArgumentException(file + ": missing array '" + field + "'");
        }
        return a;
    }

    static String required(JsonNode n, String field, String where) {
        String v = Json.text(n, field);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(where + ": missing '" + field + "'");
        }
        return v;
    }

    private static String textOr(JsonNode n, String field, String fallback) {
        String v = Json.text(n, field);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        if (a != null && a.isArray()) {
            a.forEach(x -> out.add(x.asText()));
        }
        return out;
    }
}
