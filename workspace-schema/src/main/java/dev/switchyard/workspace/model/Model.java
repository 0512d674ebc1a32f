package dev.switchyard.workspace.model;

import java.time.Instant;

/**
 * A model of a provider. {@code settingsJson} holds extra settings as a JSON object (timeouts, local path,
 * precision…); {@code contextWindow} is null when unknown.
 */
public record Model(long id, String uid, long providerId, String apiModelId, String displayName, ModelKind kind,
                    Integer contextWindow, Capabilities capabilities, String settingsJson, Instant createdAt) {

    public Model {
        capabilities = capabilities == null ? Capabilities.CHAT : capabilities;
        settingsJson = Times.json(settingsJson, "{}");
        createdAt = Times.ms(createdAt);
    }

    /** This row with other settings ({@code settingsJson}); everything else, id and uid included, kept. */
    public Model withSettings(String settingsJson) {
        return new Model(id, uid, providerId, apiModelId, displayName, kind, contextWindow, capabilities, settingsJson,
                createdAt);
    }

    public static Model of(long providerId, String apiModelId, String displayName, ModelKind kind,
                           Integer contextWindow, Capabilities capabilities, String settingsJson) {
        return new Model(0, null, providerId, apiModelId, displayName, kind, contextWindow, capabilities, settingsJson, null);
    }
}
