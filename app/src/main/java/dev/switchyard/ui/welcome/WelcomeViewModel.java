package dev.switchyard.ui.welcome;

import dev.switchyard.ui.task.TaskRunner;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * First start: what the workspace already has on the way to a first side-by-side run. The welcome is
 * offered when the workspace has no runs. No {@code javafx.scene}.
 */
public final class WelcomeViewModel {

    private final TaskRunner tasks;
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasRuns = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasCloud = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasLocal = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper nextStep = new ReadOnlyStringWrapper("");
    private Runnable onEmptyWorkspace = () -> { };
    private Workspace workspace;

    public WelcomeViewModel(TaskRunner tasks) {
        this.tasks = tasks;
    }

    /** True when the open workspace has no runs yet. */
    public ReadOnlyBooleanProperty emptyProperty() { return empty.getReadOnlyProperty(); }

    /** True once the workspace has a run: the first step ("run the embedded intent model") is done. */
    public ReadOnlyBooleanProperty hasRunsProperty() { return hasRuns.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty hasCloudModelProperty() { return hasCloud.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty hasLocalModelProperty() { return hasLocal.getReadOnlyProperty(); }

    /** One sentence: what to do next. */
    public ReadOnlyStringProperty nextStepProperty() { return nextStep.getReadOnlyProperty(); }

    /** Called (on the UI thread) when an opened workspace turns out to have no runs. */
    public void setOnEmptyWorkspace(Runnable r) {
        onEmptyWorkspace = r;
    }

    public void setWorkspace(Workspace ws) {
        workspace = ws;
        if (ws == null) {
            return;
        }
        tasks.run("Check workspace", () -> new Found(ws.runs().count(), ws.models().list()), found -> {
            if (ws != workspace) {
                return;
            }
            show(found);
            if (found.runs() == 0) {
                onEmptyWorkspace.run();
            }
        }, e -> nextStep.set("Could not read the workspace: " + e.getMessage()));
    }

    /** Re-reads what the workspace has (after the user added a key or a model). */
    public void refresh() {
        Workspace ws = workspace;
        if (ws != null) {
            tasks.run("Check workspace", () -> new Found(ws.runs().count(), ws.models().list()), this::show, e -> { });
        }
    }

    private void show(Found f) {
        empty.set(f.runs() == 0);
        hasRuns.set(f.runs() > 0);
        hasCloud.set(f.has(ModelKind.CLOUD));
        hasLocal.set(f.has(ModelKind.LOCAL_GENERATIVE));
        nextStep.set(hasCloud.get() || hasLocal.get()
                ? "You have models to compare: open Compare, pick two or more and run."
                : "Start with the embedded intent model in Compare — it runs offline, with no key and no download. "
                + "Add a cloud key or a local model to compare against it.");
    }

    private record Found(long runs, List<Model> models) {
        boolean has(ModelKind kind) {
            return models.stream().anyMatch(m -> m.kind() == kind);
        }
    }
}
