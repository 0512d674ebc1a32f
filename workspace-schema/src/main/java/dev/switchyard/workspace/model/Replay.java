package dev.switchyard.workspace.model;

import java.time.Instant;

/** A policy version replayed over a dataset, live or from cached runs; {@code summaryJson} is set when it ends. */
public record Replay(long id, String uid, long policyVersionId, long datasetId, ReplayMode mode, ReplayStatus status,
                     Instant createdAt, Instant finishedAt, String summaryJson) {
    public Replay {
        createdAt = Times.ms(createdAt);
        finishedAt = Times.ms(finishedAt);
    }
}
