package dev.switchyard.ui.compare;

import dev.switchyard.app.compare.PromptDraft;
import dev.switchyard.ui.history.Formats;
import dev.switchyard.ui.task.TaskRunner;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Prompt;
import dev.switchyard.workspace.model.PromptVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** The saved prompts of the workspace, searchable by name and text; loads one into the editor and saves edits as versions. */
public final class PromptLibraryModel {

    /** A saved prompt and its latest version. */
    public record Entry(Prompt prompt, PromptVersion latest) {
        public String name() { return prompt.name(); }

        /** "v3 · first words of the user message". */
        public String summary() {
            String user = latest == null ? "" : latest.user().replaceAll("\\s+", " ").strip();
            return "v" + (latest == null ? 0 : latest.version()) + " · " + (user.length() > 60 ? user.substring(0, 60) + "…" : user);
        }

        boolean matches(String q) {
            String text = (prompt.name() + " " + (latest == null ? "" : latest.system() + " " + latest.user()))
                    .toLowerCase(Locale.ROOT);
            return q.isBlank() || text.contains(q.toLowerCase(Locale.ROOT).strip());
        }
    }

    /**
     * One saved version of the picked prompt: "v2 · 25 Nov, 18:30" (the year only when it is not this year's), and
     * "latest" on the newest one.
     */
    public record VersionRow(PromptVersion version, boolean latest) {
        /** "v2 · 25 Nov, 18:30" (the year too when it is not this year's), as History writes times. */
        public String label() {
            return "v" + version.version() + " · " + Formats.shortWhen(version.createdAt(), java.time.ZoneId.systemDefault());
        }

        /** "Saved 25 Nov 2026, 18:30:05" (for a tooltip). */
        public String saved() {
            return "Saved " + Formats.when(version.createdAt(), java.time.ZoneId.systemDefault());
        }

        /** What sets this version apart, or "" (versions have no free-text note). */
        public String note() {
            return latest ? "latest" : "";
        }
    }

    private final TaskRunner tasks;
    private final PromptEditorModel editor;
    private final Consumer<String> message;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final FilteredList<Entry> filtered = new FilteredList<>(entries);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<VersionRow> versions = FXCollections.observableArrayList();
    private final StringProperty versionsOf = new SimpleStringProperty("");
    private Workspace ws;

    PromptLibraryModel(TaskRunner tasks, PromptEditorModel editor, Consumer<String> message) {
        this.tasks = tasks;
        this.editor = editor;
        this.message = message;
        search.addListener((o, a, q) -> filtered.setPredicate(e -> e.matches(q)));
    }

    public ObservableList<Entry> entries() { return filtered; }
    public StringProperty searchProperty() { return search; }
    /** The saved versions of the prompt in the editor, newest first (empty for a new prompt). */
    public ObservableList<VersionRow> versions() { return versions; }
    /** Name of the prompt whose versions {@link #versions()} lists ("" when none). */
    public javafx.beans.value.ObservableStringValue versionsOfProperty() { return versionsOf; }

    void open(Workspace workspace) {
        ws = workspace;
        showVersions(null, "");
        reload();
    }

    void reload() {
        Workspace w = ws;
        if (w == null) {
            entries.clear();
            return;
        }
        tasks.run("List prompts", () -> list(w), entries::setAll,
                e -> message.accept("Could not list the saved prompts: " + e.getMessage()));
    }

    private static List<Entry> list(Workspace w) {
        List<Entry> out = new ArrayList<>();
        for (Prompt p : w.prompts().list()) {
            out.add(new Entry(p, w.prompts().latestVersion(p.id()).orElse(null)));
        }
        out.sort(Comparator.comparing((Entry e) -> e.latest() == null ? e.prompt().createdAt() : e.latest().createdAt(),
                Comparator.nullsLast(Comparator.reverseOrder())));
        return out;
    }

    /** Puts a saved prompt's latest version into the editor and lists its versions. */
    public void pick(Entry entry) {
        editor.load(entry.name(), entry.latest());
        message.accept("Loaded " + entry.name() + " v" + (entry.latest() == null ? 0 : entry.latest().version()) + ".");
        showVersions(entry.prompt().id(), entry.name());
    }

    /** Puts one saved version of the listed prompt into the editor (an older one to compare or start from). */
    public void pickVersion(VersionRow row) {
        String name = versionsOf.get();
        editor.load(name, row.version());
        message.accept("Loaded " + name + " v" + row.version().version() + (row.latest() ? "." : " (the latest is v"
                + versions.get(0).version().version() + ")."));
    }

    /** Clears the editor for a new prompt. */
    public void newPrompt() {
        editor.load("", null);
        showVersions(null, "");
    }

    /** Lists the versions of a prompt (newest first) in the background; null clears the list. */
    private void showVersions(Long promptId, String name) {
        Workspace w = ws;
        if (w == null || promptId == null) {
            versions.clear();
            versionsOf.set("");
            return;
        }
        tasks.run("List versions", () -> {
            List<PromptVersion> all = new ArrayList<>(w.prompts().versions(promptId));
            all.sort(Comparator.comparingInt(PromptVersion::version).reversed());
            List<VersionRow> rows = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                rows.add(new VersionRow(all.get(i), i == 0));
            }
            return rows;
        }, rows -> {
            versionsOf.set(name);
            versions.setAll(rows);
        }, e -> message.accept("Could not list the versions of " + name + ": " + e.getMessage()));
    }

    /**
     * Saves the editor: a new prompt under a new name, or a new version of the prompt with that name when the
     * content changed; an unchanged prompt is not saved again.
     */
    public void save() {
        Workspace w = ws;
        String name = editor.nameProperty().get() == null ? "" : editor.nameProperty().get().strip();
        if (w == null) {
            message.accept("Open a workspace first.");
            return;
        }
        if (name.isEmpty()) {
            message.accept("Give the prompt a name before saving it.");
            return;
        }
        PromptDraft draft = editor.draft();
        Map<String, String> problems = draft.params().problems();
        if (!problems.isEmpty()) {
            message.accept(problems.values().iterator().next() + " Fix it before saving.");
            return;
        }
        tasks.run("Save prompt", () -> save(w, name, draft), saved -> {
            if (saved.changed()) {
                message.accept("Saved " + name + " as v" + saved.version().version() + ".");
            } else {
                message.accept(name + " v" + saved.version().version() + " already holds this text; nothing new to save.");
            }
            editor.saved(saved.version());
            reload();
            showVersions(saved.version().promptId(), name);
        }, e -> message.accept("Could not save the prompt: " + e.getMessage()));
    }

    private record Saved(PromptVersion version, boolean changed) {
    }

    private static Saved save(Workspace w, String name, PromptDraft d) {
        Prompt prompt = w.prompts().findByName(name).orElseGet(() -> w.prompts().create(name));
        PromptVersion latest = w.prompts().latestVersion(prompt.id()).orElse(null);
        if (d.sameAs(latest)) {
            return new Saved(latest, false);
        }
        return new Saved(w.prompts().addVersion(prompt.id(), d.system(), d.user(), d.variablesJson(), d.parametersJson()), true);
    }
}
