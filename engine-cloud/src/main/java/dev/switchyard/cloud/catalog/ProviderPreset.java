package dev.switchyard.cloud.catalog;

import dev.switchyard.cloud.ApiKind;
import dev.switchyard.cloud.EndpointConfig;
import java.util.List;
import java.util.Map;

/**
 * A provider preset from {@code assets/cloud/providers.json}.
 *
 * @param id            stable id ({@code openai}, {@code xroute}, {@code anthropic}, {@code custom}…)
 * @param name          display name
 * @param api           wire protocol
 * @param baseUrl       default base URL, null for {@code custom}
 * @param keyEnv        environment variable conventionally holding the key, null when none
 * @param requiresKey   false for local servers (Ollama, LM Studio, vLLM without --api-key)
 * @param streamOptions whether to send {@code stream_options.include_usage}
 * @param local         runs on this machine (loopback)
 * @param defaultModels models offered before the user lists the endpoint's models
 * @param extraHeaders  headers sent with every request
 * @param docs          documentation URL, may be null
 * @param notes         free text, may be null
 */
public record ProviderPreset(String id, String name, ApiKind api, String baseUrl, String keyEnv, boolean requiresKey,
                             boolean streamOptions, boolean local, List<String> defaultModels,
                             Map<String, String> extraHeaders, String docs, String notes) {

    public ProviderPreset {
        defaultModels = defaultModels == null ? List.of() : List.copyOf(defaultModels);
        extraHeaders = extraHeaders == null ? Map.of() : Map.copyOf(extraHeaders);
    }

    /** An endpoint at the preset's base URL with the given (already resolved) key, may be null. */
    public EndpointConfig endpoint(String apiKey) {
        if (baseUrl == null) {
            throw new IllegalStateException("preset '" + id + "' has no base URL; use endpoint(baseUrl, apiKey)");
        }
        return endpoint(baseUrl, apiKey);
    }

    /** An endpoint with this preset's protocol and headers at another base URL (custom, self-hosted). */
    public EndpointConfig endpoint(String baseUrlOverride, String apiKey) {
        return EndpointConfig.builder(api, baseUrlOverride).apiKey(apiKey).headers(extraHeaders)
                .sendStreamOptions(streamOptions).build();
    }
}
