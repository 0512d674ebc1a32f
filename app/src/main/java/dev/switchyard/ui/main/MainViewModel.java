package dev.switchyard.ui.main;

import dev.switchyard.ui.task.TaskRunner;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.WorkspaceException;
import java.nio.file.Path;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** State of the main window: which workspace is open and what it holds. No {@code javafx.scene} here. */
public final class MainViewModel {

    /** What the window is doing. */
    public enum Mode { EMPTY, OPENING, READY, FAILED }

    /**
     * One line of the workspace overview: {@code key} as the workspace names it, {@code label} for people ("1 policy",
     * "3 intent sets"). Providers count the cloud ones (as the Models screen lists them): the row of the models on this
     * machine ("This device") is no provider a user added, so it is named beside the number instead of counted
     * ("2 cloud providers · this device").
     */
    public record CountRow(String key, String label, long count) {
        static CountRow of(String key, long count) {
            return new CountRow(key, dev.switchyard.workspace.RowNames.noun(count, key), count);
        }

        static CountRow providers(long cloud, boolean thisDevice) {
            return new CountRow("providers", (cloud == 1 ? "cloud provider" : "cloud providers")
                    + (thisDevice ? " · this device" : ""), cloud);
        }

        /** The rows of {@code counts} (row counts per aggregate), providers as {@link #providers}. */
        static java.util.List<CountRow> of(Counted counted) {
            return counted.counts().entrySet().stream().map(e -> e.getKey().equals("providers")
                    ? providers(counted.cloudProviders(), counted.thisDevice()) : of(e.getKey(), e.getValue())).toList();
        }
    }

    /** What the overview counts, read off the FX thread: rows per aggregate and which providers they are. */
    record Counted(Map<String, Long> counts, long cloudProviders, boolean thisDevice) {
        static Counted of(Workspace ws) {
            var providers = dev.switchyard.app.models.RemovedProviders.inUse(ws);
            long local = providers.stream().filter(p -> p.kind() == dev.switchyard.workspace.model.ProviderKind.LOCAL).count();
            return new Counted(ws.counts(), providers.size() - local, local > 0);
        }
    }

    private final TaskRunner tasks;
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.EMPTY);
    private final ReadOnlyStringWrapper workspaceName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper workspaceFile = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper schemaText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<CountRow> counts = FXCollections.observableArrayList();
    private final ObservableList<CountRow> countsView = FXCollections.unmodifiableObservableList(counts);
    private final ReadOnlyObjectWrapper<Workspace> workspaceProperty = new ReadOnlyObjectWrapper<>();
    /** Counts File → Refresh (F5) of the open workspace: screens re-read what another process may have changed. */
    private final javafx.beans.property.ReadOnlyIntegerWrapper refreshes = new javafx.beans.property.ReadOnlyIntegerWrapper();
    private Workspace workspace;

    private final java.util.function.Consumer<Workspace> prepare;

    public MainViewModel(TaskRunner tasks) {
        this(tasks, ws -> { });
    }

    /**
     * @param prepare run in the background on every workspace opened, before it is shown (seeds the
     *                shipped intent sets and prices: {@code AppContext::prepare})
     */
    public MainViewModel(TaskRunner tasks, java.util.function.Consumer<Workspace> prepare) {
        this.tasks = tasks;
        this.prepare = prepare;
    }

    // ---------------------------------------------------------------- properties

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty workspaceNameProperty() {
        return workspaceName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty workspaceFileProperty() {
        return workspaceFile.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty schemaTextProperty() {
        return schemaText.getReadOnlyProperty();
    }

    /** A sentence for the status bar: what happened last, or what went wrong and what to do. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObservableList<CountRow> counts() {
        return countsView;
    }

    /** The open workspace, if any. */
    public Workspace workspace() {
        return workspace;
    }

    /** The open workspace; screens listen to it to follow "open another workspace". */
    /** Changes after each Refresh of the open workspace (the workspace itself stays the same object). */
    public javafx.beans.property.ReadOnlyIntegerProperty refreshesProperty() {
        return refreshes.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
        return workspaceProperty.getReadOnlyProperty();
    }

    // ---------------------------------------------------------------- commands

    /** Opens (creating if absent) the workspace file; the previous one stays open if this fails. */
    public void open(Path file) {
        mode.set(Mode.OPENING);
        message.set("Opening " + file + " …");
        tasks.run("Open workspace", () -> {
            Workspace ws = Workspace.open(file);
            dev.switchyard.app.StartupLog.mark("workspace file opened (schema migrated)");
            try {
                prepare.accept(ws);
                dev.switchyard.app.StartupLog.mark("workspace prepared (shipped intent sets, prices, policy)");
                return Opened.of(ws);
            } catch (RuntimeException e) {
                ws.close();
                throw e;
            }
        }, this::showOpened, e -> showFailure(file, e));
    }

    /**
     * The file a new workspace goes to: the name typed in the save dialog, with {@code .switchyard} added when it has
     * no extension (the Open dialog lists only {@code *.switchyard} files; "team" came out as a file named "team").
     */
    public static Path withWorkspaceExtension(Path chosen) {
        String name = chosen.getFileName().toString();
        return name.contains(".") ? chosen : chosen.resolveSibling(name + ".switchyard");
    }

    /** Re-reads the counts of the open workspace. */
    public void refresh() {
        Workspace current = workspace;
        if (current == null) {
            return;
        }
        tasks.run("Refresh workspace", () -> Opened.of(current), opened -> {
            showOpened(opened);
            refreshes.set(refreshes.get() + 1);
        }, e -> showFailure(current.file(), e));
    }

    /** Counts the open workspace's rows again (off the UI thread), for the overview; nothing else is re-read. */
    public void recount() {
        Workspace current = workspace;
        if (current == null) {
            return;
        }
        tasks.run("Count workspace rows", () -> Counted.of(current), found -> {
            if (current == workspace) {
                counts.setAll(CountRow.of(found));
            }
        }, e -> message.set("Could not count the workspace's rows: " + e.getMessage()));
    }

    /** Closes the open workspace (on window close). */
    public void close() {
        if (workspace != null) {
            workspaceProperty.set(null);
            workspace.close();
            workspace = null;
        }
    }

    private void showOpened(Opened opened) {
        Workspace previous = workspace;
        workspace = opened.workspace();
        workspaceProperty.set(workspace); // screens leave the previous one first (Compare keeps its draft there)
        if (previous != null && previous != workspace) {
            previous.close();
        }
        workspaceName.set(workspace.name());
        workspaceFile.set(workspace.file().toAbsolutePath().toString());
        schemaText.set("schema v" + workspace.schemaVersion());
        counts.setAll(CountRow.of(opened.counted()));
        mode.set(Mode.READY);
        int interrupted = workspace.interruptedAtOpen();
        message.set("Workspace " + workspace.name() + " is open." + (interrupted == 0 ? "" : " " + interrupted
                + (interrupted == 1 ? " run was" : " runs were") + " still streaming when Switchyard last stopped; "
                + (interrupted == 1 ? "it is" : "they are") + " kept as incomplete with the text received (History)."));
    }

    private void showFailure(Path file, Exception e) {
        mode.set(workspace == null ? Mode.FAILED : Mode.READY);
        message.set(e instanceof WorkspaceException ? e.getMessage()
                : "Could not open " + file + ": " + e.getMessage());
    }

    /** What a background open produces: the workspace and its counts, read off the FX thread. */
    private record Opened(Workspace workspace, Counted counted) {
        static Opened of(Workspace ws) {
            return new Opened(ws, Counted.of(ws));
        }
    }
}
