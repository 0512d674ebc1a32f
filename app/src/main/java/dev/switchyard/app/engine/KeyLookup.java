package dev.switchyard.app.engine;

import dev.switchyard.app.models.ProviderKeys;
import dev.switchyard.cloud.secrets.SecretException;
import dev.switchyard.cloud.secrets.SecretResolver;
import dev.switchyard.workspace.model.Provider;

/**
 * The API key of a provider, resolved from its auth reference at run time ({@code env:VAR},
 * {@code keyring:NAME} or {@code session:NAME}); the key itself is never stored in the workspace. No reference: the
 * provider needs no key unless its preset says so; {@link ProviderKeys#REMOVED}: it needs one and has none.
 *
 * @param value        the key, null when there is none
 * @param availability ready, or why not and what fixes it
 */
record KeyLookup(String value, Availability availability) {

    /** {@code requiresKey}: the provider's preset says its endpoint needs a key (so having none is not ready). */
    static KeyLookup of(Provider provider, SecretResolver secrets, boolean requiresKey) {
        String ref = provider.authRef();
        String setKey = "Open Models and providers, pick " + provider.name() + " and use Set key…";
        if (ref == null || ref.isBlank() || ProviderKeys.removed(ref)) {
            return new KeyLookup(null, requiresKey || ref != null
                    ? Availability.notReady("No API key is stored for " + provider.name() + ".", setKey) : Availability.READY);
        }
        try {
            return new KeyLookup(secrets.resolve(ref).strip(), Availability.READY);
        } catch (SecretException e) {
            String fix = ref.startsWith("env:")
                    ? "Set " + ref.substring(4) + " to the key and start Switchyard again, or store the key in the keyring."
                    : setKey;
            return new KeyLookup(null, Availability.notReady("No API key for " + provider.name() + ": " + e.getMessage(), fix));
        }
    }
}
