package dev.switchyard.workspace.model;

import java.time.Instant;

/** One immutable version (1, 2, …) of a prompt: system and user text, variables and parameters as JSON objects. */
public record PromptVersion(long id, String uid, long promptId, int version, String system, String user,
                            String variablesJson, String parametersJson, Instant createdAt) {
    public PromptVersion {
        variablesJson = Times.json(variablesJson, "{}");
        parametersJson = Times.json(parametersJson, "{}");
        createdAt = Times.ms(createdAt);
    }
}
