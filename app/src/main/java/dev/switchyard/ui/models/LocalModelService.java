package dev.switchyard.ui.models;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.models.LocalModelHealth;
import dev.switchyard.app.models.LocalModelManager;
import dev.switchyard.local.catalog.CatalogModel;
import dev.switchyard.local.catalog.DownloadControl;
import dev.switchyard.local.catalog.DownloadProgress;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
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

    /**
     * Downloads a catalog model whose files changed or went missing again, in its precision, replacing the files that
     * differ ({@link LocalModelManager#downloadAgain}); progress on the calling thread.
     */
    Model downloadAgain(Workspace ws, Model model, Consumer<DownloadProgress> progress, DownloadControl control)
            throws Exception;

    /**
     * {@link #download} from the catalog's hub, Hugging Face, whatever mirror the workspace's row of that model keeps,
     * which the row then forgets ({@link LocalModelManager#HUB}, as {@code --mirror https://huggingface.co/}).
     */
    Model downloadFromHub(Workspace ws, String catalogId, String precision, Consumer<DownloadProgress> progress,
                          DownloadControl control) throws Exception;

    /** {@link #downloadAgain} from the catalog's hub, Hugging Face, instead of the mirror the row keeps, which it forgets. */
    Model downloadAgainFromHub(Workspace ws, Model model, Consumer<DownloadProgress> progress, DownloadControl control)
            throws Exception;

    /**
     * Validates an imported model's folder again and records its files into the same row
     * ({@link LocalModelManager#importAgain}): from {@code folder}, or the folder it was imported from when null.
     */
    Model importAgain(Workspace ws, Model model, Path folder) throws Exception;

    /** Hashes every recorded file of a local model again (an older row: validates and records it) — the user asked. */
    LocalModelHealth checkFiles(Workspace ws, Model model) throws Exception;

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
                return manager().importFolder(context.directory(ws), folder, variant, null, null).model();
            }

            @Override
            public Model downloadAgain(Workspace ws, Model model, Consumer<DownloadProgress> progress,
                                       DownloadControl control) throws Exception {
                return manager().downloadAgain(context.directory(ws), model, progress, control);
            }

            @Override
            public Model downloadFromHub(Workspace ws, String catalogId, String precision,
                                         Consumer<DownloadProgress> progress, DownloadControl control) throws Exception {
                return hub().download(context.directory(ws), catalogId, precision, progress, control);
            }

            @Override
            public Model downloadAgainFromHub(Workspace ws, Model model, Consumer<DownloadProgress> progress,
                                              DownloadControl control) throws Exception {
                return hub().downloadAgain(context.directory(ws), model, progress, control);
            }

            /** The model manager with the hub as its mirror: a row's kept mirror is not used, and is forgotten. */
            private LocalModelManager hub() {
                return new LocalModelManager(context.localModels(), LocalModelManager.defaultModelsRoot(),
                        LocalModelManager.HUB);
            }

            @Override
            public Model importAgain(Workspace ws, Model model, Path folder) throws Exception {
                return manager().importAgain(context.directory(ws), model, folder).model();
            }

            @Override
            public LocalModelHealth checkFiles(Workspace ws, Model model) throws Exception {
                return manager().checkFiles(context.directory(ws), ws, model);
            }
        };
    }
}
