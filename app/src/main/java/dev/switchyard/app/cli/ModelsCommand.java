package dev.switchyard.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.app.AppContext;
import dev.switchyard.app.models.ModelDirectory;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.PriceRow;
import dev.switchyard.workspace.model.Provider;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code switchyard models list|add}: the models runs can use. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "List and add models.",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Add.class})
final class ModelsCommand {

    @ParentCommand
    SwitchyardCli root;

    private ModelsCommand() {
    }

    /** Options every models sub-command shares. */
    abstract static class Base implements Callable<Integer> {
        @ParentCommand
        ModelsCommand parent;
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        AppContext app() {
            return parent.root.context();
        }
    }

    @Command(name = "list", description = "Every model in the workspace with its kind, capabilities and price in force.")
    static final class ListModels extends Base {
        @Override
        public Integer call() {
            try (Workspace ws = workspace.open()) {
                ModelDirectory directory = app().directory(ws);
                ArrayNode array = CliContext.JSON.createArrayNode();
                PrintWriter out = CliContext.out(spec);
                for (Model m : ws.models().list()) {
                    Optional<PriceRow> price = ws.prices().inForce(m.id(), LocalDate.now(app().clock()));
                    ObjectNode n = json(m, directory);
                    n.set("price", price.<com.fasterxml.jackson.databind.JsonNode>map(PricesCommand::json).orElse(null));
                    array.add(n);
                    if (!json) {
                        out.printf("%-40s %-17s %s%n", directory.qualifiedName(m), m.kind().code(),
                                price.map(p -> "$" + p.inputPerMTok().toPlainString() + " in / $" + p.outputPerMTok().toPlainString()
                                        + " out per 1M").orElse("no price"));
                    }
                }
                if (json) {
                    CliContext.printJson(spec, CliContext.object().put("ok", true).set("models", array));
                } else if (array.isEmpty()) {
                    out.println("No models yet: 'switchyard providers add --preset openai', then 'switchyard models add'.");
                }
                out.flush();
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "add", description = "Add a cloud model to a provider; capabilities and price come from the shipped catalog when known.")
    static final class Add extends Base {
        @Option(names = "--provider", required = true, paramLabel = "<name>")
        String provider;
        @Option(names = "--model", required = true, paramLabel = "<id>", description = "Model id as the endpoint expects it.")
        String model;

        @Override
        public Integer call() {
            try (Workspace ws = workspace.open()) {
                Provider p = ProvidersCommand.find(ws, provider);
                ModelDirectory directory = app().directory(ws);
                if (ws.models().find(p.id(), model).isPresent()) {
                    throw new CliException(ExitCodes.INPUT, p.name() + " already has the model " + model + ".");
                }
                Model added = directory.addCloudModel(p, model);
                if (json) {
                    CliContext.printJson(spec, CliContext.object().put("ok", true).set("model", json(added, directory)));
                } else {
                    CliContext.out(spec).printf("Added %s.%n", directory.qualifiedName(added));
                    CliContext.out(spec).flush();
                }
            }
            return ExitCodes.OK;
        }
    }

    static ObjectNode json(Model m, ModelDirectory directory) {
        ObjectNode n = CliContext.object();
        n.put("uid", m.uid()).put("name", directory.qualifiedName(m)).put("apiModelId", m.apiModelId())
                .put("displayName", m.displayName()).put("kind", m.kind().code()).put("contextWindow", m.contextWindow());
        n.putObject("capabilities").put("streaming", m.capabilities().streaming())
                .put("systemPrompt", m.capabilities().systemPrompt()).put("temperature", m.capabilities().temperature())
                .put("reasoning", m.capabilities().reasoning());
        return n;
    }
}
