package dev.switchyard.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.app.compare.Formats;
import dev.switchyard.app.models.CliFix;
import dev.switchyard.app.models.ModelDirectory;
import dev.switchyard.app.models.RemovedModels;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.PriceRow;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.app.models.LocalModelHealth;
import dev.switchyard.app.models.LocalModelManager;
import dev.switchyard.app.models.LocalModelSettings;
import dev.switchyard.local.catalog.CatalogException;
import dev.switchyard.local.catalog.DownloadControl;
import dev.switchyard.local.LocalEngineException;
import dev.switchyard.local.ModelInfo;
import dev.switchyard.workspace.model.ModelKind;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Parameters;
import java.time.LocalDate;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code switchyard models list|add}: the models runs can use. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "List, add and set up models.",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Add.class, ModelsCommand.Import.class,
            ModelsCommand.Remove.class, ModelsCommand.Catalog.class, ModelsCommand.Download.class,
            SetTimeoutsCommand.class})
final class ModelsCommand {

    private ModelsCommand() {
    }

    @Command(name = "list", description = "Every model in the workspace with its kind, capabilities, price in force and"
            + " (cloud models) time limits.")
    static final class ListModels extends AppCommand {
        @Override
        public Integer call() {
            try (Workspace ws = workspace.open()) {
                app().prepare(ws);
                ModelDirectory directory = app().directory(ws);
                ArrayNode array = CliContext.JSON.createArrayNode();
                PrintWriter out = CliContext.out(spec);
                for (Model m : ws.models().list()) {
                    Optional<PriceRow> price = ws.prices().inForce(m.id(), LocalDate.now(app().clock()));
                    ObjectNode n = json(m, directory);
                    n.set("price", price.<com.fasterxml.jackson.databind.JsonNode>map(PricesCommand::json).orElse(null));
                    // a local model's files as the picker checks them (sizes and times; no full hashing)
                    LocalModelHealth health = m.kind() == ModelKind.LOCAL_GENERATIVE
                            ? LocalModelHealth.check(app().localModels(), LocalModelSettings.of(m)) : null;
                    String fix = health == null ? null : CliFix.forModel(m, health.state(), ws);
                    if (health != null) {
                        n.putObject("files").put("state", health.state().name().toLowerCase(java.util.Locale.ROOT))
                                .put("label", health.state().label()).put("folder", health.folder().toString())
                                .put("reason", health.reason()).put("fix", fix);
                    }
                    array.add(n);
                    if (!json && RemovedModels.isRemoved(m)) {
                        out.printf("%-40s %-17s removed (its runs and prices keep it for History)%n",
                                directory.qualifiedName(m), m.kind().code());
                    } else if (!json) {
                        out.printf("%-40s %-17s %s%n", directory.qualifiedName(m), m.kind().code(),
                                price.map(p -> Formats.usdPerMTok(p.inputPerMTok()) + " in / "
                                        + Formats.usdPerMTok(p.outputPerMTok()) + " out per 1M").orElse("no price"));
                        if (m.kind() == ModelKind.CLOUD) {
                            var t = directory.timeouts(m);
                            out.printf("    time limits: %s%s%n", dev.switchyard.app.models.TimeLimits.describe(t),
                                    t.equals(directory.defaultTimeouts(m)) ? " (defaults)" : "");
                        }
                        if (health != null) {
                            out.printf("    files: %s%n", health.ok() ? "ready" : health.reason());
                            if (fix != null) {
                                out.printf("    %s%n", fix);
                            }
                        }
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
    static final class Add extends AppCommand {
        @Option(names = "--provider", required = true, paramLabel = "<name>")
        String provider;
        @Option(names = "--model", required = true, paramLabel = "<id>", description = "Model id as the endpoint expects it.")
        String model;

        @Override
        public Integer call() {
            try (Workspace ws = workspace.open()) {
                Provider p = ProvidersCommand.find(ws, provider);
                ModelDirectory directory = app().directory(ws);
                if (ws.models().find(p.id(), model).filter(m -> !RemovedModels.isRemoved(m)).isPresent()) {
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

    @Command(name = "import", description = "Validate a local model folder (onnx-community or genai layout) and register it.")
    static final class Import extends AppCommand {
        @Parameters(index = "0", paramLabel = "<dir>", description = "The model folder.")
        Path folder;
        @Option(names = "--variant", paramLabel = "<file>", description = "ONNX file under onnx/ to run (default: the smallest CPU-friendly one).")
        String variant;
        @Option(names = "--id", paramLabel = "<id>", description = "Id in the workspace (default: the folder name).")
        String id;

        @Override
        public Integer call() {
            try (Workspace ws = workspace.open()) {
                ModelDirectory directory = app().directory(ws);
                LocalModelManager.Imported imported;
                try { // validated by the engine, its files recorded (so a later change shows in the model picker)
                    imported = new LocalModelManager(app().localModels(), LocalModelManager.defaultModelsRoot(), null)
                            .importFolder(directory, folder, variant, id, null);
                } catch (LocalEngineException e) {
                    throw new CliException(ExitCodes.INPUT, e.getMessage(), e);
                }
                Model m = imported.model();
                ModelInfo info = imported.info();
                if (json) {
                    ObjectNode n = json(m, directory);
                    n.putObject("local").put("folder", info.folder().toString()).put("modelFile", info.modelFile().toString())
                            .put("layout", info.layout()).put("family", info.family()).put("modelType", info.modelType())
                            .put("layers", info.layers()).put("vocabSize", info.vocabSize()).put("contextLength", info.contextLength())
                            .put("fileBytes", info.fileBytes()).put("graph", info.graph())
                            .set("variants", CliContext.JSON.valueToTree(info.variants()));
                    CliContext.printJson(spec, CliContext.object().put("ok", true).set("model", n));
                } else {
                    CliContext.out(spec).printf("Imported %s as %s (%s, %d layers, context %d, %s; graph: %s).%n", info.name(),
                            directory.qualifiedName(m), info.modelFile().getFileName(), info.layers(), info.contextLength(),
                            info.family(), info.graph());
                    CliContext.out(spec).flush();
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", description = "Remove a model from the workspace (kept while runs or prices refer to it);"
            + " --delete-files also deletes a downloaded local model's files.")
    static final class Remove extends AppCommand {
        @Parameters(index = "0", paramLabel = "<id>")
        String ref;
        @Option(names = "--delete-files", description = "Also delete the files of a local model that Switchyard downloaded"
                + " (an imported folder is never deleted), even when runs keep its row.")
        boolean deleteFiles;
        @Option(names = "--models-dir", paramLabel = "<dir>", description = "Where models are stored (default: beside the default workspace).")
        Path modelsDir;

        @Override
        public Integer call() {
            try (Workspace ws = workspace.open()) {
                ModelDirectory directory = app().directory(ws);
                Model m = directory.resolve(ref);
                String name = directory.qualifiedName(m);
                if (m.kind() == ModelKind.LOCAL_GENERATIVE) {
                    return removeLocal(ws, m, name);
                }
                if (deleteFiles) {
                    throw new CliException(ExitCodes.USAGE, name + " is not a local generative model; it has no files to delete.");
                }
                if (!RemovedModels.remove(ws, m, java.time.Instant.now(app().clock()))) {
                    String provider = ws.providers().get(m.providerId()).map(p -> p.name()).orElse("?");
                    print(m, false, false, 0, "Removed " + name + " from the lists of models; its runs and prices keep its"
                            + " row, so History still names it. To bring it back: switchyard models add --provider "
                            + CliFix.quote(provider) + " --model " + CliFix.quote(m.apiModelId()) + CliFix.workspaceOption(ws));
                    return ExitCodes.OK;
                }
                print(m, true, false, 0, "Removed " + name + ".");
            }
            return ExitCodes.OK;
        }

        private Integer removeLocal(Workspace ws, Model m, String name) {
            LocalModelManager manager = new LocalModelManager(app().localModels(),
                    modelsDir != null ? modelsDir : LocalModelManager.defaultModelsRoot(), null);
            LocalModelManager.Removal r;
            try {
                r = manager.remove(ws, m, deleteFiles);
            } catch (CatalogException e) {
                throw new CliException(ExitCodes.ENGINE, e.getMessage(), e);
            }
            print(m, r.rowRemoved(), r.filesDeleted(), r.bytesFreed(), r.describe(name));
            return ExitCodes.OK;
        }

        /** {@code rowDeleted}: the row left the workspace; else runs or prices keep it for History, marked removed. */
        private void print(Model m, boolean rowDeleted, boolean filesDeleted, long bytesFreed, String message) {
            if (json) {
                CliContext.printJson(spec, CliContext.object().put("ok", true).put("removed", m.uid())
                        .put("keptForHistory", !rowDeleted).put("filesDeleted", filesDeleted).put("bytesFreed", bytesFreed)
                        .put("message", message));
            } else {
                CliContext.out(spec).println(message);
                CliContext.out(spec).flush();
            }
        }
    }

    @Command(name = "catalog", description = "The recommended local models (sizes, precisions, licences).")
    static final class Catalog extends AppCommand {
        @Override
        public Integer call() {
            var catalog = LocalModelManager.catalog();
            if (json) {
                CliContext.printJson(spec, CliContext.object().put("ok", true).set("models", CliContext.JSON.valueToTree(catalog.models())));
                return ExitCodes.OK;
            }
            PrintWriter out = CliContext.out(spec);
            catalog.models().forEach(m -> out.printf("%-26s %-28s %-6s %-12s precisions: %s%n", m.id(), m.displayName(),
                    m.parameters(), m.license(), String.join(", ", m.precisions().stream()
                            .map(p -> p.id() + (p.recommended() ? "*" : "")).toList())));
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "download", description = "Download a catalog model (progress on stderr; resumes; checks sizes and checksums), validate it and add it.")
    static final class Download extends AppCommand {
        @Parameters(index = "0", paramLabel = "<catalog-id>")
        String catalogId;
        @Option(names = "--precision", paramLabel = "<p>", description = "Precision id (default: the recommended one).")
        String precision;
        @Option(names = "--models-dir", paramLabel = "<dir>", description = "Where models are stored (default: beside the default workspace).")
        Path modelsDir;
        @Option(names = "--mirror", paramLabel = "<url>", description = "A server with the hub's URL layout (<url>/<repo>/resolve/main/<file>).")
        java.net.URI mirror;

        @Override
        public Integer call() {
            LocalModelManager manager = new LocalModelManager(app().localModels(),
                    modelsDir != null ? modelsDir : LocalModelManager.defaultModelsRoot(), mirror);
            DownloadControl control = new DownloadControl();
            Thread onCtrlC = new Thread(control::cancel, "switchyard-cancel-download");
            Runtime.getRuntime().addShutdownHook(onCtrlC);
            PrintWriter err = CliContext.err(spec);
            String kept = null; // the mirror the workspace's row keeps, which a download without --mirror comes from
            try (Workspace ws = workspace.open()) {
                ModelDirectory directory = app().directory(ws);
                if (mirror == null) {
                    var entry = LocalModelManager.catalog().require(catalogId);
                    kept = directory.findLocal(LocalModelManager.downloadedId(entry, precision))
                            .map(r -> LocalModelManager.keptMirror(r, catalogId)).orElse(null);
                }
                Model damaged = damagedDownload(ws);
                // a row of this download whose files changed or went missing: its damaged files deleted first (as
                // Models → Download again does), else the downloader keeps a present file it cannot tell is wrong
                Model m = damaged != null
                        ? manager.downloadAgain(directory, damaged, p -> DownloadLine.print(err, p), control)
                        : manager.download(directory, catalogId, precision, p -> DownloadLine.print(err, p), control);
                err.println();
                if (json) {
                    CliContext.printJson(spec, CliContext.object().put("ok", true).set("model", json(m, directory)));
                } else {
                    CliContext.out(spec).printf("Downloaded and added %s.%n", directory.qualifiedName(m));
                    CliContext.out(spec).flush();
                }
                return ExitCodes.OK;
            } catch (CatalogException | LocalEngineException e) {
                // from the mirror the row keeps, which may be gone: the way back to the hub (the window's Download from
                // Hugging Face)
                String back = kept == null || control.isCancelled() ? "" : (e.getMessage().endsWith(".") ? "" : ".")
                        + " It came from the mirror " + kept + " that the model keeps; if that mirror is gone or out of "
                        + "date, add --mirror " + LocalModelManager.HUB + " to get the files from the hub instead (the "
                        + "model then stops using the mirror).";
                throw new CliException(ExitCodes.ENGINE, e.getMessage() + back, e);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(onCtrlC);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is cancelling the download
                }
            }
        }

        /** The workspace's row of this catalog id and precision when its files are not as downloaded, else null. */
        private Model damagedDownload(Workspace ws) throws CatalogException {
            var entry = LocalModelManager.catalog().require(catalogId);
            String id = LocalModelManager.downloadedId(entry, precision);
            for (Model m : ws.models().list()) {
                if (m.kind() == ModelKind.LOCAL_GENERATIVE && m.apiModelId().equals(id)) {
                    LocalModelSettings s = LocalModelSettings.of(m);
                    if (catalogId.equals(s.catalogId()) && !LocalModelHealth.check(app().localModels(), s).ok()) {
                        return m;
                    }
                }
            }
            return null;
        }
    }

    static ObjectNode json(Model m, ModelDirectory directory) {
        ObjectNode n = CliContext.object();
        n.put("uid", m.uid()).put("name", directory.qualifiedName(m)).put("apiModelId", m.apiModelId())
                .put("displayName", m.displayName()).put("kind", m.kind().code()).put("contextWindow", m.contextWindow())
                .put("removed", RemovedModels.isRemoved(m));
        n.putObject("capabilities").put("streaming", m.capabilities().streaming())
                .put("systemPrompt", m.capabilities().systemPrompt()).put("temperature", m.capabilities().temperature())
                .put("reasoning", m.capabilities().reasoning());
        n.set("timeouts", SetTimeoutsCommand.json(m, directory));
        return n;
    }
}
