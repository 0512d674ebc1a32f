package dev.switchyard.ui.routing;

import dev.switchyard.app.routing.JsonDiff;
import dev.switchyard.app.routing.Policy;
import dev.switchyard.app.routing.PolicyJson;
import dev.switchyard.app.routing.PolicyTemplates;
import dev.switchyard.app.routing.edit.DesignerBackend;
import dev.switchyard.app.routing.edit.PolicyEdits;
import dev.switchyard.ui.task.TaskRunner;
import dev.switchyard.workspace.model.PolicyVersion;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Saved policies and their versions: save (a new version with a note), open, list versions, diff two,
 * restore one, and start a new policy from a template. The designer's policy is read and loaded through
 * {@link DesignerViewModel}.
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
    private final StringProperty note = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper defaultPolicy = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObservableList<String> policies = FXCollections.observableArrayList();
    private final ObservableList<VersionRow> versions = FXCollections.observableArrayList();
    private final ObservableList<String> diff = FXCollections.observableArrayList();

    public VersionsViewModel(TaskRunner tasks, DesignerViewModel designer) {
        this.tasks = tasks;
        this.designer = designer;
    }

    /** Attaches a workspace and opens its default policy (or the first saved one, or a new empty one). */
    public void attach(DesignerBackend backend) {
        this.backend = backend;
        policies.clear();
        versions.clear();
        diff.clear();
        if (backend == null) {
            return;
        }
        tasks.run("Reading policies", () -> {
            List<String> names = backend.store().list().stream().map(p -> p.name()).toList();
            String def = backend.defaultPolicy();
            return new Listing(names, def == null ? "" : def);
        }, l -> {
            policies.setAll(l.names());
            defaultPolicy.set(l.defaultName());
            String first = l.names().contains(l.defaultName()) ? l.defaultName() : l.names().stream().findFirst().orElse(null);
            if (first != null) {
                open(first);
            }
        }, e -> status.set("Could not read the policies: " + e.getMessage()));
    }

    private record Listing(List<String> names, String defaultName) {
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty noteProperty() {
        return note;
    }

    /** The workspace's default policy name ("" when none). */
    public ReadOnlyStringProperty defaultPolicyProperty() {
        return defaultPolicy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
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

    public void open(String policyName) {
        DesignerBackend b = backend;
        if (b == null || policyName == null) {
            return;
        }
        tasks.run("Opening policy", () -> b.store().load(policyName), p -> {
            name.set(policyName);
            designer.load(p);
            status.set("Opened " + policyName + ".");
            refreshVersions();
        }, e -> status.set("Could not open " + policyName + ": " + e.getMessage()));
    }

    /** Starts a new, unsaved policy: empty, or from a template. */
    public void startNew(String template) {
        Policy p = template == null ? PolicyEdits.empty("untitled") : PolicyTemplates.load(template);
        name.set(template == null ? "untitled" : template + "-copy");
        designer.load(p);
        versions.clear();
        diff.clear();
        status.set(template == null ? "New empty policy." : "New policy from the " + template + " template; save it to keep it.");
    }

    /** Saves the designer's policy as the next version of {@link #nameProperty()} with the note. */
    public void save() {
        DesignerBackend b = backend;
        String n = name.get() == null ? "" : name.get().trim();
        if (b == null) {
            status.set("Open a workspace first.");
            return;
        }
        if (n.isEmpty()) {
            status.set("Give the policy a name before saving.");
            return;
        }
        Policy p = designer.policy();
        String text = note.get();
        tasks.run("Saving policy", () -> b.store().save(n, p, text), v -> {
            designer.markSaved(p);
            note.set("");
            if (!policies.contains(n)) {
                policies.add(n);
            }
            status.set("Saved " + n + " version " + v.version() + ".");
            refreshVersions();
        }, e -> status.set("Could not save: " + e.getMessage()));
    }

    public void refreshVersions() {
        DesignerBackend b = backend;
        String n = name.get();
        if (b == null || !policies.contains(n)) {
            versions.clear();
            return;
        }
        tasks.run("Reading versions", () -> b.store().versions(n), vs -> {
            List<VersionRow> rows = new java.util.ArrayList<>(vs.stream().map(VersionsViewModel::row).toList());
            java.util.Collections.reverse(rows);
            versions.setAll(rows);
        }, e -> status.set(e.getMessage()));
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
            status.set("v" + selected.get(0) + " is the first version: select another one to diff it with.");
        } else {
            status.set("Select one or two versions to diff.");
        }
    }

    /** Restores the one selected version; says what to select otherwise. */
    public void restoreSelected(List<Integer> selected) {
        if (selected.size() == 1) {
            restore(selected.get(0));
        } else {
            status.set("Select the one version to restore.");
        }
    }

    /** Diffs two versions of the open policy into {@link #diff()}. */
    public void diff(int from, int to) {
        DesignerBackend b = backend;
        String n = name.get();
        if (b == null) {
            return;
        }
        tasks.run("Diffing versions", () -> b.store().diff(n, from, to), changes -> {
            diff.setAll(changes.stream().map(VersionsViewModel::line).toList());
            status.set(changes.isEmpty() ? "v" + from + " and v" + to + " are the same."
                    : changes.size() + " change(s) from v" + from + " to v" + to + ".");
        }, e -> status.set("Could not diff: " + e.getMessage()));
    }

    private static String line(JsonDiff.Change c) {
        String path = c.path().isEmpty() ? "/" : c.path();
        return switch (c.kind()) {
            case ADDED -> "+ " + path + " = " + c.after();
            case REMOVED -> "− " + path + " (was " + c.before() + ")";
            case CHANGED -> "~ " + path + ": " + c.before() + " → " + c.after();
        };
    }

    /** Restores a version as a new version and loads it. */
    public void restore(int version) {
        DesignerBackend b = backend;
        String n = name.get();
        if (b == null) {
            return;
        }
        tasks.run("Restoring version", () -> {
            PolicyVersion v = b.store().restore(n, version, null);
            return new Restored(v, PolicyJson.read(v.bodyJson()));
        }, r -> {
            designer.load(r.policy());
            status.set("Restored v" + version + " as v" + r.version().version() + ".");
            refreshVersions();
        }, e -> status.set("Could not restore: " + e.getMessage()));
    }

    private record Restored(PolicyVersion version, Policy policy) {
    }
}
