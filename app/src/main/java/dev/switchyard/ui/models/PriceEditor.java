package dev.switchyard.ui.models;

import dev.switchyard.app.compare.Formats;
import dev.switchyard.app.models.ModelDirectory;
import dev.switchyard.ui.task.TaskRunner;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.PriceRow;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Prices of one model: the history (newest first, the row in force marked) and a new row to add (USD per
 * 1M tokens, dated today). Rows are never edited; a new row supersedes. No {@code javafx.scene}.
 */
public final class PriceEditor {

    public static final String SOURCE = "entered in Switchyard";
    /** What the summary says while no model is picked (the fields are disabled then). */
    public static final String PICK_A_MODEL = "Pick a model in the table above to see and edit its prices.";
    private static final String NO_MODEL_TITLE = "Prices (USD per 1M tokens)";

    private final TaskRunner tasks;
    private final Clock clock;
    private final ObservableList<PriceRow> history = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper inForceId = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(PICK_A_MODEL);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(NO_MODEL_TITLE);
    private final javafx.beans.property.ReadOnlyBooleanWrapper hasModel = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final StringProperty input = new SimpleStringProperty("");
    private final StringProperty cached = new SimpleStringProperty("");
    private final StringProperty output = new SimpleStringProperty("");
    private Workspace workspace;
    private Supplier<ModelDirectory> directory;
    private Model model;
    private Runnable onSaved = () -> { };
    /** The three fields as last filled from the row in force: a field differing from them is an unsaved edit. */
    private List<String> filled = List.of("", "", "");

    public PriceEditor(TaskRunner tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
        KeyForm.clearWhenFixed(error, this::problem, input, cached, output);
    }

    /** What is wrong with the three fields, or null. */
    private String problem() {
        try {
            parse(input.get(), "input", false);
            parse(cached.get(), "cached input", true);
            parse(output.get(), "output", false);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    public ObservableList<PriceRow> history() { return history; }

    /** Id of the row in force today (-1: none). */
    public ReadOnlyLongProperty inForceIdProperty() { return inForceId.getReadOnlyProperty(); }

    /** "In force since 25 Nov 2026: $0.15 in · …" or "No price: runs of this model show 'no price'." */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }

    /** What was done ("Saved the price of …"). */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    /** What went wrong or is to fix ("'abc' is not a number …"); "" when nothing, cleared once an edit fixes it. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    /** "Prices of gpt-4o-mini (USD per 1M tokens)"; without a model, "Prices (USD per 1M tokens)". */
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }

    /** True while a model is shown: the fields and Save apply to it. */
    public javafx.beans.property.ReadOnlyBooleanProperty hasModelProperty() { return hasModel.getReadOnlyProperty(); }

    public StringProperty inputProperty() { return input; }

    public StringProperty cachedProperty() { return cached; }

    public StringProperty outputProperty() { return output; }

    public Model model() { return model; }

    /** Called after a row was saved (the model list refreshes its price column). */
    public void setOnSaved(Runnable r) {
        onSaved = r;
    }

    /** Shows this model's prices (null clears). */
    public void show(Workspace ws, Supplier<ModelDirectory> dir, Model m) {
        workspace = ws;
        directory = dir;
        model = m;
        message.set("");
        error.set("");
        hasModel.set(m != null);
        title.set(m == null ? NO_MODEL_TITLE : "Prices of " + m.displayName() + " (USD per 1M tokens)");
        if (m == null) {
            history.clear();
            summary.set(PICK_A_MODEL);
            inForceId.set(-1);
            input.set("");
            cached.set("");
            output.set("");
            filled = fields();
            return;
        }
        tasks.run("Load prices", () -> ws.prices().history(m.id()), rows -> {
            if (m == model) {
                showRows(rows);
            }
        }, e -> error.set("Could not read prices: " + e.getMessage()));
    }

    /**
     * Reads the shown model's prices again (a price set from the CLI meanwhile); the fields follow the row in force
     * only when they hold what was filled in, so a price being typed stays.
     */
    void refresh() {
        Model m = model;
        Workspace ws = workspace;
        if (m == null || ws == null) {
            return;
        }
        tasks.run("Load prices", () -> ws.prices().history(m.id()), rows -> {
            if (m != model) {
                return;
            }
            if (fields().equals(filled)) {
                showRows(rows);
            } else {
                showHistory(rows);
            }
        }, e -> error.set("Could not read prices: " + e.getMessage()));
    }

    private List<String> fields() {
        return java.util.Arrays.asList(input.get(), cached.get(), output.get());
    }

