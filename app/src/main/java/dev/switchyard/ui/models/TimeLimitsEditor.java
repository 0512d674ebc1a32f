package dev.switchyard.ui.models;

import dev.switchyard.app.models.ModelDirectory;
import dev.switchyard.app.models.TimeLimits;
import dev.switchyard.app.models.TimeLimits.Limit;
import dev.switchyard.cloud.Timeouts;
import dev.switchyard.ui.task.TaskRunner;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The time limits of the cloud model picked in the table: connect, first token, idle gap and total, as "10 s", "5 min";
 * each says whether it is the model's default; a limit typed wrong (not a time, out of bounds, longer than one it is
 * part of) is marked with what is wrong and nothing is saved; Save stores them, Reset to defaults stores the model's
 * defaults. No {@code javafx.scene}.
 */
public final class TimeLimitsEditor {

    /** What the summary says while no model is picked (the fields are disabled then). */
    public static final String PICK_A_MODEL = "Pick a model in the table above to see and change its time limits.";
    private static final String NO_MODEL_TITLE = "Time limits";

    private final TaskRunner tasks;
    private final Map<Limit, StringProperty> texts = new EnumMap<>(Limit.class);
    private final Map<Limit, ReadOnlyStringWrapper> notes = new EnumMap<>(Limit.class);
    private final Map<Limit, ReadOnlyStringWrapper> problems = new EnumMap<>(Limit.class);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(NO_MODEL_TITLE);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(PICK_A_MODEL);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper hasModel = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper atDefaults = new ReadOnlyBooleanWrapper(true);
    private Workspace workspace;
    private Supplier<ModelDirectory> directory;
    private Model model;
    /** The model's limits as stored, and its defaults; null while none is shown. */
    private Timeouts saved;
    private Timeouts defaults;
    /** The fields as last filled from the stored limits: a field differing from them is an unsaved edit. */
    private List<String> filled = List.of("", "", "", "");

    public TimeLimitsEditor(TaskRunner tasks) {
        this.tasks = tasks;
        for (Limit l : Limit.values()) {
            texts.put(l, new SimpleStringProperty(""));
            notes.put(l, new ReadOnlyStringWrapper(""));
            problems.put(l, new ReadOnlyStringWrapper(""));
            texts.get(l).addListener((o, a, b) -> recheck());
        }
        KeyForm.clearWhenFixed(error, this::firstProblem, texts.values().toArray(StringProperty[]::new));
    }

    // ------------------------------------------------------------------ properties

    /** The field of one limit, as typed ("60 s", "3 min", "90" — a bare number is seconds). */
    public StringProperty textProperty(Limit l) { return texts.get(l); }

    /** Under a field: "default" when it holds the model's default, else "default 60 s"; "" without a model. */
    public ReadOnlyStringProperty noteProperty(Limit l) { return notes.get(l).getReadOnlyProperty(); }

    /** What is wrong with this field as typed ("" when nothing): the view marks the field and shows it on hover. */
    public ReadOnlyStringProperty problemProperty(Limit l) { return problems.get(l).getReadOnlyProperty(); }

