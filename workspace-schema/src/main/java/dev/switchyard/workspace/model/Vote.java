package dev.switchyard.workspace.model;

import java.time.Instant;

/** A blind-mode verdict on a comparison: the winning run, or a tie when {@code winnerRunId} is null. */
public record Vote(long id, String uid, long comparisonId, Long winnerRunId, Instant createdAt) {
    public Vote {
        createdAt = Times.ms(createdAt);
    }

    public boolean isTie() {
        return winnerRunId == null;
    }
}