    private void showRows(List<PriceRow> rows) {
        PriceRow fill = showHistory(rows);
        input.set(fill == null ? "" : fill.inputPerMTok().toPlainString());
        cached.set(fill == null || fill.cachedInputPerMTok() == null ? "" : fill.cachedInputPerMTok().toPlainString());
        output.set(fill == null ? "" : fill.outputPerMTok().toPlainString());
        filled = fields();
    }

    /** Shows the rows and the one in force, which it returns; the fields are left alone. */
    private PriceRow showHistory(List<PriceRow> rows) {
        if (!rows.equals(history)) {
            history.setAll(rows);
        }
        LocalDate today = LocalDate.now(clock);
        PriceRow inForce = rows.stream().filter(r -> !r.asOf().isAfter(today)).findFirst().orElse(null);
        inForceId.set(inForce == null ? -1 : inForce.id());
        summary.set(inForce == null ? "No price: runs of this model show \"no price\" until you add one."
                : "In force since " + day(inForce.asOf()) + ": " + summary(inForce) + " (" + inForce.source() + ")");
        return inForce;
    }

    /**
     * "prices of gpt-4o-mini" while a field holds another price than the row in force filled in (the same amount written
     * another way, "0.150" for "0.15", is no change), else null: what quitting or opening another workspace names as not
     * saved.
     */
    public String unsavedWork() {
        List<String> now = fields();
        if (model == null || now.equals(filled)) {
            return null;
        }
        for (int i = 0; i < now.size(); i++) {
            if (changed(now.get(i), filled.get(i), i == 1)) {
                return "prices of " + model.displayName();
            }
        }
        return null;
    }

    private static boolean changed(String typed, String was, boolean optional) {
        if (java.util.Objects.equals(typed, was)) {
            return false;
        }
        try {
            BigDecimal a = parse(typed, "", optional);
            BigDecimal b = parse(was, "", optional);
            return a == null ? b != null : b == null || a.compareTo(b) != 0;
        } catch (IllegalArgumentException e) {
            return true; // not a price (yet): still typed
        }
    }

    /** Adds a price row dated today from the three fields (cached optional). */
    public void save() {
        save(() -> { });
    }

    /** {@link #save()}, then {@code then} once the row is stored (not when the fields are wrong or storing fails). */
    void save(Runnable then) {
        Model m = model;
        if (m == null) {
            return;
        }
        BigDecimal in;
        BigDecimal out;
        BigDecimal cachedIn;
        try {
            in = parse(input.get(), "input", false);
            cachedIn = parse(cached.get(), "cached input", true);
            out = parse(output.get(), "output", false);
        } catch (IllegalArgumentException e) {
            message.set("");
            error.set(e.getMessage());
            return;
        }
        Supplier<ModelDirectory> dir = directory;
        Workspace ws = workspace;
        tasks.run("Save price", () -> {
            dir.get().recordPrice(m, in, cachedIn, out, SOURCE);
            return ws.prices().history(m.id());
        }, rows -> {
            if (m == model) {
                showRows(rows);
                error.set("");
                message.set("Saved the price of " + m.displayName() + "; it applies to runs from "
                        + day(LocalDate.now(clock)) + " on.");
            }
            onSaved.run();
            then.run();
        }, e -> error.set("Could not save the price: " + e.getMessage()));
    }

    static BigDecimal parse(String text, String what, boolean optional) {
        String t = text == null ? "" : text.strip().replace("$", "");
        if (t.isEmpty()) {
            if (optional) {
                return null;
            }
            throw new IllegalArgumentException("Enter the " + what + " price in USD per 1M tokens.");
        }
        try {
            BigDecimal v = new BigDecimal(t);
            if (v.signum() < 0) {
                throw new IllegalArgumentException("Prices cannot be negative (" + what + ").");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + t + "' is not a number (" + what + " price, USD per 1M tokens).");
        }
    }

    /** "$0.15 in · $0.075 cached · $0.60 out per 1M". */
    public static String summary(PriceRow r) {
        return Formats.usdPerMTok(r.inputPerMTok()) + " in · "
                + (r.cachedInputPerMTok() == null ? "" : Formats.usdPerMTok(r.cachedInputPerMTok()) + " cached · ")
                + Formats.usdPerMTok(r.outputPerMTok()) + " out per 1M";
    }

    /** A history row's status: "in force" today, "upcoming" when its day is still to come, else "replaced". */
    public String status(PriceRow r) {
        if (r.id() == inForceId.get()) {
            return "in force";
        }
        return r.asOf().isAfter(LocalDate.now(clock)) ? "upcoming" : "replaced";
    }

    /** A day as the rest of the app shows it ("26 Nov 2026"). */
    public static String day(LocalDate d) {
        return dev.switchyard.ui.history.Formats.day(d);
    }
}
