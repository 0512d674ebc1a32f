package dev.switchyard.app;

import dev.switchyard.cloud.secrets.KeyringSecretStore;
import dev.switchyard.cloud.secrets.SecretStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An OS keyring in memory (entries by "service|account"), so no test ever touches the user's. */
public final class MemoryKeyring implements KeyringSecretStore.Backend {

    public final Map<String, String> entries = new ConcurrentHashMap<>();

    /** A keyring store over this backend, as {@code AppContext} takes it. */
    public SecretStore store() {
        return KeyringSecretStore.over(this, Duration.ofSeconds(5));
    }

    @Override
    public String get(String service, String account) {
        return entries.get(service + "|" + account);
    }

    @Override
    public void set(String service, String account, String secret) {
        entries.put(service + "|" + account, secret);
    }

    @Override
    public void delete(String service, String account) {
        entries.remove(service + "|" + account);
    }
}
