package dev.switchyard.ui.history;

import dev.switchyard.app.history.ExportFormat;
import dev.switchyard.app.history.HistoryExport;
import dev.switchyard.app.history.RunPrompts;
import dev.switchyard.ui.task.TaskRunner;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Page;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunSort;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The history screen: filters, one page of runs at a time (never the whole table — workspaces hold up to a
 * million runs), sort by column, export of the selected runs, reopen of a comparison. No {@code javafx.scene}.
 */
public final class HistoryViewModel {

    /**
     * What the screen shows; BAD_DATES: a typed date cannot be read, or the From date is after the To date, so nothing
     * is searched or listed ({@link #datesErrorProperty} says which).
     */
    public enum Mode { NO_WORKSPACE, LOADING, READY, EMPTY, FAILED, BAD_DATES }

    /** What the table says, as an error, while the dates are the wrong way round. */
    public static final String BAD_DATES = "The From date is after the To date. Swap them or clear one.";

    /** What the table says, as an error, while a date field holds {@code typed}, which is no date. */
    public static String notADate(String typed) {
        return "'" + typed + "' is not a date; write it as 26 Nov 2026 or 2026-11-26";
    }

    /** An entry of the model filter; {@code id} null means every model. */
    public record ModelOption(Long id, String label) {
        public static final ModelOption ALL = new ModelOption(null, "All models");

        @Override
        public String toString() {
            return label;
        }
    }

    public static final int PAGE_SIZE = 50;

    private final TaskRunner tasks;
    private final ZoneId zone;
    private Workspace workspace;
    private long generation;

