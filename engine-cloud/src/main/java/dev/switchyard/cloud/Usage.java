package dev.switchyard.cloud;

/**
 * Token counts of one run, per the metric table of DESIGN.md.
 *
 * @param inputTokens          every prompt token, cached and cache-written ones included
 * @param cachedInputTokens    the part of inputTokens read from the provider's prompt cache
 * @param cacheWriteInputTokens the part of inputTokens written to the cache (Anthropic), else 0
 * @param outputTokens         every billed generated token, reasoning included
 * @param reasoningTokens      the part of outputTokens spent on reasoning
 * @param estimated            true when any count was estimated locally instead of reported
 */
public record Usage(int inputTokens, int cachedInputTokens, int cacheWriteInputTokens,
                    int outputTokens, int reasoningTokens, boolean estimated) {

    public static final Usage ZERO = new Usage(0, 0, 0, 0, 0, true);
}
