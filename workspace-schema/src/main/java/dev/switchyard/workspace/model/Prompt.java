package dev.switchyard.workspace.model;

import java.time.Instant;

/** A named prompt; its text lives in {@link PromptVersion}s. */
public record Prompt(long id, String uid, String name, Instant createdAt) {
    public Prompt {
        createdAt = Times.ms(createdAt);
    }
}
