package dev.switchyard.cloud.secrets;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys kept in memory for this app run only. Never a silent fallback: it can only be created with the
 * reason the user was shown (typically {@link KeyringSecretStore.Availability#reason()}) and accepted.
 */
public final class SessionSecretStore implements SecretStore {

    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final String consentReason;

    private SessionSecretStore(String consentReason) {
        this.consentReason = consentReason;
    }

    /**
     * Creates the store after the user accepted "keep keys for this app run only".
     *
     * @param reasonShownToUser why the keyring could not be used, as shown to the user
     */
    public static SessionSecretStore afterUserConsent(String reasonShownToUser) {
        if (reasonShownToUser == null || reasonShownToUser.isBlank()) {
            throw new IllegalArgumentException("the session store needs the reason the user accepted");
        }
        return new SessionSecretStore(reasonShownToUser);
    }

    @Override
    public Optional<String> get(String name) {
        return Optional.ofNullable(secrets.get(name));
    }

    @Override
    public void put(String name, String secret) {
        if (secret == null || secret.isBlank()) {
            throw new SecretException("The key is empty.");
        }
        secrets.put(name, secret);
    }

    @Override
    public void delete(String name) {
        secrets.remove(name);
    }

    @Override
    public String scheme() {
        return SecretRef.SESSION;
    }

    public String consentReason() {
        return consentReason;
    }

    @Override
    public String toString() {
        return "SessionSecretStore[" + secrets.size() + " keys]";
    }
}