    private final ObjectProperty<ModelOption> model = new SimpleObjectProperty<>(ModelOption.ALL);
    private final ObjectProperty<RunState> status = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringProperty text = new SimpleStringProperty("");
    /** The text typed into From or To that is no date, by field; searching waits until it is fixed. */
    private final Map<ObjectProperty<LocalDate>, String> unreadable = new IdentityHashMap<>();
    private final ReadOnlyStringWrapper datesError = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.NO_WORKSPACE);
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasPrevious = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasNext = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<HistoryRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ModelOption> modelOptions = FXCollections.observableArrayList(ModelOption.ALL);
    private RunSort sort = RunSort.CREATED_AT;
    private boolean descending = true;
    private int offset;
    private long total;
    private boolean rereading;

    public HistoryViewModel(TaskRunner tasks, ZoneId zone) {
        this.tasks = tasks;
        this.zone = zone;
    }

    // ------------------------------------------------------------------ properties

    public ObjectProperty<ModelOption> modelProperty() { return model; }

    public ObjectProperty<RunState> statusProperty() { return status; }

    public ObjectProperty<LocalDate> fromProperty() { return from; }

    public ObjectProperty<LocalDate> toProperty() { return to; }

    public StringProperty textProperty() { return text; }

    public ReadOnlyObjectProperty<Mode> modeProperty() { return mode.getReadOnlyProperty(); }

    /** In {@link Mode#BAD_DATES}, why the dates cannot be searched: {@link #BAD_DATES} or {@link #notADate}. */
    public ReadOnlyStringProperty datesErrorProperty() { return datesError.getReadOnlyProperty(); }

    /** "1–50 of 1,234 runs"; "1–50 of 1,000+ runs" when the total was not counted to the end. */
    public ReadOnlyStringProperty pageTextProperty() { return pageText.getReadOnlyProperty(); }

    /** The last outcome (export written, or what went wrong). */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    /** True while the message says something went wrong or needs fixing (the screen shows it as an error). */
    public ReadOnlyBooleanProperty messageIsErrorProperty() { return messageIsError.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty hasPreviousProperty() { return hasPrevious.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty hasNextProperty() { return hasNext.getReadOnlyProperty(); }

    public ObservableList<HistoryRow> rows() { return rows; }

    public ObservableList<ModelOption> modelOptions() { return modelOptions; }

    public RunSort sort() { return sort; }

    public boolean descending() { return descending; }

    public ZoneId zone() { return zone; }

    /**
     * True while the page being loaded is the one shown, read again ({@link #refresh}): the screen keeps the runs
     * selected in it. A search, Clear, another page or sort starts with nothing selected.
     */
    public boolean rereading() { return rereading; }

    // ------------------------------------------------------------------ commands

    /** Follows the open workspace; reloads the model list and the first page. */
    public void setWorkspace(Workspace ws) {
        workspace = ws;
        rows.clear();
        if (ws == null) {
            mode.set(Mode.NO_WORKSPACE);
            return;
        }
        tasks.run("Load models", () -> HistoryExport.displayNames(ws), names -> {
            if (ws != workspace) {
                return;
            }
            List<ModelOption> options = new ArrayList<>(List.of(ModelOption.ALL));
            names.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.comparing(s -> s.toLowerCase(Locale.ROOT))))
                    .forEach(e -> options.add(new ModelOption(e.getKey(), e.getValue())));
            ModelOption chosen = model.get();
            modelOptions.setAll(options);
            model.set(options.stream().filter(o -> o.equals(chosen)).findFirst().orElse(ModelOption.ALL));
            load(0);
        }, this::fail);
    }

    /** Applies the filters from the first page. */
    public void search() {
        load(0);
    }

    /**
     * Reads a day the user typed into {@code field} ({@link #fromProperty} or {@link #toProperty}), as the date filters
     * write it, ISO or the locale's short form; blank is no date. Text that is none of these is no date: the field
     * counts as empty, and the table, emptied, says so ({@link #notADate}) until the field is read again or cleared.
     */
    public LocalDate readDate(ObjectProperty<LocalDate> field, String typed) {
        if (field != from && field != to) {
            throw new IllegalArgumentException("not a date filter of this screen");
        }
        try {
            LocalDate day = Formats.parseDay(typed, Locale.getDefault(Locale.Category.FORMAT));
            if (unreadable.remove(field) != null && java.util.Objects.equals(day, field.get())) {
                load(0); // the field's value stays, so no search follows on its own
            }
            return day;
        } catch (java.time.format.DateTimeParseException e) {
            unreadable.put(field, typed.strip());
            load(0);
            return null;
        }
    }

    public void clearFilters() {
        model.set(ModelOption.ALL);
        status.set(null);
        unreadable.clear();
        from.set(null);
        to.set(null);
        text.set("");
        load(0);
    }

    /** Re-reads the current page (the screen calls it when shown, so new runs appear). */
    public void refresh() {
        rereading = true;
        try {
            load(offset);
        } finally {
            rereading = false;
        }
    }

    public void nextPage() {
        if (hasNext.get()) {
            load(offset + PAGE_SIZE);
        }
    }

    public void previousPage() {
        if (hasPrevious.get()) {
            load(Math.max(0, offset - PAGE_SIZE));
        }
    }

    /** Sorts by a column (in the database, across every page) and shows the first page. */
    public void sortBy(RunSort by, boolean desc) {
        sort = by;
        descending = desc;
        load(0);
    }

    public HistoryFilter filter() {
        return new HistoryFilter(model.get() == null ? null : model.get().id(), status.get(), from.get(), to.get(),
                text.get(), sort, descending);
    }

    /** Writes these runs to {@code file}; the message says how many or why not. */
    public void export(List<HistoryRow> selected, ExportFormat format, Path file) {
        Workspace ws = workspace;
        if (ws == null || selected.isEmpty()) {
            say("Select the runs to export first (Ctrl+A selects the page).", true);
            return;
        }
        List<Long> ids = selected.stream().map(HistoryRow::id).toList();
        Path target = file.toAbsolutePath();
        say("Exporting " + ids.size() + " runs…", false);
        tasks.run("Export runs", () -> new HistoryExport(ws).runs(ids, format, target),
                n -> say(String.format(Locale.ROOT, "Exported %,d %s to %s.", n, n == 1 ? "run" : "runs", target), false),
                e -> say("Could not export to " + target + ": " + e.getMessage(), true));
    }

    // ------------------------------------------------------------------ loading

    private void load(int newOffset) {
        Workspace ws = workspace;
        if (ws == null) {
            return;
        }
        long gen = ++generation;
        String typed = unreadable.containsKey(from) ? unreadable.get(from) : unreadable.get(to);
        boolean backwards = from.get() != null && to.get() != null && from.get().isAfter(to.get());
        if (typed != null || backwards) {
            datesError.set(typed != null ? notADate(typed) : BAD_DATES);
            rows.clear();
            pageText.set("");
            hasPrevious.set(false);
            hasNext.set(false);
            mode.set(Mode.BAD_DATES);
            return;
        }
        HistoryFilter f = filter();
        mode.set(Mode.LOADING);
        tasks.run("Load history", () -> page(ws, f.query(zone, newOffset, PAGE_SIZE)), page -> {
            if (gen == generation) {
                show(page);
            }
        }, e -> {
            if (gen == generation) {
                fail(e);
            }
        });
    }

    /** One page of runs with their models' names and prompts (read off the FX thread). */
    private record Loaded(Page<Run> runs, List<HistoryRow> rows) {
    }

    private static Loaded page(Workspace ws, dev.switchyard.workspace.model.RunQuery query) {
        Page<Run> page = ws.runs().page(query);
        Map<Long, String> names = HistoryExport.displayNames(ws);
        Map<Long, String> refs = HistoryExport.modelNames(ws);
        RunPrompts prompts = RunPrompts.of(ws);
        return new Loaded(page, page.items().stream().map(r -> new HistoryRow(r, names.getOrDefault(r.modelId(), "?"),
                refs.getOrDefault(r.modelId(), "?"), prompts.of(r))).toList());
    }

    private void show(Loaded loaded) {
        Page<Run> page = loaded.runs();
        offset = page.offset();
        total = page.total();
        rows.setAll(loaded.rows());
        hasPrevious.set(offset > 0);
        hasNext.set(page.hasMore());
        pageText.set(total == 0 ? "No runs match" : String.format(Locale.ROOT, "%,d–%,d of %s", offset + 1,
                offset + page.items().size(), totalText(page)));
        mode.set(total == 0 ? Mode.EMPTY : Mode.READY);
    }

    /**
     * "1,234 runs", or "1,000+ runs" when the workspace stopped counting (a text or date filter over a large history:
     * counting every match would take longer than the page itself).
     */
    static String totalText(Page<?> page) {
        if (!page.totalExact()) {
            return String.format(Locale.ROOT, "%,d+ runs", page.total());
        }
        return String.format(Locale.ROOT, "%,d %s", page.total(), page.total() == 1 ? "run" : "runs");
    }

    private void fail(Exception e) {
        mode.set(Mode.FAILED);
        say("Could not read the history: " + e.getMessage(), true);
    }

    private void say(String text, boolean error) {
        message.set(text);
        messageIsError.set(error);
    }
}
