package dev.switchyard.ui.models;

import dev.switchyard.app.models.ProviderKeys;
import dev.switchyard.cloud.secrets.SecretException;
import dev.switchyard.ui.task.TaskRunner;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Provider;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The key of the provider on its detail page: where it really is now ("key: …"), <b>Set key…</b> / <b>Replace
 * key…</b> with the add form's choices and consent ({@link KeyForm}), and <b>Remove key</b>. A replaced or removed
 * key that Switchyard stored is deleted from where it was. No {@code javafx.scene}.
 */
public final class ProviderKeyEditor {

    private record Changed(Provider provider, String leftover) {
    }

    private final TaskRunner tasks;
    private final KeyVault vault;
    private final Consumer<String> message;
    private final java.util.function.BiConsumer<Provider, Runnable> onChanged;
    private final KeyForm form = new KeyForm();
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper present = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper referenced = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper where = new ReadOnlyStringWrapper("");
    private Workspace workspace;
    private Provider provider;
    /** The variable Set key… opened with: one typed otherwise is an unsaved edit. */
    private String filledEnv = "";

    /**
     * @param message   where to say what was done
     * @param onChanged called with the provider as stored after its key changed, and what to run once it is shown
     */
    ProviderKeyEditor(TaskRunner tasks, KeyVault vault, Consumer<String> message,
                      java.util.function.BiConsumer<Provider, Runnable> onChanged) {
        this.tasks = tasks;
        this.vault = vault;
        this.message = message;
        this.onChanged = onChanged;
        form.keyringProperty().addListener((obs, old, now) -> {
            if (editing.get()) {
                form.sourceProperty().set(defaultSource());
            }
        });
    }

    /** The key's choices while Set key… is open. */
    public KeyForm form() { return form; }

    /** True while Set key… is open. */
    public ReadOnlyBooleanProperty editingProperty() { return editing.getReadOnlyProperty(); }

    /** True when the provider's key can be read now (the button says "Replace key…", else "Set key…"). */
    public ReadOnlyBooleanProperty presentProperty() { return present.getReadOnlyProperty(); }

    /** True when the provider names a place for its key (Remove key applies); not after its key was removed. */
    public ReadOnlyBooleanProperty referencedProperty() { return referenced.getReadOnlyProperty(); }

    /** "key: OS keyring (switchyard/openai)", "key: none now (it was kept for an earlier app run only)", … */
    public ReadOnlyStringProperty whereProperty() { return where.getReadOnlyProperty(); }

    /** Shows this provider's key (null: none selected); looks it up in the background. */
    void show(Workspace ws, Provider p) {
        workspace = ws;
        provider = p;
        editing.set(false);
        form.clearSecret();
        present.set(false);
        referenced.set(p != null && p.authRef() != null && !ProviderKeys.removed(p.authRef()));
        where.set(p == null ? "" : "key: …");
        lookUp(p);
    }

    /**
     * The provider as stored now (another process — the CLI's {@code set-key} — may have changed where its key is):
     * looks its key up again and leaves Set key… and what is typed in it alone.
     */
    void refresh(Workspace ws, Provider p) {
        workspace = ws;
        provider = p;
        referenced.set(p != null && p.authRef() != null && !ProviderKeys.removed(p.authRef()));
        lookUp(p);
    }

    private void lookUp(Provider p) {
        if (p == null) {
            return;
        }
        tasks.run("Find the key", () -> vault.locate(p), s -> {
            if (p == provider) {
                where.set("key: " + s.where());
                present.set(s.present());
            }
        }, e -> where.set("key: could not be looked up (" + e.getMessage() + ")"));
    }

    /** Opens Set key… (probing the keyring the first time). */
    public void begin() {
        Provider p = provider;
        if (p == null) {
            return;
        }
        form.clearSecret();
        form.envVarProperty().set(p.authRef() != null && p.authRef().startsWith("env:") ? p.authRef().substring(4) : "");
        filledEnv = form.envVarProperty().get();
        form.sourceProperty().set(defaultSource());
        editing.set(true);
        probe(tasks, vault, form);
    }

