package dev.switchyard.cloud.secrets;

import java.util.Optional;

/**
 * Resolves a key reference to the key value, each scheme from its own store and never from another:
 * {@code env:VAR} → environment, {@code keyring:NAME} → OS keyring, {@code session:NAME} → this run's memory.
 */
public final class SecretResolver {

    private final SecretStore env;
    private final SecretStore keyring;
    private final SecretStore session;

    /**
     * @param env     environment store (required)
     * @param keyring OS keyring, or null when unavailable
     * @param session session store, or null unless the user accepted it
     */
    public SecretResolver(SecretStore env, SecretStore keyring, SecretStore session) {
        this.env = env;
        this.keyring = keyring;
        this.session = session;
    }

    /** The key for a reference string such as {@code env:OPENAI_API_KEY}. */
    public String resolve(String reference) {
        return resolve(SecretRef.parse(reference));
    }

    /** The key for a reference; a {@link SecretException} with a user sentence when it cannot be found. */
    public String resolve(SecretRef ref) {
        Optional<String> value = switch (ref.scheme()) {
            case SecretRef.ENV -> env.get(ref.name());
            case SecretRef.KEYRING -> {
                if (keyring == null) {
                    throw new SecretException("The OS keyring is not available, so the key '" + ref.name()
                            + "' cannot be read; enter the key again or use an environment variable.");
                }
                yield keyring.get(ref.name());
            }
            case SecretRef.SESSION -> session == null ? Optional.empty() : session.get(ref.name());
            default -> throw new SecretException("Unknown key reference type '" + ref.scheme() + "'.");
        };
        return value.orElseThrow(() -> new SecretException(switch (ref.scheme()) {
            case SecretRef.ENV -> "The environment variable " + ref.name() + " is not set.";
            case SecretRef.SESSION -> "The key was kept for an earlier app run only; enter it again.";
            default -> "No key named '" + ref.name() + "' is stored in the OS keyring.";
        }));
    }
}
