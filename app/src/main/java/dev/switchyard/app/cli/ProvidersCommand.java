package dev.switchyard.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.app.engine.EngineFactory;
import dev.switchyard.app.models.CliFix;
import dev.switchyard.app.models.ProviderKeys;
import dev.switchyard.app.models.RemovedProviders;
import dev.switchyard.cloud.CloudException;
import dev.switchyard.cloud.RemoteModel;
import dev.switchyard.cloud.catalog.ProviderPreset;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code switchyard providers presets|list|add|remove|set-key|remove-key|models}: cloud endpoints and their keys'
 * references.
 */
@Command(name = "providers", mixinStandardHelpOptions = true, description = "Configure cloud providers.",
        subcommands = {ProvidersCommand.Presets.class, ProvidersCommand.ListProviders.class,
            ProvidersCommand.Add.class, ProvidersCommand.Remove.class, ProviderKeyCommands.SetKey.class,
            ProviderKeyCommands.RemoveKey.class, ProvidersCommand.RemoteModels.class})
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
                java.util.Set<Provider> inUse = new java.util.HashSet<>(RemovedProviders.inUse(ws));
                if (json) {
                    ObjectNode node = CliContext.object().put("ok", true);
                    ArrayNode array = node.putArray("providers");
                    providers.forEach(p -> array.add(json(p).put("removed", !inUse.contains(p))));
                    CliContext.printJson(spec, node);
                } else {
                    PrintWriter out = CliContext.out(spec);
                    providers.forEach(p -> out.printf("%-24s %-18s %-45s %s%s%n", p.name(), p.kind().code(),
                            p.baseUrl() != null ? p.baseUrl() : "on this device",
                            p.authRef() == null ? "no key needed"
                            : ProviderKeys.removed(p.authRef()) ? "no key (set one with set-key)" : p.authRef(),
                            inUse.contains(p) ? "" : "  removed (kept for History)"));
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
                Provider wanted = Provider.of(kind, name != null ? name : p.name(), url, ref, p.id());
                Optional<Provider> removed = RemovedProviders.removedNamed(ws, wanted.name());
                Provider added = removed.isPresent() ? RemovedProviders.restoreAs(ws, removed.get(), wanted)
                        : ws.providers().insert(wanted);
                if (json) {
                    CliContext.printJson(spec, CliContext.object().put("ok", true).put("restored", removed.isPresent())
                            .set("provider", json(added)));
                } else {
                    CliContext.out(spec).printf("%s provider %s (%s). Add models with 'switchyard models add --provider \"%s\" --model <id>'%s.%n",
                            removed.isPresent() ? "Brought back" : "Added", added.name(), url, added.name(),
                            removed.isPresent() ? "; its removed models come back with their history when added" : "");
                    CliContext.out(spec).flush();
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", description = "Remove a provider and its models; those that runs or prices refer to stay"
            + " for History, and so does the provider, out of every list (adding it again brings it back).")
    static final class Remove extends ProviderCommand {
        @Override
        Integer run(Workspace ws, Provider p) {
            if (p.kind() == ProviderKind.LOCAL) {
                throw new CliException(ExitCodes.USAGE, p.name() + " holds this device's models; remove them one by"
                        + " one with 'switchyard models remove <model>'.");
            }
            RemovedProviders.Removal r = RemovedProviders.remove(ws, p, Instant.now(app().clock()));
            int n = r.modelsDeleted();
            String message = r.providerDeleted()
                    ? "Removed provider " + p.name() + (n == 0 ? "" : n == 1 ? " and its model" : " and its " + n + " models") + "."
                    : "Removed provider " + p.name() + " from the lists; " + (r.modelsKept() == 1
                    ? "1 model of it stays for the runs and prices that refer to it, so History still names it."
                    : r.modelsKept() + " models of it stay for the runs and prices that refer to them, so History"
                    + " still names them.") + " To bring it back: switchyard providers add"
                    + " --preset " + (p.presetId() == null ? "custom" : p.presetId()) + " --name " + CliFix.quote(p.name())
                    + (p.baseUrl() == null ? "" : " --base-url " + CliFix.quote(p.baseUrl())) + CliFix.workspaceOption(ws);
            if (json) {
                CliContext.printJson(spec, CliContext.object().put("ok", true).put("removed", p.uid())
                        .put("providerDeleted", r.providerDeleted()).put("modelsDeleted", r.modelsDeleted())
                        .put("modelsKeptForHistory", r.modelsKept()).put("message", message));
            } else {
                CliContext.out(spec).println(message);
                CliContext.out(spec).flush();
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "models", description = "List the models an endpoint offers (GET {base}/models).")
    static final class RemoteModels extends ProviderCommand {
        @Override
        Integer run(Workspace ws, Provider p) {
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
            return ExitCodes.OK;
        }
    }

    /** The provider a user means by {@code ref} (uid or name; one in use before a removed one of the same name). */
    static Provider find(Workspace ws, String ref) {
        List<Provider> inUse = RemovedProviders.inUse(ws);
        return java.util.stream.Stream.concat(inUse.stream(), ws.providers().list().stream().filter(p -> !inUse.contains(p)))
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
