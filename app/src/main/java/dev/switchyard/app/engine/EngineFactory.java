package dev.switchyard.app.engine;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.engine.cloud.CloudModelEngine;
import dev.switchyard.app.engine.local.LocalModelEngine;
import dev.switchyard.app.engine.intent.IntentModelEngine;
import dev.switchyard.app.models.CloudModelSettings;
import dev.switchyard.app.models.IntentSetStore;
import dev.switchyard.app.models.LocalModelSettings;
import dev.switchyard.cloud.ApiKind;
import dev.switchyard.cloud.CloudClient;
import dev.switchyard.cloud.CloudException;
import dev.switchyard.cloud.EndpointConfig;
import dev.switchyard.cloud.RetryPolicy;
import dev.switchyard.cloud.catalog.ProviderPreset;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import java.util.Optional;

/** Builds the engine for a workspace model row: the one place that knows which adapter serves which kind. */
public final class EngineFactory {

    private final AppContext app;
    private final Workspace workspace;

    public EngineFactory(AppContext app, Workspace workspace) {
        this.app = app;
        this.workspace = workspace;
    }

    public ModelEngine forModel(Model model) {
        Provider provider = workspace.providers().get(model.providerId()).orElseThrow(
                () -> new IllegalStateException("Model " + model.apiModelId() + " has no provider row"));
        return switch (model.kind()) {
            case CLOUD -> cloud(provider, model);
            case LOCAL_GENERATIVE -> {
                yield new LocalModelEngine(app.localModels(), LocalModelSettings.of(model), model.displayName());
            }
            case LOCAL_INTENT -> {
                String setName = IntentSetStore.setName(model);
                IntentSetStore store = new IntentSetStore(workspace, app.directory(workspace));
                yield new IntentModelEngine(app.intentModels(), setName, () -> store.load(setName));
            }
        };
    }

    /**
     * The row is read again: a model picked before its time limits were changed (Models → Time limits, or
     * {@code models set-timeouts} from a terminal) runs with the limits stored now.
     */
    private ModelEngine cloud(Provider provider, Model picked) {
        Model model = workspace.models().get(picked.id()).orElse(picked);
        KeyLookup key = KeyLookup.of(provider, app.secrets(), requiresKey(provider));
        return new CloudModelEngine(app.cloudClients().client(endpoint(provider, key)), model.apiModelId(),
                CloudModelSettings.capabilities(model), app.directory(workspace).timeouts(model), RetryPolicy.DEFAULT,
                key.availability());
    }

    /**
     * Whether {@code provider}'s key can be had now, as its cloud models' availability says it (what Compare's picker
     * shows): ready, or why not — removed, an environment variable that is not set, an OS keyring that cannot be reached
     * or has no such entry — and what fixes it. May ask the OS keyring: call it off the FX thread.
     */
    public Availability keyAvailability(Provider provider) {
        return KeyLookup.of(provider, app.secrets(), requiresKey(provider)).availability();
    }

    /** A client for a provider's endpoint (to list its models or test the connection). */
    public CloudClient client(Provider provider) {
        KeyLookup key = KeyLookup.of(provider, app.secrets(), requiresKey(provider));
        if (!key.availability().ready()) {
            throw new CloudException(CloudException.Kind.AUTHENTICATION, key.availability().reason());
        }
        return app.cloudClients().client(endpoint(provider, key));
    }

    private boolean requiresKey(Provider provider) {
        return Optional.ofNullable(provider.presetId()).flatMap(app.catalog()::provider)
                .map(ProviderPreset::requiresKey).orElse(false);
    }

    private EndpointConfig endpoint(Provider provider, KeyLookup key) {
        Optional<ProviderPreset> preset = Optional.ofNullable(provider.presetId()).flatMap(app.catalog()::provider);
        EndpointConfig.Builder endpoint = EndpointConfig.builder(
                provider.kind() == ProviderKind.ANTHROPIC ? ApiKind.ANTHROPIC : ApiKind.OPENAI, provider.baseUrl());
        preset.ifPresent(p -> endpoint.headers(p.extraHeaders()).sendStreamOptions(p.streamOptions()));
        if (key.value() != null) {
            endpoint.apiKey(key.value());
        }
        return endpoint.build();
    }
}
