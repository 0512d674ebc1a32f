package dev.switchyard.cloud.secrets;

import java.util.Optional;

/** Stores API keys by name. Implementations never log or print secret values. */
public interface SecretStore {

    /** The secret stored under {@code name}, if any. */
    Optional<String> get(String name) throws SecretException;

    /** Stores or replaces a secret. */
    void put(String name, String secret) throws SecretException;

    /** Removes a secret; no error when absent. */
    void delete(String name) throws SecretException;

    /** The reference scheme this store answers to: {@code env}, {@code keyring} or {@code session}. */
    String scheme();
}
