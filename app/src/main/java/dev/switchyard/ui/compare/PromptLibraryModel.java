package dev.switchyard.ui.compare;

import dev.switchyard.app.compare.PromptDraft;
import dev.switchyard.ui.task.TaskRunner;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Prompt;
import dev.switchyard.workspace.model.PromptVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    private final TaskRunner tasks;
    private final PromptEditorModel editor;
    private final Consumer<String> message;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final FilteredList<Entry> filtered = new FilteredList<>(entries);
    private final StringProperty search = new SimpleStringProperty("");
    private Workspace ws;

    PromptLibraryModel(TaskRunner tasks, PromptEditorModel editor, Consumer<String> message) {
        this.tasks = tasks;
        this.editor = editor;
        this.message = message;
        search.addListener((o, a, q) -> filtered.setPredicate(e -> e.matches(q)));
    }

    public ObservableList<Entry> entries() { return filtered; }
    public StringProperty searchProperty() { return search; }

    void open(Workspace workspace) {
        ws = workspace;
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

    /** Puts a saved prompt's latest version into the editor. */
    public void pick(Entry entry) {
        editor.load(entry.name(), entry.latest());
        message.accept("Loaded " + entry.name() + " v" + (entry.latest() == null ? 0 : entry.latest().version()) + ".");
    }

    /** Clears the editor for a new prompt. */
    public void newPrompt() {
        editor.load("", null);
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
        tasks.run("Save prompt", () -> save(w, name, draft), saved -> {
            if (saved.changed()) {
                message.accept("Saved " + name + " as v" + saved.version().version() + ".");
            } else {
                message.accept(name + " v" + saved.version().version() + " already holds this text; nothing new to save.");
            }
            editor.saved(saved.version());
            reload();
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
