package dev.switchyard.ui.models;

import dev.switchyard.workspace.model.Provider;

/**
 * Where the Models screen puts API keys. The workspace only ever holds a reference
 * ({@code keyring:switchyard/<name>}, {@code session:switchyard/<name>} or {@code env:VAR}); the key goes to the OS
 * keyring or — only after the user accepted it, having been told why the keyring failed — to memory for this app run,
 * so the next app run asks for it again. {@link #effective(Provider)} also answers a {@code keyring:} reference from
 * the session store when this run holds that key.
 */
public interface KeyVault {

    /** Whether the OS keyring can be used, and if not, why (one sentence for the user). */
    record Status(boolean keyringAvailable, String reason) {
    }

    /**
     * Where a provider's key is now.
     *
     * @param present whether a key can be read now
     * @param where   where it is, for "key: …" ("OS keyring (switchyard/openai)", "none now (…)")
     * @param missing when it cannot be read, what to do, one sentence naming the provider; else null
     */
    record KeyState(boolean present, String where, String missing) {
    }

    /** Probes the keyring; may take a few seconds (call off the UI thread). */
    Status probe();

    /** Stores the key in the OS keyring; returns the reference to save on the provider. */
    String storeInKeyring(String name, String key);

    /** Keeps the key in memory for this app run, after consent given with {@code reasonShown}; returns the reference. */
    String storeForSession(String name, String key, String reasonShown);

    /** The provider as engines should see it: keyring references answered by the session store become session refs. */
    Provider effective(Provider provider);

    /** Where the provider's key is now (may read the keyring: call off the UI thread). */
    KeyState locate(Provider provider);

    /**
     * Deletes the key {@code ref} names when Switchyard stored it (an OS keyring entry or this run's memory);
     * nothing for an environment variable, which is not Switchyard's to change. Throws with a sentence when the
     * keyring cannot do it.
     */
    void forget(String ref);

    /** Stores the key where {@code choice} says under {@code name}; the reference to save on the provider (null: none). */
    default String store(String name, KeyForm.Choice choice, String reasonShown) {
        return switch (choice.source()) {
            case KEYRING -> storeInKeyring(name, choice.key());
            case SESSION -> storeForSession(name, choice.key(), reasonShown);
            case ENVIRONMENT -> "env:" + choice.envVar();
            case NONE -> null;
        };
    }
}
