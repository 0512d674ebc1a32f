package dev.switchyard.workspace.model;

import java.time.Instant;

/**
 * A place models are served from. {@code authRef} names where the key lives ({@code env:OPENAI_API_KEY},
 * {@code keyring:switchyard/openai}) — never the key itself; null for providers without auth.
 */
public record Provider(long id, String uid, ProviderKind kind, String name, String baseUrl, String authRef,
                       String presetId, Instant createdAt) {

    public Provider {
        createdAt = Times.ms(createdAt);
    }

    /** A provider not yet stored (id 0; uid and creation time are assigned on insert). */
    public static Provider of(ProviderKind kind, String name, String baseUrl, String authRef, String presetId) {
        return new Provider(0, null, kind, name, baseUrl, authRef, presetId, null);
    }

    /** This provider with its key stored elsewhere ({@code null}: no key). */
    public Provider withAuthRef(String ref) {
        return new Provider(id, uid, kind, name, baseUrl, ref, presetId, createdAt);
    }

    /** True when {@code ref} is an accepted auth reference (or absent). */
    public static boolean isReference(String ref) {
        return ref == null || ref.matches("env:[A-Za-z_][A-Za-z0-9_]*") || ref.matches("keyring:[^\\s]+/[^\\s]+")
                || ref.matches("session:[^\\s]+");
    }
}
