package dev.switchyard.cloud;

/** Wire protocol spoken by an endpoint. */
public enum ApiKind {
    /** OpenAI Chat Completions (OpenAI and every OpenAI-compatible server or gateway). */
    OPENAI,
    /** Anthropic Messages API. */
    ANTHROPIC
}
