package dev.switchyard.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.app.engine.EngineFactory;
import dev.switchyard.app.models.ProviderKeys;
import dev.switchyard.cloud.CloudException;
import dev.switchyard.cloud.RemoteModel;
import dev.switchyard.cloud.catalog.ProviderPreset;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code switchyard providers presets|list|add|set-key|remove-key|models}: cloud endpoints and their keys' references. */
@Command(name = "providers", mixinStandardHelpOptions = true, description = "Configure cloud providers.",
        subcommands = {ProvidersCommand.Presets.class, ProvidersCommand.ListProviders.class,
            ProvidersCommand.Add.class, ProviderKeyCommands.SetKey.class, ProviderKeyCommands.RemoveKey.class,
            ProvidersCommand.RemoteModels.class})
final class ProvidersCommand {

    private ProvidersCommand() {
    }

    @Command(name = "presets", description = "The shipped provider presets (base URL, key variable, default models).")
    static final class Presets extends AppCommand {
        @Override
        public Integer call() {
            List<ProviderPreset> presets = app().catalog().providers();
            if (json) {
                ObjectNode node = CliContext.object().put("ok", true);
                ArrayNode array = node.putArray("presets");
                presets.forEach(p -> array.addObject().put("id", p.id()).put("name", p.name())
                        .put("api", p.api().name().toLowerCase(Locale.ROOT)).put("baseUrl", p.baseUrl())
                        .put("keyEnv", p.keyEnv()).put("local", p.local())
                        .set("defaultModels", CliContext.JSON.valueToTree(p.defaultModels())));
                CliContext.printJson(spec, node);
            } else {
                PrintWriter out = CliContext.out(spec);
                presets.forEach(p -> out.printf("%-11s %-22s %-45s %s%n", p.id(), p.name(),
                        p.baseUrl() == null ? "(your base URL)" : p.baseUrl(), p.keyEnv() == null ? "" : "key: $" + p.keyEnv()));
                out.flush();
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "Providers configured in the workspace.")
    static final class ListProviders extends AppCommand {
        @Override
        public Integer call() {
            try (Workspace ws = workspace.open()) {
                List<Provider> providers = ws.providers().list();
                if (json) {
                    ObjectNode node = CliContext.object().put("ok", true);
                    ArrayNode array = node.putArray("providers");
                    providers.forEach(p -> array.add(json(p)));
                    CliContext.printJson(spec, node);
                } else {
                    PrintWriter out = CliContext.out(spec);
                    providers.forEach(p -> out.printf("%-24s %-18s %-45s %s%n", p.name(), p.kind().code(),
                            p.baseUrl() != null ? p.baseUrl() : "on this device",
                            p.authRef() == null ? "no key needed"
                            : ProviderKeys.removed(p.authRef()) ? "no key (set one with set-key)" : p.authRef()));
                    if (providers.isEmpty()) {
                        out.println("No providers yet: add one with 'switchyard providers add --preset openai'.");
                    }
                    out.flush();
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "add", description = "Add a provider from a preset or a custom OpenAI-compatible base URL.")
    static final class Add extends AppCommand {
        @Option(names = "--preset", required = true, paramLabel = "<id>", description = "Preset id (see 'providers presets'); 'custom' for any base URL.")
        String preset;
        @Option(names = "--name", paramLabel = "<name>", description = "Name in the workspace (default: the preset's).")
        String name;
        @Option(names = "--base-url", paramLabel = "<url>", description = "Override the preset's base URL.")
        String baseUrl;
        @Option(names = "--key-ref", paramLabel = "<ref>",
                description = "Where the key lives: env:VAR or keyring:NAME (default: env:<the preset's variable>). Never the key itself.")
        String keyRef;
        @Option(names = "--no-key", description = "The server needs no key (local servers).")
        boolean noKey;

        @Override
        public Integer call() {
            ProviderPreset p = app().catalog().provider(preset).orElseThrow(() -> new CliException(ExitCodes.USAGE,
                    "No preset '" + preset + "'; see 'switchyard providers presets'."));
            String url = baseUrl != null ? baseUrl : p.baseUrl();
            if (url == null) {
                throw new CliException(ExitCodes.USAGE, "The '" + preset + "' preset needs --base-url.");
            }
            if (keyRef != null && !keyRef.matches("(env|keyring):\\S+")) {
                throw new CliException(ExitCodes.USAGE, "--key-ref takes env:VAR or keyring:NAME, never the key itself.");
            }
            String ref = noKey ? null : keyRef != null ? keyRef : p.keyEnv() == null ? null : "env:" + p.keyEnv();
            try (Workspace ws = workspace.open()) {
                ProviderKind kind = p.api() == dev.switchyard.cloud.ApiKind.ANTHROPIC ? ProviderKind.ANTHROPIC
                        : ProviderKind.OPENAI_COMPATIBLE;
                Provider added = ws.providers().insert(Provider.of(kind, name != null ? name : p.name(), url, ref, p.id()));
                if (json) {
                    CliContext.printJson(spec, CliContext.object().put("ok", true).set("provider", json(added)));
                } else {
                    CliContext.out(spec).printf("Added provider %s (%s). Add models with 'switchyard models add --provider \"%s\" --model <id>'.%n",
                            added.name(), url, added.name());
                    CliContext.out(spec).flush();
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "models", description = "List the models an endpoint offers (GET {base}/models).")
    static final class RemoteModels extends AppCommand {
        @Parameters(index = "0", paramLabel = "<provider>", description = "Provider name or uid.")
        String provider;

        @Override
        public Integer call() {
            try (Workspace ws = workspace.open()) {
                Provider p = find(ws, provider);
                List<RemoteModel> models;
                try {
                    models = new EngineFactory(app(), ws).client(p).listModels();
                } catch (CloudException e) {
                    throw new CliException(ExitCodes.ENGINE, e.getMessage(), e);
                }
                if (json) {
                    ObjectNode node = CliContext.object().put("ok", true);
                    ArrayNode array = node.putArray("models");
                    models.forEach(m -> array.addObject().put("id", m.id()).put("displayName", m.displayName())
                            .put("ownedBy", m.ownedBy()));
                    CliContext.printJson(spec, node);
                } else {
                    models.forEach(m -> CliContext.out(spec).println(m.id()));
                    CliContext.out(spec).flush();
                }
            }
            return ExitCodes.OK;
        }
    }

    static Provider find(Workspace ws, String ref) {
        return ws.providers().list().stream()
                .filter(p -> p.uid().equals(ref) || p.name().equalsIgnoreCase(ref))
                .findFirst()
                .orElseThrow(() -> new CliException(ExitCodes.INPUT, "No provider '" + ref + "' in this workspace; "
                        + "see 'switchyard providers list'."));
    }

    static ObjectNode json(Provider p) {
        return CliContext.object().put("uid", p.uid()).put("name", p.name()).put("kind", p.kind().code())
                .put("baseUrl", p.baseUrl()).put("keyRef", p.authRef()).put("preset", p.presetId());
    }
}
