package dev.switchyard.app.engine;

import dev.switchyard.workspace.model.Provider;
import java.util.function.UnaryOperator;

/**
 * The API key of a provider, resolved from its auth reference at run time ({@code env:VAR} or
 * {@code keyring:…}); the key itself is never stored in the workspace.
 *
 * @param value        the key, null when there is none
 * @param availability ready, or why not and what fixes it
 */
record KeyLookup(String value, Availability availability) {

    static KeyLookup of(Provider provider, UnaryOperator<String> env) {
        String ref = provider.authRef();
        if (ref == null || ref.isBlank()) {
            return new KeyLookup(null, Availability.READY);
        }
        if (ref.startsWith("env:")) {
            String var = ref.substring(4);
            String v = env.apply(var);
            if (v == null || v.isBlank()) {
                return new KeyLookup(null, Availability.notReady("No API key for " + provider.name()
                        + ": the environment variable " + var + " is not set.",
                        "Set " + var + " to the key and start Switchyard again, or store the key in the keyring."));
            }
            return new KeyLookup(v.strip(), Availability.READY);
        }
        return new KeyLookup(null, Availability.notReady("No API key for " + provider.name()
                + ": the key reference " + ref + " cannot be read in this build.",
                "Give the key through an environment variable instead."));
    }
}
