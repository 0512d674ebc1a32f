package dev.switchyard.app.models;

import dev.switchyard.app.engine.local.LocalModels;
import dev.switchyard.local.LoadOptions;
import dev.switchyard.local.LocalEngineException;
import dev.switchyard.local.ModelInfo;
import dev.switchyard.local.catalog.CatalogException;
import dev.switchyard.local.catalog.CatalogFile;
import dev.switchyard.local.catalog.CatalogModel;
import dev.switchyard.local.catalog.DownloadControl;
import dev.switchyard.local.catalog.DownloadProgress;
import dev.switchyard.local.catalog.ModelCatalog;
import dev.switchyard.local.catalog.ModelDownloader;
import dev.switchyard.local.catalog.ModelStore;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The model manager: the recommended-model catalog shipped in assets, downloads into the machine's
 * model folder (shared by every workspace), validation by the real decoder engine before anything is
 * registered, and the workspace's model row.
 */
public final class LocalModelManager {

    private final LocalModels localModels;
    private final Path modelsRoot;
    private final URI mirror;

    /**
     * @param modelsRoot where downloaded models live (default: the "models" folder beside the default workspace)
     * @param mirror     a host serving the same URL layout as the hub ({@code <root>/<repo>/resolve/main/<file>}), null = the hub
     */
    public LocalModelManager(LocalModels localModels, Path modelsRoot, URI mirror) {
        this.localModels = localModels;
        this.modelsRoot = modelsRoot;
        this.mirror = mirror;
    }

    public static Path defaultModelsRoot() {
        return Workspace.defaultFile().toAbsolutePath().getParent().resolve("models");
    }

    public static ModelCatalog catalog() {
        try (InputStream in = Assets.open("models/catalog.json")) {
            return ModelCatalog.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the shipped model catalog", e);
        } catch (CatalogException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Downloads (resuming any earlier part), validates with the engine, and registers the model in the workspace. */
    public Model download(ModelDirectory directory, String catalogId, String precisionId, Consumer<DownloadProgress> progress,
                          DownloadControl control) throws CatalogException, LocalEngineException {
        CatalogModel entry = catalog().require(catalogId);
        String precision = precisionId == null ? entry.recommendedPrecision().id() : precisionId;
        String variant = variant(entry, precision);
        ModelStore store = new ModelStore(modelsRoot, info -> { });
        Path folder = store.downloadFolder(entry, precision);
        ModelDownloader.Options options = ModelDownloader.Options.defaults();
        ModelDownloader downloader = ModelDownloader.create(mirror == null ? options : options.withMirror(mirror));
        downloader.download(entry, precision, folder, progress, control);
        ModelInfo info = localModels.engine().validate(folder, variant == null ? LoadOptions.defaults() : LoadOptions.variant(variant));
        store.registerDownloaded(entry, precision, folder);
        return directory.registerLocal(entry.id(), entry.displayName(), entry.contextLength() > 0 ? entry.contextLength() : info.contextLength(),
                        ModelKind.LOCAL_GENERATIVE, new LocalModelSettings(folder, variant, entry.id()));
    }

    /** The ONNX file of a precision (the first .onnx among its files), as the engine's variant name. */
    static String variant(CatalogModel entry, String precision) throws CatalogException {
        return entry.filesFor(precision).stream().map(CatalogFile::path).filter(p -> p.endsWith(".onnx"))
                .map(p -> p.substring(p.lastIndexOf('/') + 1)).findFirst().orElse(null);
    }
}