    /** "Time limits of gpt-4o-mini"; without a model, "Time limits". */
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }

    /** What the limits do and whether the stored ones are the model's defaults. */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }

    /** What was done ("Saved the time limits of …"). */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    /** Why Save stored nothing ("First token (20 min) cannot be longer than total …"); cleared once an edit fixes it. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    /** True while a cloud model is shown: the fields and buttons apply to it. */
    public ReadOnlyBooleanProperty hasModelProperty() { return hasModel.getReadOnlyProperty(); }

    /** True when the stored limits are the model's defaults and no field is edited (Reset has nothing to do). */
    public ReadOnlyBooleanProperty atDefaultsProperty() { return atDefaults.getReadOnlyProperty(); }

    public Model model() { return model; }

    /**
     * "time limits of gpt-4o-mini" while a field holds something else than the stored limit (the same time written
     * another way, "1 min" for "60 s", is no change), else null: what quitting or opening another workspace names as not
     * saved. A field the user has not changed does not count.
     */
    public String unsavedWork() {
        if (model == null || saved == null) {
            return null;
        }
        for (Limit l : Limit.values()) {
            if (changed(l)) {
                return "time limits of " + model.displayName();
            }
        }
        return null;
    }

    private boolean changed(Limit l) {
        String typed = texts.get(l).get();
        if (typed == null || typed.equals(filled.get(l.ordinal()))) {
            return false;
        }
        try {
            return !TimeLimits.parse(typed, l).equals(l.of(saved));
        } catch (IllegalArgumentException e) {
            return true; // typed wrong, or half typed: still typed
        }
    }

    // ------------------------------------------------------------------ commands

    /** Shows this model's time limits (null, or a model that does not run in the cloud, clears). */
    public void show(Workspace ws, Supplier<ModelDirectory> dir, Model m) {
        workspace = ws;
        directory = dir;
        model = m == null || m.kind() != dev.switchyard.workspace.model.ModelKind.CLOUD ? null : m;
        message.set("");
        error.set("");
        if (model == null) {
            saved = null;
            defaults = null;
            hasModel.set(false);
            title.set(NO_MODEL_TITLE);
            summary.set(PICK_A_MODEL);
            fill(null);
            return;
        }
        hasModel.set(true);
        title.set("Time limits of " + model.displayName());
        saved = null; // until read: nothing to mark, nothing to save
        defaults = null;
        summary.set("");
        fill(null);
        Model asked = model;
        tasks.run("Load time limits", () -> read(ws, dir.get(), asked), read -> {
            if (shown(asked)) {
                showStored(read, true);
            }
        }, e -> error.set("Could not read the time limits: " + e.getMessage()));
    }

    /**
     * Reads the shown model's limits again (set from the CLI meanwhile); the fields follow them only when they hold what
     * was filled in, so a limit being typed stays.
     */
    void refresh() {
        Model m = model;
        Workspace ws = workspace;
        Supplier<ModelDirectory> dir = directory;
        if (m == null || ws == null) {
            return;
        }
        tasks.run("Load time limits", () -> read(ws, dir.get(), m), read -> {
            if (shown(m)) {
                showStored(read, fields().equals(filled));
            }
        }, e -> error.set("Could not read the time limits: " + e.getMessage()));
    }

    /** Checks the four fields and stores them; a wrong one is said (and marked) and nothing is stored. */
    public void save() {
        save(() -> { });
    }

    /** {@link #save()}, then {@code then} once the limits are stored (not when one is wrong or storing fails). */
    void save(Runnable then) {
        if (model == null || saved == null) {
            return;
        }
        String problem = firstProblem();
        if (problem != null) {
            message.set("");
            error.set(problem);
            return;
        }
        store(typed(), "Saved the time limits of " + model.displayName() + "; its next run uses them.", then);
    }

    /** Stores the model's default limits (the fields show them), whatever is typed. */
    public void resetToDefaults() {
        if (model == null || defaults == null) {
            return;
        }
        fill(defaults);
        store(defaults, model.displayName() + " has its default time limits again: " + TimeLimits.describe(defaults) + ".",
                () -> { });
    }

    // ------------------------------------------------------------------ inside

    private record Read(Model row, Timeouts limits, Timeouts defaults) {
    }

    /** Whether {@code m} is the model shown now (its row is replaced by the one read each time). */
    private boolean shown(Model m) {
        return model != null && model.id() == m.id();
    }

    /** The model's row as stored now (the limits may have been set from a terminal), its limits and defaults. */
    private static Read read(Workspace ws, ModelDirectory dir, Model m) {
        Model row = ws.models().get(m.id()).orElse(m);
        return new Read(row, dir.timeouts(row), dir.defaultTimeouts(row));
    }

    private void store(Timeouts t, String done, Runnable then) {
        Model m = model;
        Workspace ws = workspace;
        Supplier<ModelDirectory> dir = directory;
        tasks.run("Save time limits", () -> {
            ModelDirectory d = dir.get();
            return read(ws, d, d.setTimeouts(m, t));
        }, read -> {
            if (shown(m)) {
                showStored(read, true);
                error.set("");
                message.set(done);
            }
            then.run();
        }, e -> {
            message.set("");
            error.set("Could not save the time limits: " + e.getMessage());
        });
    }

    private void showStored(Read read, boolean fillFields) {
        model = read.row();
        saved = read.limits();
        defaults = read.defaults();
        if (fillFields) {
            fill(saved);
        } else {
            recheck();
        }
        summary.set(summaryOf(read.row(), saved, defaults));
    }

    private static String summaryOf(Model m, Timeouts saved, Timeouts defaults) {
        String state = saved.equals(defaults) ? "These are " + defaultsName(defaults) + "."
                : "Changed from " + defaultsName(defaults) + " (" + TimeLimits.describe(defaults) + ").";
        String applies = m.capabilities().streaming() ? "A run that takes longer than one of these stops with an error."
                : "This model answers in one piece: only Connect and Total apply to it.";
        return applies + " " + state;
    }

    private static String defaultsName(Timeouts d) {
        return d.equals(Timeouts.REASONING) ? "the defaults for a reasoning model" : "this model's defaults";
    }

    private void fill(Timeouts t) {
        for (Limit l : Limit.values()) {
            texts.get(l).set(t == null ? "" : TimeLimits.format(l.of(t)));
        }
        filled = fields();
        recheck();
    }

    private List<String> fields() {
        return List.of(texts.get(Limit.CONNECT).get(), texts.get(Limit.FIRST_TOKEN).get(), texts.get(Limit.IDLE_GAP).get(),
                texts.get(Limit.TOTAL).get());
    }

    /** The limits as typed; only when {@link #firstProblem()} is null. */
    private Timeouts typed() {
        Timeouts t = Timeouts.DEFAULT;
        for (Limit l : Limit.values()) {
            t = l.with(t, TimeLimits.parse(texts.get(l).get(), l));
        }
        return t;
    }

    /** Every field's problem, in field order: a typo or bound first, then an order between two fields. */
    private Map<Limit, String> problems() {
        Map<Limit, String> out = new EnumMap<>(Limit.class);
        Map<Limit, Duration> values = new EnumMap<>(Limit.class);
        for (Limit l : Limit.values()) {
            try {
                Duration d = TimeLimits.parse(texts.get(l).get(), l);
                String bounds = TimeLimits.outOfBounds(l, d);
                if (bounds != null) {
                    out.put(l, bounds);
                } else {
                    values.put(l, d);
                }
            } catch (IllegalArgumentException e) {
                out.put(l, e.getMessage());
            }
        }
        if (values.size() == Limit.values().length) {
            Timeouts t = Timeouts.DEFAULT;
            for (Limit l : Limit.values()) {
                t = l.with(t, values.get(l));
            }
            for (TimeLimits.Problem p : TimeLimits.check(t)) {
                p.limits().forEach(l -> out.putIfAbsent(l, p.sentence()));
            }
        }
        return out;
    }

    private String firstProblem() {
        if (model == null || saved == null) {
            return null;
        }
        return problems().values().stream().findFirst().orElse(null);
    }

    /** Marks the fields typed wrong, and says of each field whether it holds the model's default. */
    private void recheck() {
        Map<Limit, String> now = model == null || saved == null ? Map.of() : problems();
        for (Limit l : Limit.values()) {
            problems.get(l).set(now.getOrDefault(l, ""));
            notes.get(l).set(note(l));
        }
        atDefaults.set(saved == null || (saved.equals(defaults) && fields().equals(filled)));
    }

    private String note(Limit l) {
        if (defaults == null || model == null) {
            return "";
        }
        Duration d = l.of(defaults);
        try {
            if (TimeLimits.parse(texts.get(l).get(), l).equals(d)) {
                return "default";
            }
        } catch (IllegalArgumentException e) {
            // typed wrong: the default is still worth saying
        }
        return "default " + TimeLimits.format(d);
    }
}
