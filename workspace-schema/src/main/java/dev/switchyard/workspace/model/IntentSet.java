package dev.switchyard.workspace.model;

import java.time.Instant;

/** A named set of intents recognised by the local intent model. */
public record IntentSet(long id, String uid, String name, String description, Instant createdAt) {
    public IntentSet {
        createdAt = Times.ms(createdAt);
    }
}
