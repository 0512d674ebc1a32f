package dev.switchyard.app.replay.engine;

import dev.switchyard.app.replay.grade.Grade;
import dev.switchyard.workspace.model.RunStatus;

/**
 * One model's answer to one dataset item, from a stored run (CACHED) or a call made by this replay (LIVE),
 * or MISSING when no run exists and none was made.
 *
 * @param latencyMs  the run's total time (dispatch → end), the latency the user would have waited
 * @param confidence the local model's confidence when the engine reports one, else null
 */
public record Cell(long modelId, Long runId, Source source, RunStatus status, String answer, Double costUsd,
                   Long latencyMs, Long ttftMs, Long outputTokens, Double confidence, Grade grade) {

    /** Where an answer came from. */
    public enum Source {
        CACHED, LIVE, MISSING;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static Cell missing(long modelId, String why) {
        return new Cell(modelId, null, Source.MISSING, RunStatus.FAILED, "", null, null, null, null, null,
                new Grade("none", false, null, why, 0));
    }

    public Cell withGrade(Grade g) {
        return new Cell(modelId, runId, source, status, answer, costUsd, latencyMs, ttftMs, outputTokens, confidence, g);
    }

    public boolean passed() {
        return grade != null && grade.passed();
    }

    public double cost() {
        return costUsd == null ? 0 : costUsd;
    }

    /** An answer whose cost is not known: its model had no price in force (not $0: {@link #cost()} counts it as 0). */
    public boolean unpriced() {
        return source != Source.MISSING && costUsd == null;
    }

    public long latency() {
        return latencyMs == null ? 0 : latencyMs;
    }
}
