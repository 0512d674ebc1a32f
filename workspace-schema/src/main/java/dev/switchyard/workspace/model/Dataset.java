package dev.switchyard.workspace.model;

import java.time.Instant;

/** A named list of prompts to replay a policy over. */
public record Dataset(long id, String uid, String name, String description, Instant createdAt) {
    public Dataset {
        createdAt = Times.ms(createdAt);
    }
}
