package dev.switchyard.ui.models;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.models.LocalModelManager;
import dev.switchyard.app.models.LocalModelSettings;
import dev.switchyard.app.models.ModelDirectory;
import dev.switchyard.local.LoadOptions;
import dev.switchyard.local.ModelInfo;
import dev.switchyard.local.catalog.CatalogModel;
import dev.switchyard.local.catalog.DownloadControl;
import dev.switchyard.local.catalog.DownloadProgress;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** What the Local models tab needs from the model manager (downloads, imports); blocking calls, run off the UI thread. */
public interface LocalModelService {

    /** The recommended models shipped with the app. */
    List<CatalogModel> catalog();

    /**
     * Downloads (resuming), validates with the engine and registers a catalog model in a precision (null: the
     * recommended one; another is registered as its own model, {@link LocalModelManager#downloadedId}); progress on the
     * calling thread.
     */
    Model download(Workspace ws, String catalogId, String precision, Consumer<DownloadProgress> progress,
                   DownloadControl control) throws Exception;

    /**
     * Validates a model folder with the engine and registers it; {@code variant}: the ONNX file to run, null for the
     * engine's default ({@link LocalModelManager#importedId}).
     */
    Model importFolder(Workspace ws, Path folder, String variant) throws Exception;

    /** The model manager that reads a model's files and removes models. */
    LocalModelManager manager();

    /** What is on disk for a local generative model (walks its folder). */
    default LocalModelManager.LocalFiles files(Model model) throws Exception {
        return manager().files(model);
    }

    /** Removes a local generative model, and with {@code deleteFiles} its downloaded files ({@link LocalModelManager#remove}). */
    default LocalModelManager.Removal remove(Workspace ws, Model model, boolean deleteFiles) throws Exception {
        return manager().remove(ws, model, deleteFiles);
    }

    /** The production service over the composition root's model manager (models folder beside the default workspace). */
    static LocalModelService of(AppContext context) {
        return new LocalModelService() {
            @Override
            public List<CatalogModel> catalog() {
                return LocalModelManager.catalog().models();
            }

            @Override
            public Model download(Workspace ws, String catalogId, String precision, Consumer<DownloadProgress> progress,
                                  DownloadControl control) throws Exception {
                return manager().download(context.directory(ws), catalogId, precision, progress, control);
            }

            @Override
            public LocalModelManager manager() {
                return new LocalModelManager(context.localModels(), LocalModelManager.defaultModelsRoot(), null);
            }

            @Override
            public Model importFolder(Workspace ws, Path folder, String variant) throws Exception {
                Path dir = folder.toAbsolutePath().normalize();
                ModelInfo info = context.localModels().engine().validate(dir,
                        variant == null ? LoadOptions.defaults() : LoadOptions.variant(variant));
                ModelDirectory directory = context.directory(ws);
                return directory.registerLocal(LocalModelManager.importedId(dir, variant),
                        LocalModelManager.importedName(info.name(), variant),
                        info.contextLength() > 0 ? info.contextLength() : null, ModelKind.LOCAL_GENERATIVE,
                        new LocalModelSettings(dir, variant, null));
            }
        };
    }
}
