package dev.switchyard.ui.models;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.models.ModelDirectory;
import dev.switchyard.cloud.CloudClient;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Provider;

/** What the Models screen needs from the app core, per workspace. */
public interface ModelsServices {

    ModelDirectory directory(Workspace workspace);

    /** A client for the provider's endpoint (throws a {@code CloudException} with a sentence when it has no key). */
    CloudClient client(Workspace workspace, Provider provider);

    /** The production services over the composition root; session keys resolved through {@code vault}. */
    static ModelsServices of(AppContext context, KeyVault vault) {
        return new ModelsServices() {
            @Override
            public ModelDirectory directory(Workspace ws) {
                return context.directory(ws);
            }

            @Override
            public CloudClient client(Workspace ws, Provider p) {
                return context.engines(ws).client(vault.effective(p));
            }
        };
    }
}
