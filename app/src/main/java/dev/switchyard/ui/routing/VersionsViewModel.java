package dev.switchyard.ui.routing;

import dev.switchyard.app.routing.JsonDiff;
import dev.switchyard.app.routing.Policy;
import dev.switchyard.app.routing.PolicyJson;
import dev.switchyard.app.routing.PolicyTemplates;
import dev.switchyard.app.routing.edit.DesignerBackend;
import dev.switchyard.app.routing.edit.PolicyEdits;
import dev.switchyard.ui.UnsavedChoice;
import dev.switchyard.ui.task.TaskRunner;
import dev.switchyard.workspace.model.PolicyVersion;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Saved policies and their versions: save (a new version with a note), open, list versions, diff two,
 * restore one, and start a new policy from a template. The designer's policy is read and loaded through
 * {@link DesignerViewModel}. Whatever replaces the designer's policy (New, Open, Restore, an import) asks first when it
 * holds unsaved edits: Save (stored first; a save that fails replaces nothing), Discard or Cancel
 * ({@link #leaveDesigner}). Unsaved edits are the designer's changes to the policy and a name typed in the toolbar other
 * than the one the policy was opened, started or last saved under ({@link #unsavedProperty()}).
 */
public final class VersionsViewModel {

    /** One saved version, for the list. */
    public record VersionRow(int version, String note, String when) {
        @Override
        public String toString() {
            return "v" + version + " · " + when + (note == null || note.isBlank() ? "" : " · " + note);
        }
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final TaskRunner tasks;
    private final DesignerViewModel designer;
    private DesignerBackend backend;
    private final StringProperty name = new SimpleStringProperty("untitled");
    /**
     * The name the designer's policy was opened, started, restored or last saved under: the policy whose versions are
     * listed, diffed, restored and exported. A name typed other than it is an unsaved edit.
     */
    private final ReadOnlyStringWrapper savedName = new ReadOnlyStringWrapper("untitled");
    private final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper();
    private final StringProperty note = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper defaultPolicy = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper statusProblem = new ReadOnlyBooleanWrapper();
    /** The saved version the designer shows (what it was loaded from or last saved as); null for a policy never saved. */
    private final ReadOnlyObjectWrapper<Integer> shownVersion = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> policies = FXCollections.observableArrayList();
    private final ObservableList<VersionRow> versions = FXCollections.observableArrayList();
    private final ObservableList<String> diff = FXCollections.observableArrayList();
    private java.util.function.Function<String, UnsavedChoice> askToSave = question -> UnsavedChoice.CANCEL; // nobody to ask: keep them
    private Runnable showStatus = () -> { };

    public VersionsViewModel(TaskRunner tasks, DesignerViewModel designer) {
        this.tasks = tasks;
        this.designer = designer;
        name.addListener((o, a, b) -> updateUnsaved());
        savedName.addListener((o, a, b) -> updateUnsaved());
        designer.dirtyProperty().addListener((o, a, b) -> updateUnsaved());
    }

    private void updateUnsaved() {
        unsaved.set(designer.dirtyProperty().get() || renamed());
    }

    /** Whether the name typed differs from the one the policy was opened, started or saved under (spaces around aside). */
    public boolean renamed() {
        return !strip(name.get()).equals(strip(savedName.get()));
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    /** Names the policy shown as opened, started or saved under {@code policyName}: not a rename. */
    private void named(String policyName) {
        savedName.set(policyName);
        name.set(policyName);
    }

    /**
     * Attaches a workspace (null: none) and opens its default policy (or the first saved one, or a new empty one). The
     * designer is emptied at once: whatever it held belongs to the previous workspace, and the window asked about unsaved
     * work before another workspace was opened.
     */
    public void attach(DesignerBackend backend) {
        this.backend = backend;
        policies.clear();
        defaultPolicy.set("");
        note.set("");
        showEmpty();
        say("");
        if (backend == null) {
            return;
        }
        tasks.run("Reading policies", () -> {
            List<String> names = backend.store().list().stream().map(p -> p.name()).toList();
            String def = backend.defaultPolicy();
            return new Listing(names, def == null ? "" : def);
        }, l -> {
            if (this.backend != backend) {
                return; // another workspace was opened meanwhile
            }
            policies.setAll(l.names());
            defaultPolicy.set(l.defaultName());
            String first = l.names().contains(l.defaultName()) ? l.defaultName() : l.names().stream().findFirst().orElse(null);
            if (first != null) {
                openNow(first);
            } else {
                say("No saved policy in this workspace yet: a new empty policy.");
            }
        }, e -> fail("Could not read the policies: " + e.getMessage()));
    }

    /** A new, unsaved, empty policy in the designer, with no versions. */
    private void showEmpty() {
        named("untitled");
        designer.load(PolicyEdits.empty("untitled"));
        shownVersion.set(null);
        versions.clear();
        diff.clear();
    }

    private record Listing(List<String> names, String defaultName) {
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty noteProperty() {
        return note;
    }

    /** The name the policy shown was opened, started, restored or last saved under (its versions are the ones listed). */
    public ReadOnlyStringProperty savedNameProperty() {
        return savedName.getReadOnlyProperty();
    }

    /**
     * True while the designer holds something not saved: an edit of the policy (undoing back to the saved one is none)
     * or another name typed in the toolbar. What New, Open saved…, Restore and an import ask about, what the "unsaved"
     * marker shows and what quitting asks about.
     */
    public ReadOnlyBooleanProperty unsavedProperty() {
        return unsaved.getReadOnlyProperty();
    }

    /**
     * What the window's "Leave without saving?" names ("the routing policy tiered", "the routing policy tiered-2 (renamed
     * from tiered)"), null when nothing is unsaved.
     */
    public String unsavedWork() {
        if (!unsaved.get()) {
            return null;
        }
        String typed = strip(name.get());
        String was = strip(savedName.get());
        boolean saved = shownVersion.get() != null;
        if (typed.isEmpty()) {
            return was.isEmpty() ? "a new routing policy" : "the routing policy " + was + " (its name cleared)";
        }
        return saved && renamed() ? "the routing policy " + typed + " (renamed from " + was + ")" : "the routing policy " + typed;
    }

    /** The workspace's default policy name ("" when none). */
    public ReadOnlyStringProperty defaultPolicyProperty() {
        return defaultPolicy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether the status says something went wrong (shown in the problem colour). */
    public ReadOnlyBooleanProperty statusProblemProperty() {
        return statusProblem.getReadOnlyProperty();
    }

    /** The saved version the designer shows (loaded from or last saved as); null while it shows a policy never saved. */
    public ReadOnlyObjectProperty<Integer> shownVersionProperty() {
        return shownVersion.getReadOnlyProperty();
    }

    /** Who answers "Save changes to …?" before the designer's unsaved edits would be replaced (Save, Discard, Cancel). */
    public void setAskToSave(java.util.function.Function<String, UnsavedChoice> ask) {
        askToSave = ask;
    }

    /** Brings the status line into view (the Versions tab) when it says something went wrong. */
    void setShowStatus(Runnable show) {
        showStatus = show;
    }

    /** Says {@code sentence} in the status line; {@code problem}: something went wrong, and the line is brought into view. */
    void say(String sentence, boolean problem) {
        status.set(sentence);
        statusProblem.set(problem);
        if (problem) {
            showStatus.run();
        }
    }

    /**
     * Runs {@code then} (which replaces the designer's policy) at once when the designer holds no unsaved edits; else
     * asks "Save changes to &lt;name&gt; before &lt;doing&gt;?": Save stores them as the next version and goes on only
     * once they are stored (a save that fails says why in red and keeps them), Discard goes on, Cancel keeps them.
     *
     * @param doing     what replaces them, after "before" ("opening tiered")
     * @param cancelled what is not done, as the subject of "cancelled" ("Opening tiered")
     */
    void leaveDesigner(String doing, String cancelled, Runnable then) {
        if (!unsaved.get()) {
            then.run();
            return;
        }
        String current = name.get() == null || name.get().isBlank() ? "the new policy" : name.get().strip();
        String kept = cancelled + " cancelled: your unsaved changes are still in the designer.";
        switch (askToSave.apply("Save changes to " + current + " before " + doing + "?")) {
            case SAVE -> save(then, kept);
            case DISCARD -> then.run();
            case CANCEL -> say(kept);
        }
    }

    private void say(String sentence) {
        say(sentence, false);
    }

    private void fail(String sentence) {
        say(sentence, true);
    }

    public ObservableList<String> policies() {
        return policies;
    }

    public ObservableList<VersionRow> versions() {
        return versions;
    }

    /** The last diff: one line per changed JSON path. */
    public ObservableList<String> diff() {
        return diff;
    }

    /** Opens the latest version of a saved policy, after asking about unsaved edits ({@link #leaveDesigner}). */
    public void open(String policyName) {
        if (backend == null || policyName == null) {
            return;
        }
        leaveDesigner("opening " + policyName, "Opening " + policyName, () -> openNow(policyName));
    }

    private void openNow(String policyName) {
        DesignerBackend b = backend;
        if (b == null) {
            return;
        }
        tasks.run("Opening policy", () -> {
            PolicyVersion v = b.store().version(policyName, null);
            return new Restored(v, PolicyJson.read(v.bodyJson()));
        }, r -> {
            if (backend != b) {
                return; // another workspace was opened meanwhile: this policy is not in it
            }
            show(policyName, r.policy(), r.version().version());
            say("Opened " + policyName + ".");
        }, e -> fail("Could not open " + policyName + ": " + e.getMessage()));
    }

    /** Shows version {@code version} of the saved policy {@code policyName} in the designer (a fresh history). */
    void show(String policyName, Policy p, int version) {
        named(policyName);
        designer.load(p);
        shownVersion.set(version);
        if (!policies.contains(policyName)) {
            policies.add(policyName);
        }
        refreshVersions();
    }

    /** Starts a new, unsaved policy: empty, or from a template; after asking about unsaved edits ({@link #leaveDesigner}). */
    public void startNew(String template) {
        if (template == null) {
            leaveDesigner("starting a new empty policy", "New empty policy", () -> startNewNow(null));
        } else {
            leaveDesigner("starting a policy from the " + template + " template", "New policy from the " + template
                    + " template", () -> startNewNow(template));
        }
    }

    private void startNewNow(String template) {
        if (template == null) {
            showEmpty();
        } else {
            named(template + "-copy");
            designer.load(PolicyTemplates.load(template));
            shownVersion.set(null);
            versions.clear();
            diff.clear();
        }
        say(template == null ? "New empty policy." : "New policy from the " + template + " template; save it to keep it.");
    }

    /** Saves the designer's policy as the next version of {@link #nameProperty()} with the note. */
    public void save() {
        save(() -> { });
    }

    /** {@link #save()}, then {@code then} once the version is stored (not when it could not be). */
    public void save(Runnable then) {
        save(then, "");
    }

    /** {@link #save(Runnable)}; when the version cannot be stored, {@code notDone} follows the reason in the status. */
    private void save(Runnable then, String notDone) {
        DesignerBackend b = backend;
        String n = name.get() == null ? "" : name.get().trim();
        String after = notDone.isEmpty() ? "" : " " + notDone;
        if (b == null) {
            fail("Open a workspace first." + after);
            return;
        }
        if (n.isEmpty()) {
            fail("Give the policy a name before saving." + after);
            return;
        }
        Policy p = designer.policy();
        String text = note.get();
        tasks.run("Saving policy", () -> b.store().save(n, p, text), v -> {
            designer.markSaved(p);
            shownVersion.set(v.version());
            savedName.set(n); // the name typed (unless it changed while saving) is the saved one now
            note.set("");
            if (!policies.contains(n)) {
                policies.add(n);
            }
            say("Saved " + n + " version " + v.version() + ".");
            refreshVersions();
            then.run();
        }, e -> fail("Could not save: " + sentence(e.getMessage()) + after));
    }

    public void refreshVersions() {
        DesignerBackend b = backend;
        String n = savedName.get();
        if (b == null || !policies.contains(n)) {
            versions.clear();
            return;
        }
        tasks.run("Reading versions", () -> b.store().versions(n), vs -> {
            List<VersionRow> rows = new java.util.ArrayList<>(vs.stream().map(VersionsViewModel::row).toList());
            java.util.Collections.reverse(rows);
            versions.setAll(rows);
        }, e -> fail(e.getMessage()));
    }

    private static VersionRow row(PolicyVersion v) {
        return new VersionRow(v.version(), v.note(), WHEN.format(v.createdAt()));
    }

    /**
     * Diffs the selected versions: two against each other, one against the version before it; says what to
     * select when the selection cannot be diffed.
     */
    public void diffSelected(List<Integer> selected) {
        if (selected.size() == 2) {
            diff(Math.min(selected.get(0), selected.get(1)), Math.max(selected.get(0), selected.get(1)));
        } else if (selected.size() == 1 && selected.get(0) > 1) {
            diff(selected.get(0) - 1, selected.get(0));
        } else if (selected.size() == 1) {
            say("v" + selected.get(0) + " is the first version: select another one to diff it with.");
        } else {
            say("Select one or two versions to diff.");
        }
    }

    /** Restores the one selected version; says what to select otherwise. */
    public void restoreSelected(List<Integer> selected) {
        if (selected.size() == 1) {
            restore(selected.get(0));
        } else {
            say("Select the one version to restore.");
        }
    }

    /** Diffs two versions of the open policy (the one whose versions are listed) into {@link #diff()}. */
    public void diff(int from, int to) {
        DesignerBackend b = backend;
        String n = savedName.get();
        if (b == null) {
            return;
        }
        tasks.run("Diffing versions", () -> b.store().diff(n, from, to), changes -> {
            diff.setAll(changes.stream().map(VersionsViewModel::line).toList());
            say(changes.isEmpty() ? "v" + from + " and v" + to + " are the same."
                    : changes.size() + (changes.size() == 1 ? " change from v" : " changes from v") + from + " to v" + to + ".");
        }, e -> fail("Could not diff: " + e.getMessage()));
    }

    private static String line(JsonDiff.Change c) {
        String path = c.path().isEmpty() ? "/" : c.path();
        return switch (c.kind()) {
            case ADDED -> "+ " + path + " = " + c.after();
            case REMOVED -> "− " + path + " (was " + c.before() + ")";
            case CHANGED -> "~ " + path + ": " + c.before() + " → " + c.after();
        };
    }

    /**
     * Restores a version of the policy whose versions are listed as a new version and loads it, after asking about unsaved
     * edits ({@link #leaveDesigner}; a renamed policy saved first is stored under its new name, and the version restored
     * is still the listed policy's).
     */
    public void restore(int version) {
        if (backend == null) {
            return;
        }
        String of = savedName.get();
        leaveDesigner("restoring version " + version, "Restoring version " + version, () -> restoreNow(of, version));
    }

    private void restoreNow(String n, int version) {
        DesignerBackend b = backend;
        if (b == null) {
            return;
        }
        tasks.run("Restoring version", () -> {
            PolicyVersion v = b.store().restore(n, version, null);
            return new Restored(v, PolicyJson.read(v.bodyJson()));
        }, r -> {
            show(n, r.policy(), r.version().version()); // a name typed and discarded goes back to the restored policy's
            say("Restored v" + version + " as v" + r.version().version() + ".");
        }, e -> fail("Could not restore: " + e.getMessage()));
    }

    private record Restored(PolicyVersion version, Policy policy) {
    }

    /** A reason that ends as a sentence does, so that another sentence can follow it. */
    private static String sentence(String reason) {
        String r = reason == null || reason.isBlank() ? "an unexpected error" : reason.strip();
        return r.endsWith(".") || r.endsWith("!") || r.endsWith("?") ? r : r + ".";
    }
}
