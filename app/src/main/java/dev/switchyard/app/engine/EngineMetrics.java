package dev.switchyard.app.engine;

/**
 * What an engine measured for one run, per DESIGN.md's metric table. Null means "not measured"
 * (never zero as a stand-in). Queue time and cost are added by the run service, not the engine.
 *
 * @param ttftMs            dispatch → first output token (content or reasoning)
 * @param totalMs           dispatch → terminal event
 * @param inputTokens       every prompt token, cached ones included
 * @param cachedInputTokens the part of inputTokens served from a prompt cache
 * @param outputTokens      every billed generated token, reasoning included
 * @param reasoningTokens   the part of outputTokens spent on reasoning
 * @param decodeTps         (output − 1) / (last token time − first token time)
 * @param prefillTps        input / ttft (local engines)
 * @param loadMs            model load time when this run loaded the model (local), else null
 * @param peakMemoryBytes   peak memory of the model (local)
 * @param tokensEstimated   token counts were estimated, not reported by the provider/tokenizer
 * @param httpAttempts      HTTP requests sent (cloud), 0 for local
 */
public record EngineMetrics(Double ttftMs, Double totalMs, Integer inputTokens, Integer cachedInputTokens,
                            Integer outputTokens, Integer reasoningTokens, Double decodeTps, Double prefillTps,
                            Long loadMs, Long peakMemoryBytes, boolean tokensEstimated, int httpAttempts) {

    public static final EngineMetrics NONE =
            new EngineMetrics(null, null, null, null, null, null, null, null, null, null, false, 0);
}
