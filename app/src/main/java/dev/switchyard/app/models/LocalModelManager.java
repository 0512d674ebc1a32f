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
import dev.switchyard.local.catalog.StoredModel;
import dev.switchyard.workspace.SwitchyardHome;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The model manager: the recommended-model catalog shipped in assets, downloads into the machine's
 * model folder (shared by every workspace), validation by the real decoder engine before anything is
 * registered, and the workspace's model row.
 */
public final class LocalModelManager {

    private final LocalModels localModels;
    private final Path modelsRoot;
    /**
     * The catalog's hub (Hugging Face) given as a mirror, as {@code models download --mirror https://huggingface.co/}
     * does: the files come from the hub whatever mirror a row keeps, and the row forgets that mirror
     * ({@link #mirrorOf} keeps nothing for the hub). Models → Download from Hugging Face uses it when a mirror failed.
     */
    public static final URI HUB = URI.create("https://huggingface.co/");

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
        return SwitchyardHome.directory().resolve("models");
    }

    /**
     * One runnable ONNX file of a model folder, for choosing which to import.
     *
     * @param file      its name (under onnx/, or the genai decoder file)
     * @param bytes     its size with its external data
     * @param note      what it is, in words ("4-bit weights: the fastest on a CPU" …)
     * @param preferred the engine's default choice for the folder (listed first)
     */
    public record Variant(String file, long bytes, String note, boolean preferred) {
    }

    /**
     * The folder's runnable ONNX files, the engine's default first (cheap: reads the folder's JSON files and sizes,
     * loads nothing); empty when it is not a model folder (importing it then says why).
     */
    public static java.util.List<Variant> variants(Path folder) {
        java.util.List<Variant> out = new java.util.ArrayList<>();
        try {
            dev.switchyard.local.onnx.ModelFolder f = dev.switchyard.local.onnx.ModelFolder.resolve(folder, null);
            for (String v : f.variants()) {
                out.add(new Variant(v, dev.switchyard.local.onnx.ModelFolder.fileBytes(f.variantFile(v)), variantNote(v),
                        out.isEmpty()));
            }
        } catch (LocalEngineException e) {
            return java.util.List.of();
        }
        return out;
    }

    /** What a variant's file name says about it (onnx-community names). */
    static String variantNote(String file) {
        String n = file.toLowerCase(Locale.ROOT);
        if (n.contains("q4f16")) {
            return "4-bit weights, float16 activations: slow on a CPU";
        }
        if (n.contains("fp16")) {
            return "float16: slow on a CPU";
        }
        if (n.contains("bnb4")) {
            return "4-bit weights (bitsandbytes)";
        }
        if (n.contains("q4") || n.contains("int4")) {
            return "4-bit weights: the fastest on a CPU";
        }
        if (n.contains("int8") || n.contains("uint8") || n.contains("quantized")) {
            return "8-bit weights";
        }
        if (n.equals("model.onnx")) {
            return "32-bit float: full precision, the largest";
        }
        return "ONNX file";
    }

    /**
     * The workspace id of an imported folder: the folder's name, or with a variant other than the default,
     * {@code folder-variant} (e.g. {@code SmolLM2-135M-Instruct-model_fp16}), so two files of one folder can be
     * imported and compared side by side.
     */
    public static String importedId(Path folder, String variant) {
        String base = String.valueOf(folder.toAbsolutePath().normalize().getFileName());
        return variant == null ? base : base + "-" + variant.replaceFirst("\\.onnx$", "");
    }

    /** The display name of an imported folder: the model's name, and the file when it is not the default. */
    public static String importedName(String modelName, String variant) {
        return variant == null ? modelName : modelName + " (" + variant + ")";
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

    /**
     * Downloads (resuming any earlier part), validates with the engine, and registers the model in the workspace. From
     * this manager's mirror when it has one; without one, a model the workspace already has (the same catalog id and
     * precision) comes from the mirror its row keeps ({@link #keptMirror}), else from the catalog's hub.
     */
    public Model download(ModelDirectory directory, String catalogId, String precisionId, Consumer<DownloadProgress> progress,
                          DownloadControl control) throws CatalogException, LocalEngineException {
        CatalogModel entry = catalog().require(catalogId);
        String precision = precisionId == null ? entry.recommendedPrecision().id() : precisionId;
        return download(directory, entry, precision,
                directory.findLocal(downloadedId(entry, precision)).map(r -> keptMirror(r, entry.id())).orElse(null),
                progress, control);
    }

    /** {@link #download}: from this manager's mirror, else {@code kept} (a row's mirror), else the hub. */
    private Model download(ModelDirectory directory, CatalogModel entry, String precision, String kept,
                           Consumer<DownloadProgress> progress, DownloadControl control)
            throws CatalogException, LocalEngineException {
        String variant = variant(entry, precision);
        ModelStore store = new ModelStore(modelsRoot, info -> { });
        Path folder = store.downloadFolder(entry, precision);
        ModelDownloader.Options options = ModelDownloader.Options.defaults();
        URI from = mirror != null ? mirror : kept != null ? URI.create(kept) : null;
        ModelDownloader downloader = ModelDownloader.create(from == null ? options : options.withMirror(from));
        downloader.download(entry, precision, folder, progress, control);
        ModelInfo info = localModels.engine().validate(folder, variant == null ? LoadOptions.defaults() : LoadOptions.variant(variant));
        store.registerDownloaded(entry, precision, folder);
        LocalModelSettings settings = recorded(new LocalModelSettings(folder, variant, entry.id()))
                .withMirror(mirrorOf(entry, downloader.options().mirrorRoot()));
        localModels.unload(folder); // a session loaded from the files replaced here is stale
        return directory.registerLocal(downloadedId(entry, precision), downloadedName(entry, precision),
                entry.contextLength() > 0 ? entry.contextLength() : info.contextLength(),
                ModelKind.LOCAL_GENERATIVE, settings);
    }

    /**
     * Downloads a catalog model whose files changed or went missing again (Models → Download again): the files that
     * differ from what was recorded are deleted first — the downloader keeps a file that is present when the catalog
     * publishes no size or checksum for it — or every file of the precision when none can be told apart (a row with
     * nothing recorded, or files as recorded that the engine refused); then the download resumes as {@link #download}
     * does, in the same precision — from the mirror the row keeps unless this manager was given one — and the row
     * records the new files.
     */
    public Model downloadAgain(ModelDirectory directory, Model model, Consumer<DownloadProgress> progress,
                               DownloadControl control) throws CatalogException, LocalEngineException {
        LocalModelSettings s = LocalModelSettings.of(model);
        if (s.catalogId() == null) {
            throw new IllegalArgumentException(model.displayName() + " was imported from a folder, not downloaded; "
                    + "import its folder again instead.");
        }
        CatalogModel entry = catalog().require(s.catalogId());
        String precision = precisionOf(entry, s.variant());
        Path folder = s.path().toAbsolutePath().normalize();
        LocalModelHealth health = LocalModelHealth.check(localModels.integrity(), s, false);
        // the files that changed; when none can be told apart (nothing recorded, or the engine refused files that are as
        // recorded), every file of the precision
        java.util.List<String> damaged = health.problems().stream().map(p -> p.path()).toList();
        if (damaged.isEmpty()) {
            damaged = entry.filesFor(precision).stream().map(CatalogFile::target).toList();
        }
        if (folder.startsWith(modelsRoot.toAbsolutePath().normalize())) { // only Switchyard's own download is touched
            for (String file : damaged) {
                try {
                    Files.deleteIfExists(folder.resolve(file));
                } catch (IOException e) {
                    throw new CatalogException(CatalogException.Kind.IO, folder.resolve(file).toString(),
                            "Could not delete the damaged file " + folder.resolve(file) + " before downloading it again: "
                                    + e.getMessage(), e);
                }
            }
        }
        localModels.unload(folder);
        return download(directory, entry, precision, keptMirror(model, entry.id()), progress, control);
    }

    /**
     * The mirror a download of {@code entry} used, as its row keeps it (so the command that downloads it again names
     * it): null for the catalog's own hub — no mirror, or one that leads to the same URLs — else the root without any
     * user name or password in it.
     */
    static String mirrorOf(CatalogModel entry, URI root) {
        if (root == null || (root + entry.repo() + "/resolve/main/").equals(entry.baseUrl())) {
            return null;
        }
        if (root.getRawUserInfo() == null) {
            return root.toString();
        }
        try {
            return new URI(root.getScheme(), null, root.getHost(), root.getPort(), root.getPath(), root.getQuery(),
                    root.getFragment()).toString();
        } catch (java.net.URISyntaxException e) {
            return null; // not kept rather than kept with a password in it
        }
    }

    /**
     * The mirror a catalog model's row keeps ({@code models download --mirror}): where downloading it again fetches its
     * files from when no other mirror is given. Null for the hub, an imported model, another catalog entry's row
     * ({@code catalogId} not null and not the row's) or a row whose settings cannot be read.
     */
    public static String keptMirror(Model row, String catalogId) {
        if (row == null || row.kind() != ModelKind.LOCAL_GENERATIVE) {
            return null;
        }
        LocalModelSettings s;
        try {
            s = LocalModelSettings.of(row);
        } catch (IllegalStateException unreadable) {
            return null;
        }
        return s.catalogId() == null || (catalogId != null && !catalogId.equals(s.catalogId())) ? null : s.mirror();
    }

    /** The precision of a catalog entry whose ONNX file is {@code variant} (null: the recommended one). */
    public static String precisionOf(CatalogModel entry, String variant) throws CatalogException {
        if (variant != null) {
            for (var p : entry.precisions()) {
                if (variant.equals(variant(entry, p.id()))) {
                    return p.id();
                }
            }
        }
        return entry.recommendedPrecision().id();
    }

    /** What {@link #importFolder} registered, and what the engine found in the folder. */
    public record Imported(Model model, ModelInfo info) {
    }

    /**
     * Validates a model folder with the engine, records its files (INTENT-AND-CATALOG.md §2.5) and registers it as
     * {@code id} (null: {@link #importedId}); an existing row of that id is updated (Models → Import again).
     */
    public Imported importFolder(ModelDirectory directory, Path folder, String variant, String id, String displayName)
            throws LocalEngineException {
        Path dir = folder.toAbsolutePath().normalize();
        ModelInfo info = localModels.engine().validate(dir, variant == null ? LoadOptions.defaults() : LoadOptions.variant(variant));
        LocalModelSettings settings = recorded(new LocalModelSettings(dir, variant, null));
        localModels.unload(dir); // a session loaded from the files replaced here is stale
        Model m = directory.registerLocal(id != null ? id : importedId(dir, variant),
                displayName != null ? displayName : importedName(info.name(), variant),
                info.contextLength() > 0 ? info.contextLength() : null, ModelKind.LOCAL_GENERATIVE, settings);
        return new Imported(m, info);
    }

    /**
     * Imports an imported model's folder again into its own row (Models → Import again): from {@code folder}, or its
     * recorded folder when null — after the user put its files back, replaced them on purpose, or moved the folder.
     */
    public Imported importAgain(ModelDirectory directory, Model model, Path folder) throws LocalEngineException {
        LocalModelSettings s = LocalModelSettings.of(model);
        return importFolder(directory, folder != null ? folder : s.path(), s.variant(), model.apiModelId(),
                model.displayName());
    }

    /** The settings with the files a load of the folder reads recorded (size, time, SHA-256: reads them once). */
    private LocalModelSettings recorded(LocalModelSettings s) throws LocalEngineException {
        Path dir = s.path().toAbsolutePath().normalize();
        java.util.List<String> files = dev.switchyard.local.onnx.ModelFolder.resolve(dir, s.variant()).filesToRun();
        try {
            return s.withFiles(localModels.integrity().record(dir, files));
        } catch (IOException e) {
            throw new LocalEngineException(LocalEngineException.Kind.MODEL_NOT_FOUND, "Could not read the files of "
                    + dir + " to record them: " + e.getMessage(), e);
        }
    }

    /** The quick check of a local generative model's files (sizes and times; INTENT-AND-CATALOG.md §2.5). */
    public LocalModelHealth health(Model model) {
        return LocalModelHealth.check(localModels, LocalModelSettings.of(model));
    }

    /**
     * The check the user asks for (Models → Check files): every recorded file hashed again. A row of an older build,
     * with no files recorded, is validated with the engine and its files recorded from now on.
     */
    public LocalModelHealth checkFiles(ModelDirectory directory, Workspace ws, Model model) throws LocalEngineException {
        LocalModelSettings s = LocalModelSettings.of(model);
        LocalModelHealth h = LocalModelHealth.check(localModels, s, true);
        if (h.ok() && !s.recorded()) {
            Path dir = s.path().toAbsolutePath().normalize();
            localModels.engine().validate(dir, s.variant() == null ? LoadOptions.defaults() : LoadOptions.variant(s.variant()));
            LocalModelSettings now = recorded(s);
            ws.models().update(model.withSettings(now.toJson()));
            return LocalModelHealth.check(localModels, now);
        }
        return h;
    }

    /**
     * The workspace id of a downloaded catalog model: the entry's id for its recommended precision, {@code id-precision}
     * for another (e.g. {@code smollm2-135m-instruct-fp32}), so two precisions can be compared side by side.
     */
    public static String downloadedId(CatalogModel entry, String precision) {
        return precision == null || precision.equals(entry.recommendedPrecision().id()) ? entry.id() : entry.id() + "-" + precision;
    }

    /** The display name of a downloaded catalog model: with the precision's label when it is not the recommended one. */
    public static String downloadedName(CatalogModel entry, String precision) {
        if (precision == null || precision.equals(entry.recommendedPrecision().id())) {
            return entry.displayName();
        }
        String label = entry.precisions().stream().filter(p -> p.id().equals(precision)).map(p -> p.label())
                .findFirst().orElse(precision);
        return entry.displayName() + " (" + label + ")";
    }

    /**
     * What {@link #remove} did.
     *
     * @param rowRemoved   the model's row left the workspace (false: runs or prices refer to it, so the row stays for
     *                     History, marked removed: {@link RemovedModels})
     * @param filesDeleted its folder was deleted from disk
     * @param bytesFreed   the size of the deleted folder
     * @param folder       the model's folder
     * @param downloaded   the folder is one of Switchyard's downloads (in the models folder), not an imported one
     */
    public record Removal(boolean rowRemoved, boolean filesDeleted, long bytesFreed, Path folder, boolean downloaded) {

        /** One sentence for the user about what happened to {@code name}. */
        public String describe(String name) {
            String freed = String.format(Locale.ROOT, "%,.0f MB", bytesFreed / 1e6);
            if (rowRemoved) {
                return "Removed " + name + (filesDeleted ? " and deleted its files (" + freed + ")."
                        : downloaded ? "; its files stay in " + folder + "."
                        : "; its folder " + folder + " was imported, so it stays on disk.");
            }
            return "Removed " + name + " from the lists of models; History keeps it for its runs"
                    + (filesDeleted ? ". Deleted its files (" + freed + ")."
                    : downloaded ? ". Its files stay in " + folder + "; remove it again with its files to free the space."
                    : ". Its folder " + folder + " was imported, so it stays on disk.");
        }
    }

    /**
     * Removes a local generative model: unloads it from the engine, deletes its workspace row unless runs or prices
     * refer to it (the row then stays for their history, marked removed: {@link RemovedModels}), and with
     * {@code deleteFiles} deletes its folder when it is one of Switchyard's downloads. An imported folder is the user's
     * and is never deleted. A download lives in the models folder shared by every workspace on the machine: another
     * workspace that uses it needs to download it again.
     */
    public Removal remove(Workspace ws, Model model, boolean deleteFiles) throws CatalogException {
        if (model.kind() != ModelKind.LOCAL_GENERATIVE) {
            throw new IllegalArgumentException(model.displayName() + " is not a local generative model; it has no files.");
        }
        Path folder = folderOf(model);
        Optional<StoredModel> stored = storedDownload(folder);
        localModels.unload(folder);
        // runs or prices referring to it keep the row for them, out of every list of models to use
        boolean rowRemoved = RemovedModels.remove(ws, model, Instant.now());
        long bytes = 0;
        if (deleteFiles && stored.isPresent()) {
            bytes = ModelStore.bytesOnDisk(folder);
            new ModelStore(modelsRoot, info -> { }).delete(stored.get().id());
        }
        return new Removal(rowRemoved, deleteFiles && stored.isPresent(), bytes, folder, stored.isPresent());
    }

    /**
     * What is on disk for a local generative model.
     *
     * @param downloaded the folder is one of Switchyard's downloads (its files can be deleted with {@link #remove})
     */
    public record LocalFiles(Path folder, long bytes, boolean present, boolean downloaded, LocalModelHealth health) {

        /** Without a check of its files (taken as they were). */
        public LocalFiles(Path folder, long bytes, boolean present, boolean downloaded) {
            this(folder, bytes, present, downloaded, null);
        }
    }

    /**
     * The folder of a local generative model, its size, whether Switchyard downloaded it (walks the folder), and the
     * quick check of its files against what was recorded at import or download.
     */
    public LocalFiles files(Model model) throws CatalogException {
        Path folder = folderOf(model);
        return new LocalFiles(folder, ModelStore.bytesOnDisk(folder), Files.isDirectory(folder),
                storedDownload(folder).isPresent(), health(model));
    }

    private static Path folderOf(Model model) {
        return LocalModelSettings.of(model).path().toAbsolutePath().normalize();
    }

    /** The model store's entry of a download in {@code folder}; nothing (and no store created) without a models folder. */
    private Optional<StoredModel> storedDownload(Path folder) throws CatalogException {
        if (!Files.isDirectory(modelsRoot)) {
            return Optional.empty();
        }
        return new ModelStore(modelsRoot, info -> { }).list().stream()
                .filter(m -> m.managed() && m.folder().equals(folder)).findFirst();
    }

    /** The ONNX file of a precision (the first .onnx among its files), as the engine's variant name. */
    static String variant(CatalogModel entry, String precision) throws CatalogException {
        return entry.filesFor(precision).stream().map(CatalogFile::path).filter(p -> p.endsWith(".onnx"))
                .map(p -> p.substring(p.lastIndexOf('/') + 1)).findFirst().orElse(null);
    }
}
