package dev.switchyard.ui.models;

import dev.switchyard.workspace.model.Provider;

/**
 * Where the Models screen puts API keys. The workspace only ever holds a reference
 * ({@code keyring:switchyard/<name>} or {@code env:VAR}); the key goes to the OS keyring or — only after the
 * user accepted it, having been told why the keyring failed — to memory for this app run.
 *
 * <p>Session keys are saved as {@code session:switchyard/<name>}: the reference stays in the workspace, the
 * key only in this run's memory, so the next app run asks for it again. {@link #effective(Provider)} also
 * answers a {@code keyring:} reference from the session store when this run holds that key.
 */
public interface KeyVault {

    /** Prefix of every keyring entry Switchyard writes. */
    String PREFIX = "switchyard/";

    /** Whether the OS keyring can be used, and if not, why (one sentence for the user). */
    record Status(boolean keyringAvailable, String reason) {
    }

    /** Probes the keyring; may take a few seconds (call off the UI thread). */
    Status probe();

    /** Stores the key in the OS keyring; returns the reference to save on the provider. */
    String storeInKeyring(String name, String key);

    /** Keeps the key in memory for this app run, after consent given with {@code reasonShown}; returns the reference. */
    String storeForSession(String name, String key, String reasonShown);

    /** The provider as engines should see it: keyring references answered by the session store become session refs. */
    Provider effective(Provider provider);

    /** {@code keyring:switchyard/<name>}. */
    static String keyringRef(String name) {
        return "keyring:" + PREFIX + name;
    }
}
