package dev.switchyard.cloud;

/**
 * What a model accepts and how its tokens are counted. Request shaping reads these flags;
 * there is no model-name string matching in the clients.
 *
 * @param streaming              the server streams this model (false: one JSON response)
 * @param supportsSystemPrompt   false: system text is folded into the first user message
 * @param supportsTemperature    false: temperature and top_p are not sent
 * @param reasoning              the model reasons (hidden or visible reasoning tokens)
 * @param usesMaxCompletionTokens OpenAI: send {@code max_completion_tokens} instead of {@code max_tokens}
 * @param tokenizerEncoding      for local estimates: a jtokkit encoding name ({@code o200k_base},
 *                               {@code cl100k_base}), {@code approx} (characters / 4, rounded up) or
 *                               {@code auto} (chosen from the model name, see TokenEstimator)
 * @param contextWindow          context window in tokens, 0 when unknown
 */
public record ModelCapabilities(
        boolean streaming,
        boolean supportsSystemPrompt,
        boolean supportsTemperature,
        boolean reasoning,
        boolean usesMaxCompletionTokens,
        String tokenizerEncoding,
        int contextWindow) {

    public static final String APPROX = "approx";
    public static final String AUTO = "auto";

    public ModelCapabilities {
        if (tokenizerEncoding == null || tokenizerEncoding.isBlank()) {
            tokenizerEncoding = AUTO;
        }
        if (contextWindow < 0) {
            throw new IllegalArgumentException("contextWindow must be >= 0");
        }
    }

    /** A plain chat model: streams, takes system prompts and temperature, tokenizer chosen from the name. */
    public static ModelCapabilities defaults() {
        return new ModelCapabilities(true, true, true, false, false, AUTO, 0);
    }

    /** An OpenAI-style reasoning model (o1/o3 family): max_completion_tokens, no temperature. */
    public static ModelCapabilities openAiReasoning(boolean supportsSystemPrompt, int contextWindow) {
        return new ModelCapabilities(true, supportsSystemPrompt, false, true, true, "o200k_base", contextWindow);
    }

    public ModelCapabilities withStreaming(boolean value) {
        return new ModelCapabilities(value, supportsSystemPrompt, supportsTemperature, reasoning,
                usesMaxCompletionTokens, tokenizerEncoding, contextWindow);
    }

    public ModelCapabilities withTokenizerEncoding(String value) {
        return new ModelCapabilities(streaming, supportsSystemPrompt, supportsTemperature, reasoning,
                usesMaxCompletionTokens, value, contextWindow);
    }
}
