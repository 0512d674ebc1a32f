package dev.switchyard.ui.models;

import dev.switchyard.app.engine.local.LocalModels;
import dev.switchyard.app.models.LocalModelManager;
import dev.switchyard.app.models.LocalModelSettings;
import dev.switchyard.app.models.ModelDirectory;
import dev.switchyard.cloud.catalog.CloudCatalog;
import dev.switchyard.local.catalog.CatalogModel;
import dev.switchyard.local.catalog.DownloadControl;
import dev.switchyard.local.catalog.DownloadProgress;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The shipped catalog with a download that reports progress and registers a row, without any network or engine.
 * Files and removal are the real model manager's, over {@link #modelsRoot} (absent unless a test sets one up).
 */
final class FakeLocalModels implements LocalModelService {

    boolean cancelBeforeDone;
    Path modelsRoot = Path.of("/nonexistent/switchyard-models");

    @Override
    public List<CatalogModel> catalog() {
        return LocalModelManager.catalog().models();
    }

    @Override
    public Model download(Workspace ws, String catalogId, String precision, Consumer<DownloadProgress> progress,
                          DownloadControl control) throws Exception {
        CatalogModel m = LocalModelManager.catalog().require(catalogId);
        String kept = directory(ws).findLocal(LocalModelManager.downloadedId(m, precision))
                .map(r -> LocalModelManager.keptMirror(r, catalogId)).orElse(null);
        if (mirrorGone && kept != null) {
            throw new java.net.ConnectException("Could not connect to " + kept + " (connection refused).");
        }
        return fetch(ws, catalogId, precision, progress, control);
    }

    /** The download itself, from wherever: progress, then the row registered (without a mirror). */
    private Model fetch(Workspace ws, String catalogId, String precision, Consumer<DownloadProgress> progress,
                        DownloadControl control) throws Exception {
        CatalogModel m = LocalModelManager.catalog().require(catalogId);
        progress.accept(new DownloadProgress(catalogId, "int4", DownloadProgress.Phase.DOWNLOADING, "onnx/model.onnx", 1, 2,
                50_000_000, 100_000_000, 50_000_000, 120_000_000, 8_000_000, Duration.ofSeconds(9)));
        if (cancelBeforeDone) {
            control.cancel();
            throw new IllegalStateException("cancelled");
        }
        progress.accept(new DownloadProgress(catalogId, "int4", DownloadProgress.Phase.DONE, null, 2, 2,
                0, 0, 120_000_000, 120_000_000, 0, null));
        return directory(ws).registerLocal(LocalModelManager.downloadedId(m, precision),
                LocalModelManager.downloadedName(m, precision), m.contextLength(), ModelKind.LOCAL_GENERATIVE,
                new LocalModelSettings(Path.of("/models", m.id()), null, m.id()));
    }

    /** No engine; the files' checks (and their hash cache) are the real ones, shared by every call as in the app. */
    final LocalModels localModels = new LocalModels(() -> {
        throw new AssertionError("no engine in this test");
    });
    /** Models downloaded again, by id. */
    final List<String> downloadedAgain = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public LocalModelManager manager() {
        return new LocalModelManager(localModels, modelsRoot, null);
    }

    /** Registers a real model folder as the real service does (its files recorded), without validating it in the engine. */
    @Override
    public Model importFolder(Workspace ws, Path folder, String variant) throws Exception {
        return register(ws, folder, variant, null, null);
    }

    private Model register(Workspace ws, Path folder, String variant, String id, String displayName) throws Exception {
        if (!java.nio.file.Files.isRegularFile(folder.resolve("config.json"))) {
            throw new IllegalArgumentException("No config.json in " + folder.getFileName() + ".");
        }
        var resolved = dev.switchyard.local.onnx.ModelFolder.resolve(folder, variant);
        LocalModelSettings settings = new LocalModelSettings(folder, variant, null)
                .withFiles(localModels.integrity().record(folder, resolved.filesToRun()));
        return directory(ws).registerLocal(id != null ? id : LocalModelManager.importedId(folder, variant),
                displayName != null ? displayName : LocalModelManager.importedName(resolved.name(), variant), 256,
                ModelKind.LOCAL_GENERATIVE, settings);
    }

    /** As the real one: the folder read and recorded again into the same row (here without the engine's validation). */
    @Override
    public Model importAgain(Workspace ws, Model model, Path folder) throws Exception {
        LocalModelSettings s = LocalModelSettings.of(model);
        Path dir = folder != null ? folder : s.path();
        if (dev.switchyard.local.onnx.ModelFolder.notOnnxReason(dev.switchyard.local.onnx.ModelFolder.resolve(dir,
                s.variant()).modelFile()) != null) {
            throw new IllegalArgumentException("The engine refused " + dir.getFileName() + ".");
        }
        return register(ws, dir, s.variant(), model.apiModelId(), model.displayName());
    }

    /** Reports progress and re-registers the row as a finished download would (failing from a mirror that is gone). */
    @Override
    public Model downloadAgain(Workspace ws, Model model, Consumer<DownloadProgress> progress, DownloadControl control)
            throws Exception {
        downloadedAgain.add(model.apiModelId());
        LocalModelSettings s = LocalModelSettings.of(model);
        if (mirrorGone && s.mirror() != null) {
            throw new java.net.ConnectException("Could not connect to " + s.mirror() + " (connection refused).");
        }
        return fetch(ws, s.catalogId(), null, progress, control);
    }

    /** {@link #downloadAgain} and {@link #download} fail for a row that keeps a mirror. */
    boolean mirrorGone;
    /** Downloads from the hub asked for (instead of a mirror), by id. */
    final List<String> fromHub = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** As {@link #download} from the hub: the row registered anew keeps no mirror. */
    @Override
    public Model downloadFromHub(Workspace ws, String catalogId, String precision, Consumer<DownloadProgress> progress,
                                 DownloadControl control) throws Exception {
        fromHub.add(catalogId);
        return fetch(ws, catalogId, precision, progress, control);
    }

    @Override
    public Model downloadAgainFromHub(Workspace ws, Model model, Consumer<DownloadProgress> progress,
                                      DownloadControl control) throws Exception {
        fromHub.add(model.apiModelId());
        return fetch(ws, LocalModelSettings.of(model).catalogId(), null, progress, control);
    }

    @Override
    public dev.switchyard.app.models.LocalModelHealth checkFiles(Workspace ws, Model model) {
        return dev.switchyard.app.models.LocalModelHealth.check(localModels, LocalModelSettings.of(model), true);
    }

    private static ModelDirectory directory(Workspace ws) {
        try (var ctx = new dev.switchyard.app.AppContext(n -> null, java.time.Clock.systemUTC())) {
            CloudCatalog catalog = ctx.catalog();
            return new ModelDirectory(ws, catalog, ctx.priceTable(), java.time.Clock.systemUTC());
        }
    }
}
