package dev.switchyard.workspace.model;

/**
 * The measured figures of a run, as defined in DESIGN.md (times in ms, tokens, tokens/s); null = not measured.
 */
public record RunMetrics(Long queueMs, Long ttftMs, Long totalMs, Long inputTokens, Long cachedInputTokens,
                         Long outputTokens, Long reasoningTokens, Double decodeTps, Double prefillTps, Long loadMs,
                         Long peakMemoryBytes) {

    public static final RunMetrics NONE = new RunMetrics(null, null, null, null, null, null, null, null, null, null, null);

    /** The common subset for a cloud run: timings and token counts. */
    public static RunMetrics of(long queueMs, long ttftMs, long totalMs, long inputTokens, long outputTokens) {
        return new RunMetrics(queueMs, ttftMs, totalMs, inputTokens, null, outputTokens, null, null, null, null, null);
    }
}
