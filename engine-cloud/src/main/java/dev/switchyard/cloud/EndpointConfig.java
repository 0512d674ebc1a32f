package dev.switchyard.cloud;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how to call one endpoint. The API key is a value the caller resolved (see
 * {@code dev.switchyard.cloud.secrets.SecretResolver}); it never appears in {@link #toString()}.
 *
 * @param kind               wire protocol
 * @param baseUrl            e.g. {@code https://api.openai.com/v1}; {@code /chat/completions},
 *                           {@code /messages} and {@code /models} are appended
 * @param apiKey             the key, or null/blank for servers without auth (Ollama, LM Studio)
 * @param extraHeaders       sent with every request (e.g. OpenRouter's HTTP-Referer / X-Title)
 * @param sendStreamOptions  OpenAI-compatible: send {@code stream_options.include_usage}
 */
public record EndpointConfig(ApiKind kind, String baseUrl, String apiKey, Map<String, String> extraHeaders,
                             boolean sendStreamOptions) {

    public EndpointConfig {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(baseUrl, "baseUrl");
        baseUrl = baseUrl.strip();
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        if (!(baseUrl.startsWith("http://") || baseUrl.startsWith("https://"))) {
            throw new IllegalArgumentException("base URL must start with http:// or https://");
        }
        extraHeaders = extraHeaders == null ? Map.of() : Map.copyOf(extraHeaders);
    }

    public static Builder builder(ApiKind kind, String baseUrl) {
        return new Builder(kind, baseUrl);
    }

    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>();
        extraHeaders.forEach((k, v) -> shown.put(k, "██"));
        return "EndpointConfig[kind=" + kind + ", baseUrl=" + baseUrl + ", apiKey="
                + (hasApiKey() ? "██" : "none") + ", extraHeaders=" + shown.keySet()
                + ", sendStreamOptions=" + sendStreamOptions + "]";
    }

    /** Builder for {@link EndpointConfig}. */
    public static final class Builder {
        private final ApiKind kind;
        private final String baseUrl;
        private String apiKey;
        private final Map<String, String> extraHeaders = new LinkedHashMap<>();
        private boolean sendStreamOptions = true;

        private Builder(ApiKind kind, String baseUrl) {
            this.kind = kind;
            this.baseUrl = baseUrl;
        }

        public Builder apiKey(String v) { this.apiKey = v; return this; }
        public Builder header(String name, String value) { extraHeaders.put(name, value); return this; }
        public Builder headers(Map<String, String> h) { extraHeaders.putAll(h); return this; }
        public Builder sendStreamOptions(boolean v) { this.sendStreamOptions = v; return this; }

        public EndpointConfig build() {
            return new EndpointConfig(kind, baseUrl, apiKey, extraHeaders, sendStreamOptions);
        }
    }
}
