package dev.switchyard.workspace.model;

import java.time.Instant;

/** A named routing policy; its rules live in numbered {@link PolicyVersion}s. */
public record Policy(long id, String uid, String name, Instant createdAt) {
    public Policy {
        createdAt = Times.ms(createdAt);
    }
}
