package dev.switchyard.ui.models;

import dev.switchyard.app.AppContext;
import dev.switchyard.cloud.secrets.KeyringSecretStore;
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
        KeyringSecretStore.system().put(PREFIX + name, key);
        return KeyVault.keyringRef(name);
    }

    @Override
    public String storeForSession(String name, String key, String reasonShown) {
        SessionSecretStore store = context.acceptSessionKeys(reasonShown);
        store.put(PREFIX + name, key);
        session = store;
        return "session:" + PREFIX + name;
    }

    @Override
    public Provider effective(Provider p) {
        SessionSecretStore s = session;
        String ref = p.authRef();
        if (s == null || ref == null || !ref.startsWith("keyring:")) {
            return p;
        }
        String name = ref.substring("keyring:".length());
        return s.get(name).isPresent()
                ? new Provider(p.id(), p.uid(), p.kind(), p.name(), p.baseUrl(), "session:" + name, p.presetId(), p.createdAt())
                : p;
    }
}
