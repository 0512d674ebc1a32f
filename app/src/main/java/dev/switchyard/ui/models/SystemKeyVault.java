package dev.switchyard.ui.models;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.models.ProviderKeys;
import dev.switchyard.cloud.secrets.KeyringSecretStore;
import dev.switchyard.cloud.secrets.SecretException;
import dev.switchyard.cloud.secrets.SecretRef;
import dev.switchyard.cloud.secrets.SessionSecretStore;
import dev.switchyard.workspace.model.Provider;

/** The real vault: the OS keyring through engine-cloud, and the app context's session store after consent. */
public final class SystemKeyVault implements KeyVault {

    private final AppContext context;
    private volatile SessionSecretStore session;

    public SystemKeyVault(AppContext context) {
        this.context = context;
    }

    @Override
    public Status probe() {
        KeyringSecretStore.Availability a = KeyringSecretStore.probeSystem();
        return new Status(a.available(), a.reason());
    }

    @Override
    public String storeInKeyring(String name, String key) {
        context.keyring().put(ProviderKeys.PREFIX + name, key);
        return ProviderKeys.keyringRef(name);
    }

    @Override
    public String storeForSession(String name, String key, String reasonShown) {
        SessionSecretStore store = context.acceptSessionKeys(reasonShown);
        store.put(ProviderKeys.PREFIX + name, key);
        session = store;
        return ProviderKeys.sessionRef(name);
    }

    @Override
    public Provider effective(Provider p) {
        SessionSecretStore s = session;
        String ref = p.authRef();
        if (s == null || ref == null || !ref.startsWith("keyring:")) {
            return p;
        }
        String name = ref.substring("keyring:".length());
        return s.get(name).isPresent() ? p.withAuthRef("session:" + name) : p;
    }

    @Override
    public KeyState locate(Provider provider) {
        String ref = effective(provider).authRef();
        if (ref == null) {
            return new KeyState(false, "none", "No key is stored for " + provider.name() + " — set one with Set key…");
        }
        if (ProviderKeys.removed(ref)) {
            return new KeyState(false, "none now (it was removed)", "No key is stored for " + provider.name()
                    + " (it was removed) — set one with Set key…");
        }
        SecretRef r = SecretRef.parse(ref);
        String name = provider.name();
        switch (r.scheme()) {
            case SecretRef.ENV -> {
                String v = context.env(r.name());
                return v != null && !v.isBlank() ? new KeyState(true, "environment variable " + r.name(), null)
                        : new KeyState(false, "environment variable " + r.name() + ", which is not set",
                        "The environment variable " + r.name() + " that " + name + " reads its key from is not set — "
                        + "set it and start Switchyard again, or set a key with Set key…");
            }
            case SecretRef.SESSION -> {
                SessionSecretStore s = session;
                return s != null && s.get(r.name()).isPresent()
                        ? new KeyState(true, "kept in memory for this app run only", null)
                        : new KeyState(false, "none now (it was kept for an earlier app run only)", "No key is stored for "
                        + name + " (it was kept for an earlier app run only) — set one with Set key…");
            }
            default -> {
                try {
                    return context.keyring().get(r.name()).isPresent()
                            ? new KeyState(true, "OS keyring (" + r.name() + ")", null)
                            : new KeyState(false, "none (the OS keyring has no key for it)", "No key is stored for "
                            + name + " in the OS keyring — set one with Set key…");
                } catch (SecretException e) {
                    return new KeyState(false, "OS keyring, which cannot be read now", "The OS keyring cannot be read, "
                            + "so there is no key for " + name + " now: " + e.getMessage()
                            + " Set one for this app run or from an environment variable with Set key…");
                }
            }
        }
    }

    @Override
    public void forget(String ref) {
        String slug = ProviderKeys.ownedSlug(ref);
        if (slug == null) {
            return;
        }
        SessionSecretStore s = session;
        if (s != null) { // also the copy that answered a keyring reference in this run (effective)
            s.delete(ProviderKeys.PREFIX + slug);
        }
        if (ref.startsWith("keyring:")) {
            context.keyring().delete(ProviderKeys.PREFIX + slug);
        }
    }
}
