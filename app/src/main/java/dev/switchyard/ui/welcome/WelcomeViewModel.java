package dev.switchyard.ui.welcome;

import dev.switchyard.app.models.RemovedModels;
import dev.switchyard.app.models.RemovedProviders;
import dev.switchyard.app.engine.Availability;
import dev.switchyard.app.models.ProviderKeys;
import dev.switchyard.ui.task.TaskRunner;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
     * Whether a provider's key can be had now — Compare's picker's answer for its models
     * ({@code EngineFactory.keyAvailability}: an environment variable that is set, a keyring entry that can be read, or
     * no key needed). It may ask the OS keyring, so it is called off the FX thread.
     */
    @FunctionalInterface
    public interface KeyCheck {
        Availability check(Workspace workspace, Provider provider);
    }

    /**
     * Whether a local generative model can run now — Compare's picker's answer (its files as they were imported or
     * downloaded: {@code LocalModelHealth}). It reads the disk, so it is called off the FX thread.
     */
    @FunctionalInterface
    public interface LocalCheck {
        Availability check(Workspace workspace, Model model);
    }

    /**
     * Where the "cloud" step stands: it is done once a cloud model can be picked in Compare — a cloud model whose
     * provider's key can be read now or that needs none. A provider alone (`providers add`, `set-key`) is on the way, and the step's
     * button says what is left.
     */
    public enum CloudStep {
        /** No cloud provider: "Add a provider". */
        NO_PROVIDER("Add a provider"),
        /**
         * No provider whose key can be read now (it was removed, its variable is not set, the keyring cannot give it):
         * "Set its key".
         */
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
    private final KeyCheck keys;
    private final LocalCheck locals;

    /** {@code keys}: whether a provider's key can be had now, as Compare's picker decides it; every local model counts. */
    public WelcomeViewModel(TaskRunner tasks, KeyCheck keys) {
        this(tasks, keys, (ws, m) -> Availability.READY);
    }

    /** {@code locals}: whether a local generative model's files let it run, as Compare's picker decides it. */
    public WelcomeViewModel(TaskRunner tasks, KeyCheck keys, LocalCheck locals) {
        this.tasks = tasks;
        this.keys = keys;
        this.locals = locals;
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
        tasks.run("Check workspace", () -> read(ws), found -> {
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
            tasks.run("Check workspace", () -> read(ws), this::show, e -> { });
        }
    }

    /** Off the FX thread: the workspace's rows, and whether each cloud provider's key can be had now. */
    private Found read(Workspace ws) {
        List<Provider> providers = RemovedProviders.inUse(ws);
        Map<Long, Availability> keyed = new HashMap<>();
        for (Provider p : providers) {
            if (p.kind() != ProviderKind.LOCAL) {
                keyed.put(p.id(), keys.check(ws, p));
            }
        }
        List<Model> models = RemovedModels.inUse(ws.models().list());
        Map<Long, Availability> local = new HashMap<>();
        for (Model m : models) {
            if (m.kind() == ModelKind.LOCAL_GENERATIVE) {
                Availability a;
                try {
                    a = locals.check(ws, m);
                } catch (RuntimeException e) {
                    a = Availability.notReady("This model cannot start: " + e.getMessage(), null);
                }
                local.put(m.id(), a);
            }
        }
        return new Found(ws.runs().count(), models, providers, keyed, local);
    }

    private void show(Found f) {
        empty.set(f.runs() == 0);
        hasRuns.set(f.runs() > 0);
        List<Provider> cloud = f.providers().stream().filter(p -> p.kind() != ProviderKind.LOCAL).toList();
        List<Provider> keyed = cloud.stream().filter(p -> f.key(p).ready()).toList();
        boolean ready = f.models().stream().anyMatch(m -> m.kind() == ModelKind.CLOUD
                && keyed.stream().anyMatch(p -> p.id() == m.providerId()));
        // with no key anywhere, the provider whose key would make a model runnable comes first
        Provider next = !keyed.isEmpty() ? keyed.get(0)
                : cloud.stream().filter(f::hasModel).findFirst().orElse(cloud.isEmpty() ? null : cloud.get(0));
        CloudStep step = ready ? CloudStep.DONE : next == null ? CloudStep.NO_PROVIDER
                : keyed.isEmpty() ? CloudStep.NEEDS_KEY : CloudStep.NEEDS_MODEL;
        cloudProvider = next == null ? -1 : next.id();
        cloudStep.set(step);
        hasCloud.set(ready);
        // a local model whose files changed since import does not count: the picker will not run it either
        hasLocal.set(f.models().stream().anyMatch(m -> m.kind() == ModelKind.LOCAL_GENERATIVE && f.local(m).ready()));
        Model damaged = f.models().stream().filter(m -> m.kind() == ModelKind.LOCAL_GENERATIVE && !f.local(m).ready())
                .findFirst().orElse(null);
        String localProblem = damaged == null ? "" : " " + damaged.displayName() + " cannot run: "
                + f.local(damaged).reason() + " Local models says what fixes it.";
        // a cloud key that cannot be had is said even beside a local model: the step's button alone does not say why
        nextStep.set(hasCloud.get() || hasLocal.get()
                ? "You have models to compare: open Compare, pick two or more and run."
                + (step == CloudStep.NEEDS_KEY ? " " + noKeySentence(next, f) : "")
                : step == CloudStep.NEEDS_MODEL ? next.name() + " is set up; add one of its models (Add a model, "
                + "then Test connection lists them) to compare it with the embedded intent model."
                : step == CloudStep.NEEDS_KEY ? noKeySentence(next, f)
                : "Start with the embedded intent model in Compare — it runs offline, with no key and no download. "
                + "Add a cloud provider or a local model to compare against it.");
        nextStep.set(nextStep.get() + localProblem);
    }

    /** Why {@code p} has no key now and what to do, in the words of the step's button (it opens {@code p} on Models). */
    private static String noKeySentence(Provider p, Found f) {
        String ref = p.authRef();
        String then = f.hasModel(p) ? "" : ", then add one of its models";
        if (ref == null || ref.isBlank() || ProviderKeys.removed(ref)) {
            return p.name() + " has no key now: set its key" + then + ".";
        }
        if (ref.startsWith("env:")) {
            return p.name() + " reads its key from " + ref.substring(4) + ", which is not set: set it and start Switchyard"
                    + " again, or store the key in the keyring (Set its key).";
        }
        // the keyring (or this app run's memory) cannot give the key: why, as the picker says it, and what to do
        return f.key(p).reason() + " Use Set its key to enter the key again on Models, or to have " + p.name()
                + " read it from an environment variable" + then + ".";
    }

    private record Found(long runs, List<Model> models, List<Provider> providers, Map<Long, Availability> keys,
                         Map<Long, Availability> locals) {
        Availability local(Model m) {
            return locals.getOrDefault(m.id(), Availability.READY);
        }

        Availability key(Provider p) {
            return keys.getOrDefault(p.id(), Availability.READY);
        }

        boolean hasModel(Provider p) {
            return models.stream().anyMatch(m -> m.kind() == ModelKind.CLOUD && m.providerId() == p.id());
        }
    }
}
