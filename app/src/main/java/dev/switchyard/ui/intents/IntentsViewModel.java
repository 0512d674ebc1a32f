package dev.switchyard.ui.intents;

import dev.switchyard.app.models.IntentSetStore;
import dev.switchyard.local.intent.IntentMatch;
import dev.switchyard.local.intent.IntentModel;
import dev.switchyard.local.intent.ScoredIntent;
import dev.switchyard.ui.UnsavedChoice;
import dev.switchyard.ui.task.TaskRunner;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Intent;
import dev.switchyard.workspace.model.IntentSet;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Intent sets screen: the workspace's sets for the embedded intent model, a set's intents with their example
 * utterances and replies (edited one intent at a time, stored at once; the next run of that set's intent model uses
 * them), and a prompt tried against the set showing the top intents with their scores. Changes in the editor are
 * never dropped silently: before another intent, a new one or another set replaces them, the user is asked to save
 * or discard them ({@link #setAskToSave}), and a refresh of the workspace keeps them as typed.
 */
public final class IntentsViewModel {

    /** One scored intent of a try, as shown. */
    public record Scored(String intent, double confidence, double similarity) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s — confidence %.2f, similarity %.2f", intent, confidence, similarity);
        }
    }

    private final TaskRunner tasks;
    private final Function<Workspace, IntentSetStore> stores;
    private final Supplier<IntentModel> model;
    private Workspace ws;

    private final ObservableList<IntentSet> sets = FXCollections.observableArrayList();
    private final ObjectProperty<IntentSet> set = new SimpleObjectProperty<>();
    private final ObservableList<Intent> intents = FXCollections.observableArrayList();
    private final ObjectProperty<Intent> intent = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty reply = new SimpleStringProperty("");
    private final StringProperty examples = new SimpleStringProperty("");
    private final StringProperty newSetName = new SimpleStringProperty("");
    private final StringProperty prompt = new SimpleStringProperty("");
    private final ObservableList<Scored> scores = FXCollections.observableArrayList();
    private final StringProperty tryResult = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanBinding unsaved =
            Bindings.createBooleanBinding(this::editorDiffers, intent, name, reply, examples);
    private Function<String, UnsavedChoice> askToSave = question -> UnsavedChoice.CANCEL; // nobody to ask: keep them

    public IntentsViewModel(TaskRunner tasks, Function<Workspace, IntentSetStore> stores, Supplier<IntentModel> model) {
        this.tasks = tasks;
        this.stores = stores;
        this.model = model;
    }

    public void setWorkspace(Workspace workspace) {
        ws = workspace;
        sets.clear();
        intents.clear();
        set.set(null);
        load(null);
        scores.clear();
        tryResult.set("");
        if (workspace != null) {
            reloadSets(null, null);
        }
    }

    /**
     * Re-reads the sets and intents of the open workspace (File → Refresh) keeping the selected set and intent; changes
     * in the editor stay as typed.
     */
    public void refresh() {
        if (ws == null) {
            return;
        }
        IntentSet s = set.get();
        Intent i = intent.get();
        String[] typed = unsaved.get() ? new String[] {name.get(), reply.get(), examples.get()} : null;
        reloadSets(s == null ? null : s.id(), () -> {
            if (s == null || set.get() == null || set.get().id() != s.id()) {
                return; // the set is gone: nothing of the editor belongs to the set shown now
            }
            load(i == null ? null : byId(i.id()));
            if (typed != null) {
                name.set(typed[0]);
                reply.set(typed[1]);
                examples.set(typed[2]);
            }
        });
    }

    /** Shows the intents of {@code s}, once the editor's changes are saved or discarded ({@link #leaveEditor}). */
    public void select(IntentSet s) {
        leaveEditor(() -> show(s, null));
    }

    /**
     * Puts {@code i} in the editor (null starts a new intent), once the editor's changes are saved or discarded
     * ({@link #leaveEditor}).
     */
    public void edit(Intent i) {
        leaveEditor(() -> load(i == null ? null : byId(i.id())));
    }

    /**
     * Runs {@code then} at once when the editor has no unsaved changes; otherwise asks "Save changes to …?" and saves
     * them first (Save; {@code then} runs once they are stored, not when they cannot be), drops them (Discard) or does
     * nothing (Cancel).
     */
    public void leaveEditor(Runnable then) {
        if (!unsaved.get()) {
            then.run();
            return;
        }
        switch (askToSave.apply(saveQuestion())) {
            case SAVE -> save(then);
            case DISCARD -> then.run();
            case CANCEL -> { }
        }
    }

    /** The question asked before the editor's changes would be lost. */
    public String saveQuestion() {
        Intent i = intent.get();
        String typed = name.get() == null ? "" : name.get().strip();
        return i != null ? "Save changes to " + i.name() + "?"
                : typed.isEmpty() ? "Save the new intent?" : "Save the new intent " + typed + "?";
    }

    /** Who answers {@link #saveQuestion()} (the view: a dialog with Save, Discard and Cancel). */
    public void setAskToSave(Function<String, UnsavedChoice> ask) {
        askToSave = ask;
    }

    /**
     * What the screen holds typed and not stored, for the window's "Leave without saving?" ("the intent lights_on", "a new
     * intent", "the new intent set kitchen (not created)"), null when nothing. A prompt typed to try the set is not work
     * to keep: nothing stores it.
     */
    public String unsavedWork() {
        List<String> work = new java.util.ArrayList<>();
        if (unsaved.get()) {
            String n = strip(name.get());
            work.add(n.isEmpty() ? "a new intent" : "the intent " + n);
        }
        String set = strip(newSetName.get());
        if (!set.isEmpty()) {
            work.add("the new intent set " + set + " (not created)");
        }
        return work.isEmpty() ? null : String.join(", ", work);
    }

    /** Whether the editor holds something {@link #save()} would store and nothing stores yet. */
    public BooleanBinding unsavedProperty() {
        return unsaved;
    }

    private boolean editorDiffers() {
        Intent i = intent.get();
        String n = strip(name.get());
        String r = strip(reply.get());
        List<String> lines = lines(examples.get());
        if (i == null) {
            return !n.isEmpty() || !r.isEmpty() || !lines.isEmpty();
        }
        return !n.equals(i.name()) || !r.equals(strip(i.responseTemplate())) || !lines.equals(i.examples());
    }

    private void show(IntentSet s, Runnable then) {
        set.set(s);
        scores.clear();
        tryResult.set("");
        reloadIntents(null, then);
    }

    /** Puts {@code i} in the editor as stored, dropping what the editor held; null starts a new intent. */
    private void load(Intent i) {
        intent.set(i);
        name.set(i == null ? "" : i.name());
        reply.set(i == null || i.responseTemplate() == null ? "" : i.responseTemplate());
        examples.set(i == null ? "" : String.join("\n", i.examples()));
    }

    /** Stores the editor's intent (a new one when none is being edited) in the selected set. */
    public void save() {
        save(null);
    }

    /** {@link #save()}, then {@code then} (if any) once the intent is stored and the list re-read. */
    private void save(Runnable then) {
        IntentSet s = set.get();
        if (s == null) {
            message.set("Pick an intent set first, or create one.");
            return;
        }
        String n = strip(name.get());
        List<String> lines = lines(examples.get());
        if (n.isEmpty()) {
            message.set("Give the intent a name (for example lights_on).");
            return;
        }
        if (lines.isEmpty()) {
            message.set("Add at least one example utterance, one per line.");
            return;
        }
        Intent editing = intent.get();
        if (intents.stream().anyMatch(i -> i.name().equalsIgnoreCase(n) && (editing == null || i.id() != editing.id()))) {
            message.set("The set already has an intent named '" + n + "'.");
            return;
        }
        String r = strip(reply.get()).isEmpty() ? null : strip(reply.get());
        Workspace w = ws;
        tasks.run("Save intent", () -> editing == null
                        ? w.intentSets().addIntent(s.id(), Intent.of(n, lines, r))
                        : w.intentSets().updateIntent(new Intent(editing.id(), editing.uid(), editing.intentSetId(), n, lines, r,
                                editing.position())),
                saved -> {
                    message.set("Saved intent '" + n + "' (" + lines.size() + (lines.size() == 1 ? " example" : " examples")
                            + "); the next run of " + s.name() + " uses it.");
                    reloadIntents(saved.id(), then);
                },
                e -> message.set("Could not save the intent: " + e.getMessage()));
    }

    /** What the user is asked before {@link #delete()}: the intent and how many examples go with it; null: none. */
    public String deleteQuestion() {
        Intent i = intent.get();
        if (i == null) {
            return null;
        }
        int n = i.examples().size();
        return "Delete " + i.name() + " and its " + n + (n == 1 ? " example?" : " examples?");
    }

    /** Deletes the intent in the editor (the view asks {@link #deleteQuestion()} first). */
    public void delete() {
        Intent i = intent.get();
        if (i == null) {
            message.set("Pick the intent to delete.");
            return;
        }
        Workspace w = ws;
        tasks.run("Delete intent", () -> {
            w.intentSets().deleteIntent(i.id());
            return i;
        }, gone -> {
            message.set("Deleted intent '" + gone.name() + "'.");
            reloadIntents(null, null);
        }, e -> message.set("Could not delete the intent: " + e.getMessage()));
    }

    /** Creates an empty set named by {@link #newSetNameProperty()} and the intent model that answers with it. */
    public void createSet() {
        String n = newSetName.get() == null ? "" : newSetName.get().strip();
        if (!n.matches("[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}")) {
            message.set("Name the set with letters, digits, spaces, '-', '_' or '.' (up to 64), for example kitchen-assistant.");
            return;
        }
        if (sets.stream().anyMatch(s -> s.name().equalsIgnoreCase(n))) {
            message.set("The workspace already has an intent set named '" + n + "'.");
            return;
        }
        leaveEditor(() -> create(n));
    }

    private void create(String n) {
        Workspace w = ws;
        tasks.run("Create intent set", () -> {
            IntentSet created = w.intentSets().create(n, "");
            stores.apply(w).ensureModel(n); // pickable in Compare as "Intent model (n)"
            return created;
        }, created -> {
            newSetName.set("");
            message.set("Created intent set '" + n + "': add its intents, then pick its intent model in Compare.");
            reloadSets(created.id(), null);
        }, e -> message.set("Could not create the set: " + e.getMessage()));
    }

    /** Matches {@link #promptProperty()} against the selected set, as its intent model would. */
    public void tryPrompt() {
        IntentSet s = set.get();
        String p = prompt.get() == null ? "" : prompt.get().strip();
        if (s == null) {
            message.set("Pick an intent set to try a prompt against.");
            return;
        }
        if (p.isEmpty()) {
            message.set("Type a prompt to try.");
            return;
        }
        if (intents.isEmpty()) {
            message.set("The set has no intents yet: add one first.");
            return;
        }
        Workspace w = ws;
        tryResult.set("Matching…");
        tasks.run("Try a prompt", () -> {
            dev.switchyard.local.intent.IntentSet engineSet = stores.apply(w).load(s.name()).orElseThrow(
                    () -> new IllegalStateException("The intent set '" + s.name() + "' is no longer in the workspace."));
            IntentModel m = model.get();
            long t0 = System.nanoTime();
            m.prepare(engineSet); // loads the embedder and embeds the examples, the first time and after an edit
            long t1 = System.nanoTime();
            IntentMatch match = m.match(engineSet, p);
            return new Tried(match, (t1 - t0) / 1e6, (System.nanoTime() - t1) / 1e6);
        }, r -> {
            scores.setAll(r.match().top().stream().map(IntentsViewModel::scored).toList());
            tryResult.set((r.match().confident() ? "Reply: " : "No confident match: ") + r.match().reply()
                    + String.format(Locale.ROOT, " (matched in %.0f ms", r.matchMs())
                    + (r.prepareMs() >= 50 ? String.format(Locale.ROOT, "; loading the model and embedding the set's "
                    + "examples first took %.0f ms)", r.prepareMs()) : ")"));
            message.set("");
        }, e -> {
            tryResult.set("");
            message.set("Could not try the prompt: " + e.getMessage());
        });
    }

    private record Tried(IntentMatch match, double prepareMs, double matchMs) {
    }

    private static Scored scored(ScoredIntent s) {
        return new Scored(s.intent(), s.confidence(), s.similarity());
    }

    /** Re-reads the sets, shows the one with id {@code select} (or the first) and its intents, then {@code then}. */
    private void reloadSets(Long select, Runnable then) {
        Workspace w = ws;
        tasks.run("Intent sets", () -> w.intentSets().list(), list -> {
            sets.setAll(list);
            IntentSet pick = list.stream().filter(s -> select != null && s.id() == select).findFirst()
                    .orElse(list.isEmpty() ? null : list.get(0));
            show(pick, then);
        }, e -> message.set("Could not read the intent sets: " + e.getMessage()));
    }

    /** Re-reads the set's intents, edits the one with id {@code select} (or a new one), then runs {@code then}. */
    private void reloadIntents(Long select, Runnable then) {
        IntentSet s = set.get();
        if (s == null) {
            intents.clear();
            load(null);
            if (then != null) {
                then.run();
            }
            return;
        }
        Workspace w = ws;
        tasks.run("Intents", () -> w.intentSets().intents(s.id()), list -> {
            intents.setAll(list);
            load(select == null ? null : byId(select));
            if (then != null) {
                then.run();
            }
        }, e -> message.set("Could not read the intents: " + e.getMessage()));
    }

    /** The listed intent with this id (as last read), or null. */
    private Intent byId(long id) {
        return intents.stream().filter(i -> i.id() == id).findFirst().orElse(null);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    /** The example lines as stored: stripped, blank ones and repeats dropped. */
    private static List<String> lines(String text) {
        return Arrays.stream(strip(text).split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).distinct().toList();
    }

    public ObservableList<IntentSet> sets() {
        return sets;
    }

    public ObjectProperty<IntentSet> setProperty() {
        return set;
    }

    public ObservableList<Intent> intents() {
        return intents;
    }

    public ObjectProperty<Intent> intentProperty() {
        return intent;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty replyProperty() {
        return reply;
    }

    public StringProperty examplesProperty() {
        return examples;
    }

    public StringProperty newSetNameProperty() {
        return newSetName;
    }

    public StringProperty promptProperty() {
        return prompt;
    }

    public ObservableList<Scored> scores() {
        return scores;
    }

    public StringProperty tryResultProperty() {
        return tryResult;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
