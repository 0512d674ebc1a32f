package dev.switchyard.cloud.secrets;

import java.util.Objects;

/**
 * A reference to a key, safe to store in the workspace: {@code env:OPENAI_API_KEY},
 * {@code keyring:openai-work} or {@code session:openai}.
 */
public record SecretRef(String scheme, String name) {

    public static final String ENV = "env";
    public static final String KEYRING = "keyring";
    public static final String SESSION = "session";

    public SecretRef {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(name, "name");
        if (!(ENV.equals(scheme) || KEYRING.equals(scheme) || SESSION.equals(scheme))) {
            throw new SecretException("Unknown key reference type '" + scheme + "'; use env:, keyring: or session:.");
        }
        if (name.isBlank()) {
            throw new SecretException("The key reference has no name.");
        }
    }

    /** Parses "scheme:name". */
    public static SecretRef parse(String ref) {
        if (ref == null) {
            throw new SecretException("No key reference given.");
        }
        int colon = ref.indexOf(':');
        if (colon <= 0) {
            throw new SecretException("A key reference looks like env:VAR, keyring:NAME or session:NAME.");
        }
        return new SecretRef(ref.substring(0, colon).trim(), ref.substring(colon + 1).trim());
    }

    /** A hint safe to show and store: the last 4 characters of a long key, else nothing. */
    public static String hint(String secret) {
        return secret == null || secret.length() < 16 ? "…" : "…" + secret.substring(secret.length() - 4);
    }

    @Override
    public String toString() {
        return scheme + ":" + name;
    }
}
