package dev.switchyard.workspace.model;

import java.time.Instant;

/** One immutable version (1, 2, …) of a routing policy: its JSON body and an optional note. */
public record PolicyVersion(long id, String uid, long policyId, int version, String bodyJson, String note,
                            Instant createdAt) {
    public PolicyVersion {
        createdAt = Times.ms(createdAt);
    }
}
