package dev.switchyard.ui.models;

import dev.switchyard.app.models.RemovedModels;
import dev.switchyard.app.models.LocalModelManager;
import dev.switchyard.app.models.LocalModelSettings;
import dev.switchyard.local.catalog.CatalogModel;
import dev.switchyard.local.catalog.DownloadControl;
import dev.switchyard.local.catalog.DownloadProgress;
import dev.switchyard.ui.task.TaskRunner;
import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleObjectProperty;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.repo.SettingsRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The local side of the Models screen: the workspace's local generative and intent models, and the device
 * cost per hour that prices local runs (busy seconds × $/hour; 0 by default). No {@code javafx.scene}.
 */
public final class LocalModelsModel {

    private final TaskRunner tasks;
    private final LocalModelService service;
    private final ObservableList<LocalModelRow> models = FXCollections.observableArrayList();
    private final ObjectProperty<LocalModelRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper removing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);
    /**
     * Counts the reads of the local models: only the latest one is shown. A refresh started when the window got the
     * focus back from the Remove… dialog could end after the removal's own read and bring the removed row back.
     */
    private long reads;
    /** A model to select once the list holds it (-1: none). */
    private long pendingSelection = -1;
    private final ObservableList<CatalogModel> catalog = FXCollections.observableArrayList();
    private final ObjectProperty<CatalogModel> chosen = new SimpleObjectProperty<>();
    private final ObjectProperty<dev.switchyard.local.catalog.CatalogPrecision> precision = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private volatile DownloadControl control;
    /** The mirror the running download fetches from, which its progress names; null for the catalog's hub. */
    private volatile String source;
    private volatile long lastPost;
    /** A download from a mirror failed: {@link #downloadFromHub} can fetch it from the hub instead. */
    private final ReadOnlyBooleanWrapper hubOffered = new ReadOnlyBooleanWrapper(false);
    /** What {@link #downloadFromHub} runs (the failed download, from the hub); null when nothing is offered. */
    private Runnable fromHub;
    private final StringProperty deviceCost = new SimpleStringProperty("0");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private Workspace workspace;
    /** The device cost as last read or saved: a field differing from it is being edited. */
    private String storedCost = "0";

    public LocalModelsModel(TaskRunner tasks, LocalModelService service) {
        this.tasks = tasks;
        this.service = service;
        chosen.addListener((o, was, now) -> precision.set(now == null ? null : now.recommendedPrecision()));
        tasks.run("Load model catalog", service::catalog, list -> {
            catalog.setAll(list);
            if (!list.isEmpty()) {
                chosen.set(list.get(0));
            }
        }, e -> message.set("Could not read the model catalog: " + e.getMessage()));
    }

    /** Recommended models that can be downloaded. */
    public ObservableList<CatalogModel> catalog() { return catalog; }

    public ObjectProperty<CatalogModel> chosenProperty() { return chosen; }

    /** The precision to download the chosen model in; set to its recommended one whenever another model is chosen. */
    public ObjectProperty<dev.switchyard.local.catalog.CatalogPrecision> precisionProperty() { return precision; }

    /** True while a download or import runs. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /** 0..1, or -1 (indeterminate) while the size is unknown. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }

    /**
     * "Downloading model.onnx (2/5) · 120 / 480 MB · 8.1 MB/s · 44 s left", with " · from http://mirror.lan/" when it
     * comes from a mirror.
     */
    public ReadOnlyStringProperty progressTextProperty() { return progressText.getReadOnlyProperty(); }

    /** Downloads the chosen catalog model (resuming an earlier part), validates and registers it. */
    public void download() {
        Workspace ws = workspace;
        CatalogModel m = chosen.get();
        if (ws == null || m == null || busy.get()) {
            return;
        }
        String p = precision.get() == null || precision.get().recommended() ? null : precision.get().id();
        // a model the workspace already has comes from the mirror its row keeps (LocalModelManager#download)
        String id = LocalModelManager.downloadedId(m, p);
        String mirror = models.stream().filter(r -> r.model().apiModelId().equals(id))
                .map(r -> LocalModelManager.keptMirror(r.model(), m.id())).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
        download(ws, m, p, mirror, false);
    }

    /** {@link #download()} from {@code mirror} (null: the hub), or with {@code hub} from the hub instead of it. */
    private void download(Workspace ws, CatalogModel m, String p, String mirror, boolean hub) {
        String from = hub ? FROM_HUB : from(mirror);
        DownloadControl c = startDownload("Preparing the download of " + m.displayName() + from + " …", hub ? null : mirror);
        tasks.run("Download " + m.id(), () -> hub ? service.downloadFromHub(ws, m.id(), p, this::post, c)
                : service.download(ws, m.id(), p, this::post, c), model -> {
            setWorkspace(ws);
            finish("Downloaded and validated " + model.displayName() + from + "; it is ready in Compare."
                    + forgotten(mirror, hub));
        }, e -> failed(c, "Download stopped; starting again resumes it.",
                "Could not download " + m.displayName() + from + ": " + e.getMessage(), m.displayName(), mirror, hub,
                () -> download(ws, m, p, mirror, true)));
    }

    private static final String FROM_HUB = " from Hugging Face";

    /** True after a download from a mirror failed: Download from Hugging Face ({@link #downloadFromHub}) is offered. */
    public ReadOnlyBooleanProperty hubOfferedProperty() { return hubOffered.getReadOnlyProperty(); }

    /**
     * Runs the download that failed from a mirror again from the catalog's hub, Hugging Face; once done, its row no
     * longer keeps the mirror (as {@code models download … --mirror https://huggingface.co/}).
     */
    public void downloadFromHub() {
        Runnable r = fromHub;
        if (r != null && !busy.get()) {
            r.run();
        }
    }

    /**
     * Ends a download that failed or was stopped. One that came from {@code mirror} (or went to the hub instead of it)
     * offers Download from Hugging Face, and a failure says why it might help.
     */
    private void failed(DownloadControl c, String stopped, String failed, String name, String mirror, boolean hub,
                        Runnable retryFromHub) {
        if (c.isCancelled()) {
            finish(hub ? "Download stopped; Download from Hugging Face resumes it." : stopped);
        } else {
            finish(failed + (mirror == null || hub ? "" : (failed.endsWith(".") ? "" : ".") + " If the mirror is gone or "
                    + "out of date, Download from Hugging Face gets the files from the hub instead and stops using the "
                    + "mirror for " + name + "."));
        }
        if (mirror != null && (hub || !c.isCancelled())) {
            fromHub = retryFromHub;
            hubOffered.set(true);
        }
    }

    /** " It no longer uses the mirror http://mirror.lan/." after a download from the hub instead of it, else "". */
    private static String forgotten(String mirror, boolean hub) {
        return hub && mirror != null ? " It no longer uses the mirror " + mirror + "." : "";
    }

    /** " from the mirror http://mirror.lan/" for a download from a mirror, "" for the catalog's hub. */
    static String from(String mirror) {
        return mirror == null ? "" : " from the mirror " + mirror;
    }

    /** The pane is busy with {@code text} under an indeterminate progress bar until {@code finish}. */
    private void startBusy(String text) {
        fromHub = null;
        hubOffered.set(false);
        busy.set(true);
        progress.set(-1);
        progressText.set(text);
    }

    /** {@link #startBusy} for a download, which Stop can cancel, from {@code mirror} (null: the hub). */
    private DownloadControl startDownload(String text, String mirror) {
        DownloadControl c = new DownloadControl();
        control = c;
        source = mirror;
        startBusy(text);
        return c;
    }

    /** Stops the running download (the part kept on disk resumes next time). */
    public void cancelDownload() {
        DownloadControl c = control;
        if (c != null) {
            c.cancel();
        }
    }

    /** Validates a model folder with the engine and adds it to the workspace (its default ONNX file). */
    public void importFolder(Path folder) {
        importFolder(folder, null);
    }

    /** The folder's runnable ONNX files, the default first; more than one: the user chooses ({@link #importFolder(Path, String)}). */
    public List<LocalModelManager.Variant> variants(Path folder) {
        return LocalModelManager.variants(folder);
    }

    /** {@link #variants} read off the UI thread (folder listing, JSON files, sizes), then given to {@code then}. */
    public void variants(Path folder, java.util.function.Consumer<List<LocalModelManager.Variant>> then) {
        tasks.run("List model files", () -> variants(folder), then,
                e -> message.set("Could not list " + folder.getFileName() + ": " + e.getMessage()));
    }

    /**
     * Validates a model folder with the engine and adds it to the workspace; {@code variant}: the ONNX file to run
     * (null: the default), imported as its own model so two files of one folder can run side by side.
     */
    public void importFolder(Path folder, String variant) {
        Workspace ws = workspace;
        if (ws == null || folder == null || busy.get()) {
            return;
        }
        startBusy("Checking " + folder.getFileName() + " with the local engine …");
        tasks.run("Import model", () -> service.importFolder(ws, folder, variant), model -> {
            setWorkspace(ws);
            finish("Imported " + model.displayName() + ".");
        }, e -> finish("Could not import " + folder.getFileName() + ": " + e.getMessage()));
    }

    /** The row selected in the table (the one {@link #removeSelected} removes). */
    public ObjectProperty<LocalModelRow> selectedProperty() { return selected; }

    /** True while a removal runs. */
    public ReadOnlyBooleanProperty removingProperty() { return removing.getReadOnlyProperty(); }

    /**
     * Removes the selected local generative model from the workspace (while runs refer to it its row stays, out of the
     * lists: {@link RemovedModels}), and
     * with {@code deleteFiles} deletes its files when Switchyard downloaded them; the message says what happened.
     */
    public void removeSelected(boolean deleteFiles) {
        Workspace ws = workspace;
        onSelected(removing, "remove", "Removing", (w, row) -> service.remove(w, row.model(), deleteFiles), null,
                (row, r) -> {
                    setWorkspace(ws);
                    message.set(r.describe(row.model().displayName()));
                });
    }

    /** A blocking action on a local model's files, run off the UI thread. */
    private interface RowWork<T> {
        T run(Workspace ws, LocalModelRow row) throws Exception;
    }

    /**
     * Runs {@code work} on the selected model's row in the background while {@code flag} is set and the message says
     * "{@code doing} SmolLM2 135M …"; then {@code after} (null: nothing) whatever the outcome, and {@code done} with the
     * result, or the message "Could not {@code what} SmolLM2 135M: why". Nothing without a workspace, a selected row
     * that can be removed, or while {@code flag} is set (the same action runs).
     */
    private <T> void onSelected(ReadOnlyBooleanWrapper flag, String what, String doing, RowWork<T> work, Runnable after,
                                java.util.function.BiConsumer<LocalModelRow, T> done) {
        Workspace ws = workspace;
        LocalModelRow row = selected.get();
        if (ws == null || row == null || !row.removable() || flag.get()) {
            return;
        }
        String name = row.model().displayName();
        flag.set(true);
        message.set(doing + " " + name + " …");
        Runnable ended = () -> {
            flag.set(false);
            if (after != null) {
                after.run();
            }
        };
        tasks.run(Character.toUpperCase(what.charAt(0)) + what.substring(1) + " " + name, () -> work.run(ws, row), r -> {
            ended.run();
            done.accept(row, r);
        }, e -> {
            ended.run();
            message.set("Could not " + what + " " + name + ": " + e.getMessage());
        });
    }

    /**
     * Fixes the selected model's files with the action its row offers ({@link LocalModelRow#fix}): a catalog model is
     * downloaded again (the files that differ replaced, with the download's progress and Stop), an imported one is
     * validated and recorded again from its folder. A folder that is gone needs {@link #importSelectedAgain(Path)}.
     */
    public void fixSelected() {
        LocalModelRow row = selected.get();
        if (row == null) {
            return;
        }
        switch (row.fix()) {
            case DOWNLOAD_AGAIN -> downloadSelectedAgain();
            case IMPORT_AGAIN -> importSelectedAgain(null);
            default -> { }
        }
    }

    private void downloadSelectedAgain() {
        Workspace ws = workspace;
        LocalModelRow row = selected.get();
        if (ws == null || row == null || busy.get()) {
            return;
        }
        downloadAgain(ws, row, false);
    }

    /** Downloads {@code row} again from where it came from (its mirror, else the hub), or with {@code hub} from the hub. */
    private void downloadAgain(Workspace ws, LocalModelRow row, boolean hub) {
        String name = row.model().displayName();
        String mirror = row.mirror();
        String from = hub ? FROM_HUB : from(mirror); // downloaded again from where it came from
        DownloadControl c = startDownload("Preparing to download " + name + " again" + from + " …", hub ? null : mirror);
        tasks.run("Download " + name + " again", () -> hub ? service.downloadAgainFromHub(ws, row.model(), this::post, c)
                : service.downloadAgain(ws, row.model(), this::post, c), model -> {
            refresh();
            finish("Downloaded " + model.displayName() + " again" + from + "; its files are complete and it is ready "
                    + "in Compare." + forgotten(mirror, hub));
        }, e -> failed(c, "Download stopped; Download again resumes it.",
                "Could not download " + name + " again" + from + ": " + e.getMessage(), name, mirror, hub,
                () -> downloadAgain(ws, row, true)));
    }

    /**
     * Validates the selected imported model's folder with the engine again and records its files in the same row:
     * {@code folder} is where the folder is now (it was moved), null for the folder it was imported from.
     */
    public void importSelectedAgain(Path folder) {
        Workspace ws = workspace;
        LocalModelRow row = selected.get();
        if (ws == null || row == null || !row.removable() || busy.get()) {
            return;
        }
        String name = row.model().displayName();
        startBusy("Checking " + (folder != null ? folder : row.files().folder()).getFileName()
                + " with the local engine …");
        tasks.run("Import " + name + " again", () -> service.importAgain(ws, row.model(), folder), model -> {
            refresh();
            finish("Imported " + model.displayName() + " again; its files are recorded as they are now and it is ready "
                    + "in Compare.");
        }, e -> finish("Could not import " + name + " again: " + e.getMessage()));
    }

    /** True while {@link #checkSelectedFiles} reads the files. */
    public ReadOnlyBooleanProperty checkingProperty() { return checking.getReadOnlyProperty(); }

    /**
     * Reads every file of the selected local model again and compares it with what was recorded at import or download
     * (the check the picker does only for files whose time changed); the message says what was found.
     */
    public void checkSelectedFiles() {
        onSelected(checking, "check the files of", "Checking the files of", (ws, row) -> service.checkFiles(ws, row.model()),
                this::refresh, (row, h) -> message.set(h.ok() ? "The files of " + row.model().displayName()
                        + " are as they were when it was "
                        + (LocalModelSettings.of(row.model()).catalogId() != null ? "downloaded" : "imported")
                        + (h.hashed() > 0 ? " (" + h.hashed() + (h.hashed() == 1 ? " file" : " files")
                        + " read and compared)." : ".") : h.reason() + " " + h.fix()));
    }

    /** Selects the local model of this id once the list holds it (Compare's "Fix in Models…" of a damaged model). */
    public void selectModel(long id) {
        pendingSelection = id;
        selectPending();
    }

    private void selectPending() {
        if (pendingSelection < 0) {
            return;
        }
        models.stream().filter(r -> r.model().id() == pendingSelection).findFirst().ifPresent(r -> {
            selected.set(r);
            pendingSelection = -1;
        });
    }

    private void finish(String text) {
        busy.set(false);
        control = null;
        source = null;
        progress.set(0);
        progressText.set("");
        message.set(text);
    }

    /** Download progress arrives on the download thread: at most ~10 UI updates a second, phases always. */
    private void post(DownloadProgress p) {
        long now = System.nanoTime();
        boolean phaseChange = p.phase() != DownloadProgress.Phase.DOWNLOADING;
        if (!phaseChange && now - lastPost < 100_000_000L) {
            return;
        }
        lastPost = now;
        String mirror = source;
        String text = describe(p) + (mirror == null ? "" : " · from " + mirror);
        double f = p.fraction();
        tasks.onUiThread(() -> {
            if (busy.get()) {
                progress.set(f);
                progressText.set(text);
            }
        });
    }

    static String describe(DownloadProgress p) {
        String what = switch (p.phase()) {
            case PLANNING -> "Planning";
            case DOWNLOADING -> "Downloading";
            case RETRYING -> "Retrying";
            case VERIFYING -> "Verifying";
            case FILE_DONE -> "Finished";
            case DONE -> "Validating with the engine";
        };
        StringBuilder sb = new StringBuilder(what);
        if (p.file() != null && p.phase() != DownloadProgress.Phase.DONE) {
            sb.append(' ').append(p.file().substring(p.file().lastIndexOf('/') + 1))
                    .append(" (").append(p.fileIndex()).append('/').append(p.fileCount()).append(')');
        }
        if (p.bytesTotal() > 0) {
            sb.append(String.format(Locale.ROOT, " · %,.0f / %,.0f MB", p.bytesDone() / 1e6, p.bytesTotal() / 1e6));
        }
        if (p.bytesPerSecond() > 0 && p.phase() == DownloadProgress.Phase.DOWNLOADING) {
            sb.append(String.format(Locale.ROOT, " · %.1f MB/s", p.bytesPerSecond() / 1e6));
        }
        if (p.timeLeft() != null && p.phase() == DownloadProgress.Phase.DOWNLOADING) {
            sb.append(" · ").append(p.timeLeft().toSeconds()).append(" s left");
        }
        return sb.toString();
    }

    /** The workspace's local models with their files (sizes are read from disk when the workspace is set). */
    public ObservableList<LocalModelRow> models() { return models; }

    /** USD per hour of device time, as typed. */
    public StringProperty deviceCostProperty() { return deviceCost; }

    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    public void setWorkspace(Workspace ws) {
        if (ws != workspace) {
            fromHub = null; // a download of the workspace left
            hubOffered.set(false);
        }
        workspace = ws;
        models.clear();
        message.set("");
        deviceCost.set(storedCost); // a cost typed for the workspace left is not this one's (the window asked before)
        if (ws == null) {
            return;
        }
        long read = ++reads;
        tasks.run("Load local models", () -> load(ws), loaded -> {
            if (ws == workspace && read == reads) {
                models.setAll(loaded.rows());
                storedCost = format(loaded.cost());
                deviceCost.set(storedCost);
                selectPending();
            }
        }, e -> message.set("Could not read local models: " + e.getMessage()));
    }

    /**
     * Reads the local models again (one the CLI downloaded or imported meanwhile shows), keeping the selected one and
     * a device cost being typed.
     */
    public void refresh() {
        Workspace ws = workspace;
        if (ws == null) {
            return;
        }
        long read = ++reads;
        tasks.run("Load local models", () -> load(ws), loaded -> {
            if (ws != workspace || read != reads) {
                return; // a later read is on its way (a removal's, say): this one may predate it
            }
            LocalModelRow was = selected.get();
            if (!loaded.rows().equals(models)) {
                models.setAll(loaded.rows());
            }
            if (was != null) {
                selected.set(loaded.rows().stream().filter(r -> r.model().id() == was.model().id()).findFirst()
                        .orElse(null));
            }
            selectPending();
            String cost = format(loaded.cost());
            if (deviceCost.get() == null || deviceCost.get().equals(storedCost)) {
                deviceCost.set(cost);
            }
            storedCost = cost;
        }, e -> message.set("Could not read local models: " + e.getMessage()));
    }

    private Loaded load(Workspace ws) throws Exception {
        List<LocalModelRow> rows = new ArrayList<>();
        for (Model m : RemovedModels.inUse(ws.models().list())) {
            if (m.kind() == ModelKind.LOCAL_GENERATIVE) {
                rows.add(new LocalModelRow(m, service.files(m)));
            } else if (m.kind() == ModelKind.LOCAL_INTENT) {
                rows.add(new LocalModelRow(m, null));
            }
        }
        return new Loaded(rows, ws.settings().getDouble(SettingsRepository.DEVICE_COST_PER_HOUR, 0));
    }

    /**
     * "the device cost per hour" while the field holds another cost than the one stored (the same amount written another
     * way, "0.40" for "0.4", is no change), else null: what quitting or opening another workspace names as not saved.
     */
    public String unsavedWork() {
        String typed = deviceCost.get() == null ? "" : deviceCost.get().strip();
        if (workspace == null || typed.equals(storedCost)) {
            return null;
        }
        try {
            if (Double.parseDouble(typed.replace("$", "")) == Double.parseDouble(storedCost)) {
                return null;
            }
        } catch (NumberFormatException e) {
            // not a number (yet): still typed
        }
        return "the device cost per hour";
    }

    /** Saves the device cost per hour (a number ≥ 0). */
    public void saveDeviceCost() {
        Workspace ws = workspace;
        double v;
        try {
            v = Double.parseDouble(deviceCost.get().strip().replace("$", ""));
        } catch (NumberFormatException | NullPointerException e) {
            message.set("'" + deviceCost.get() + "' is not a number; enter the device cost in USD per hour, e.g. 0.40.");
            return;
        }
        if (v < 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            message.set("The device cost cannot be negative.");
            return;
        }
        if (ws == null) {
            return;
        }
        tasks.run("Save device cost", () -> {
            ws.settings().put(SettingsRepository.DEVICE_COST_PER_HOUR, Double.toString(v));
            return v;
        }, saved -> {
            storedCost = format(saved);
            message.set("Local runs now cost $" + format(saved) + " per busy hour of this device.");
        },
                e -> message.set("Could not save the device cost: " + e.getMessage()));
    }

    static String format(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private record Loaded(List<LocalModelRow> rows, double cost) {
    }
}