    /**
     * "the key of OpenAI" while Set key… is open with a key pasted or another variable typed, else null: what quitting
     * or opening another workspace names as not saved.
     */
    public String unsavedWork() {
        Provider p = provider;
        if (!editing.get() || p == null) {
            return null;
        }
        String key = form.keyProperty().get() == null ? "" : form.keyProperty().get().strip();
        String env = form.envVarProperty().get() == null ? "" : form.envVarProperty().get().strip();
        return key.isEmpty() && env.equals(filledEnv.strip()) ? null : "the key of " + p.name();
    }

    public void cancel() {
        form.clearSecret();
        editing.set(false);
    }

    /** Stores the key where the form says, points the provider at it and deletes the key it replaces. */
    public void save() {
        save(() -> { });
    }

    /** {@link #save()}, then {@code then} once the key is stored and the provider shown again (not when it fails). */
    void save(Runnable then) {
        Provider p = provider;
        Workspace ws = workspace;
        KeyForm.Choice choice = p == null || ws == null ? null : form.validate();
        if (choice == null) {
            return;
        }
        String reason = form.keyringProperty().get() == null ? "The OS keyring was not used."
                : form.keyringProperty().get().reason();
        tasks.run("Set key", () -> {
            String ref = vault.store(ProviderKeys.slugFor(p, ws.providers().list()), choice, reason);
            String leftover = p.authRef() == null || p.authRef().equals(ref) ? null : forget(p.authRef());
            return new Changed(ws.providers().update(p.withAuthRef(ref)), leftover);
        }, done -> {
            form.clearSecret();
            editing.set(false);
            message.accept(saved(p.name(), choice) + (done.leftover() == null ? "" : " " + done.leftover()));
            onChanged.accept(done.provider(), then);
        }, e -> form.errorProperty().set("Could not store the key: " + e.getMessage()));
    }

    /**
     * Deletes the key Switchyard stored for the provider (or stops reading its variable): the provider has no key then
     * and still needs one ({@link ProviderKeys#REMOVED}).
     */
    public void remove() {
        Provider p = provider;
        Workspace ws = workspace;
        if (p == null || ws == null || !referenced.get()) {
            return;
        }
        tasks.run("Remove key", () -> new Changed(ws.providers().update(p.withAuthRef(ProviderKeys.REMOVED)),
                forget(p.authRef())), done -> {
            message.accept(ProviderKeys.removedSentence(p.name(), p.authRef()) + (done.leftover() == null ? "" : " " + done.leftover()));
            onChanged.accept(done.provider(), () -> { });
        }, e -> message.accept("Could not remove the key of " + p.name() + ": " + e.getMessage()));
    }

    /** Probes the keyring for {@code form} once (its answer is kept). */
    static void probe(TaskRunner tasks, KeyVault vault, KeyForm form) {
        if (form.keyringProperty().get() == null) {
            tasks.run("Probe keyring", vault::probe, form.keyringProperty()::set,
                    e -> form.keyringProperty().set(new KeyVault.Status(false, e.getMessage())));
        }
    }

    private KeySource defaultSource() {
        return form.keyringDown() ? KeySource.SESSION : KeySource.KEYRING;
    }

    /** Deletes the key {@code ref} names; null, or a sentence when the keyring could not do it. */
    private String forget(String ref) {
        try {
            vault.forget(ref);
            return null;
        } catch (SecretException e) {
            return ProviderKeys.notDeleted(e);
        }
    }

    private static String saved(String name, KeyForm.Choice c) {
        return switch (c.source()) {
            case KEYRING -> "Stored the key of " + name + " in the OS keyring.";
            case SESSION -> "Keeping the key of " + name + " in memory for this app run only.";
            case ENVIRONMENT -> name + " now reads its key from the environment variable " + c.envVar() + ".";
            case NONE -> name + " has no key now.";
        };
    }

}
