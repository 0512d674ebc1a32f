package dev.switchyard.ui.welcome;

import dev.switchyard.app.models.ProviderKeys;
import dev.switchyard.ui.task.TaskRunner;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
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

    /**
     * Where the "cloud" step stands: it is done once a cloud model can be picked in Compare — a cloud model whose
     * provider has a key or needs none. A provider alone (`providers add`, `set-key`) is on the way, and the step's
     * button says what is left.
     */
    public enum CloudStep {
        /** No cloud provider: "Add a provider". */
        NO_PROVIDER("Add a provider"),
        /** A provider whose key was removed (and none with a key): "Set its key". */
        NEEDS_KEY("Set its key"),
        /** A provider with a key (or needing none) but no cloud model yet: "Add a model". */
        NEEDS_MODEL("Add a model"),
        /** A cloud model ready to pick: ✓, and the button opens the providers for another one. */
        DONE("Cloud providers");

        private final String action;

        CloudStep(String action) {
            this.action = action;
        }

        /** The step's button. */
        public String action() {
            return action;
        }
    }

    private final TaskRunner tasks;
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasRuns = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasCloud = new ReadOnlyBooleanWrapper(false);
    private final javafx.beans.property.ReadOnlyObjectWrapper<CloudStep> cloudStep =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(CloudStep.NO_PROVIDER);
    private long cloudProvider = -1;
    private final ReadOnlyBooleanWrapper hasLocal = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper nextStep = new ReadOnlyStringWrapper("");
    private Runnable onEmptyWorkspace = () -> { };
    private Workspace workspace;
    /** This process's environment ({@code System::getenv}; a map in tests): whether an {@code env:} key is set. */
    private final java.util.function.UnaryOperator<String> environment;

    public WelcomeViewModel(TaskRunner tasks) {
        this(tasks, System::getenv);
    }

    WelcomeViewModel(TaskRunner tasks, java.util.function.UnaryOperator<String> environment) {
        this.tasks = tasks;
        this.environment = environment;
    }

    /** True when the open workspace has no runs yet. */
    public ReadOnlyBooleanProperty emptyProperty() { return empty.getReadOnlyProperty(); }

    /** True once the workspace has a run: the first step ("run the embedded intent model") is done. */
    public ReadOnlyBooleanProperty hasRunsProperty() { return hasRuns.getReadOnlyProperty(); }

    /** True once a cloud model can be picked: the cloud step is done ({@link CloudStep#DONE}). */
    public ReadOnlyBooleanProperty hasCloudModelProperty() { return hasCloud.getReadOnlyProperty(); }

    /** What the cloud step's button does next. */
    public javafx.beans.property.ReadOnlyObjectProperty<CloudStep> cloudStepProperty() {
        return cloudStep.getReadOnlyProperty();
    }

    /**
     * The Models section the cloud step's button opens: the provider that needs a key or a model
     * ({@code "cloud/<id>"}), else the providers tab ({@code "cloud"}).
     */
    public String cloudSection() {
        CloudStep s = cloudStep.get();
        return (s == CloudStep.NEEDS_KEY || s == CloudStep.NEEDS_MODEL) && cloudProvider >= 0
                ? "cloud/" + cloudProvider : "cloud";
    }

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
        tasks.run("Check workspace", () -> new Found(ws.runs().count(), ws.models().list(), ws.providers().list()), found -> {
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
            tasks.run("Check workspace", () -> new Found(ws.runs().count(), ws.models().list(), ws.providers().list()), this::show, e -> { });
        }
    }

    private void show(Found f) {
        empty.set(f.runs() == 0);
        hasRuns.set(f.runs() > 0);
        List<Provider> cloud = f.providers().stream().filter(p -> p.kind() != ProviderKind.LOCAL).toList();
        List<Provider> keyed = cloud.stream().filter(this::hasKey).toList();
        boolean ready = f.models().stream().anyMatch(m -> m.kind() == ModelKind.CLOUD
                && keyed.stream().anyMatch(p -> p.id() == m.providerId()));
        Provider next = keyed.isEmpty() ? (cloud.isEmpty() ? null : cloud.get(0)) : keyed.get(0);
        CloudStep step = ready ? CloudStep.DONE : next == null ? CloudStep.NO_PROVIDER
                : keyed.isEmpty() ? CloudStep.NEEDS_KEY : CloudStep.NEEDS_MODEL;
        cloudProvider = next == null ? -1 : next.id();
        cloudStep.set(step);
        hasCloud.set(ready);
        hasLocal.set(f.has(ModelKind.LOCAL_GENERATIVE));
        nextStep.set(hasCloud.get() || hasLocal.get()
                ? "You have models to compare: open Compare, pick two or more and run."
                : step == CloudStep.NEEDS_MODEL ? next.name() + " is set up; add one of its models (Add a model, "
                + "then Test connection lists them) to compare it with the embedded intent model."
                : step == CloudStep.NEEDS_KEY ? noKeySentence(next)
                : "Start with the embedded intent model in Compare — it runs offline, with no key and no download. "
                + "Add a cloud provider or a local model to compare against it.");
    }

    /**
     * A provider that names a key, or needs none (added without one); not one whose key was removed, nor one whose key
     * is an environment variable this process does not have (Compare's picker would say the same of its models).
     */
    private boolean hasKey(Provider p) {
        String ref = p.authRef();
        return ref == null || !ProviderKeys.removed(ref) && (unsetVariable(ref) == null);
    }

    /** The variable an {@code env:} reference names when it is not set in this process, else null. */
    private String unsetVariable(String ref) {
        if (ref == null || !ref.startsWith("env:")) {
            return null;
        }
        String name = ref.substring(4);
        String value = environment.apply(name);
        return value == null || value.isBlank() ? name : null;
    }

    private String noKeySentence(Provider p) {
        String variable = unsetVariable(p.authRef());
        return variable == null ? p.name() + " has no key now: set its key, then add one of its models."
                : p.name() + " reads its key from " + variable + ", which is not set: set it and start Switchyard again,"
                + " or store the key in the keyring (Set its key).";
    }

    private record Found(long runs, List<Model> models, List<Provider> providers) {
        boolean has(ModelKind kind) {
            return models.stream().anyMatch(m -> m.kind() == kind);
        }
    }
}
