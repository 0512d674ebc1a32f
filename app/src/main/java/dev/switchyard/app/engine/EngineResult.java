package dev.switchyard.app.engine;

import dev.switchyard.workspace.model.RunStatus;

/**
 * How a run ended, with everything it produced. For a failure the same record is the partial result.
 *
 * @param status       COMPLETED, INCOMPLETE (failed after tokens), CANCELLED or FAILED
 * @param text         answer text (partial unless COMPLETED)
 * @param reasoning    visible reasoning text, maybe empty
 * @param finishReason the engine's stop reason ("stop", "length", "eos", "stop_string"…), null if none
 * @param metrics      what was measured
 * @param detail       engine-specific facts worth showing (served model name, intent, confidence…), may be empty JSON "{}"
 */
public record EngineResult(RunStatus status, String text, String reasoning, String finishReason,
                           EngineMetrics metrics, String detail) {

    public EngineResult {
        text = text == null ? "" : text;
        reasoning = reasoning == null ? "" : reasoning;
        metrics = metrics == null ? EngineMetrics.NONE : metrics;
        detail = detail == null ? "{}" : detail;
    }
}
