package dev.switchyard.ui.replay;

import dev.switchyard.ui.task.TaskRunner;
import dev.switchyard.workspace.Workspace;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The replay screen: datasets, starting a replay, its results and comparison, and the stored replays to reopen,
 * all following the open workspace.
 */
public final class ReplayViewModel {

    /** Whether there is a workspace to work in. */
    public enum Mode { NO_WORKSPACE, READY }

    private final TaskRunner tasks;
    private final Function<Workspace, ReplayBackend> backends;
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.NO_WORKSPACE);
    private final ObservableList<ReplayBackend.ReplayRow> replays = FXCollections.observableArrayList();
    private final DatasetsViewModel datasets;
    private final RunViewModel run;
    private final ResultsViewModel results;
    private final CompareViewModel compare;
    private ReplayBackend backend;

    public ReplayViewModel(TaskRunner tasks, ObservableValue<Workspace> workspace,
                           Function<Workspace, ReplayBackend> backends) {
        this.tasks = tasks;
        this.backends = backends;
        this.datasets = new DatasetsViewModel(tasks, this::backend);
        this.results = new ResultsViewModel(tasks, this::backend);
        this.compare = new CompareViewModel(tasks, this::backend);
        this.run = new RunViewModel(tasks, this::backend, r -> {
            results.show(r);
            compare.clear();
            refreshReplays();
        });
        run.datasetProperty().bind(datasets.selectedProperty());
        workspace.addListener((o, a, ws) -> workspaceChanged(ws));
        workspaceChanged(workspace.getValue());
    }

    private ReplayBackend backend() {
        return backend;
    }

    private void workspaceChanged(Workspace ws) {
        backend = ws == null ? null : backends.apply(ws);
        mode.set(ws == null ? Mode.NO_WORKSPACE : Mode.READY);
        refresh();
    }

    /** Reloads datasets, policies and stored replays (after the user changed them elsewhere). */
    public void refresh() {
        datasets.refresh();
        run.refresh();
        refreshReplays();
    }

    private void refreshReplays() {
        ReplayBackend b = backend;
        if (b == null) {
            replays.clear();
            return;
        }
        tasks.run("Loading replays", b::replays, replays::setAll, e -> { });
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** Stored replays, newest first (reopen, resume, compare). */
    public ObservableList<ReplayBackend.ReplayRow> replays() {
        return replays;
    }

    public DatasetsViewModel datasets() {
        return datasets;
    }

    public RunViewModel run() {
        return run;
    }

    public ResultsViewModel results() {
        return results;
    }

    public CompareViewModel compare() {
        return compare;
    }
}
