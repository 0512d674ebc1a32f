package dev.switchyard.ui.replay;

import dev.switchyard.app.replay.dataset.DatasetService;
import dev.switchyard.ui.task.TaskRunner;
import dev.switchyard.workspace.model.Dataset;
import dev.switchyard.workspace.model.DatasetItem;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/** Datasets of the open workspace: list, import (bad rows reported by line), create from history, edit items. */
public final class DatasetsViewModel {

    private final TaskRunner tasks;
    private final Supplier<ReplayBackend> backend;
    private final ObservableList<Dataset> datasets = FXCollections.observableArrayList();
    private final ObservableMap<Long, Long> itemCounts = FXCollections.observableHashMap();
    private final ObjectProperty<Dataset> selected = new SimpleObjectProperty<>();
    private final ObservableList<DatasetItem> items = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public DatasetsViewModel(TaskRunner tasks, Supplier<ReplayBackend> backend) {
        this.tasks = tasks;
        this.backend = backend;
        selected.addListener((o, a, d) -> loadItems(d));
    }

    public ObservableList<Dataset> datasets() {
        return datasets;
    }

    /** How many items each dataset holds, by dataset id (read with the list). */
    public ObservableMap<Long, Long> itemCounts() {
        return itemCounts;
    }

    /** "20 items" / "1 item" for the list; "" while the count is not known. */
    public String countText(Dataset d) {
        Long n = d == null ? null : itemCounts.get(d.id());
        return n == null ? "" : String.format(java.util.Locale.ROOT, "%,d item%s", n, n == 1 ? "" : "s");
    }

    public ObjectProperty<Dataset> selectedProperty() {
        return selected;
    }

    public ObservableList<DatasetItem> items() {
        return items;
    }

    /** The rows left out by the last import, "line N: why". */
    public ObservableList<String> problems() {
        return problems;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void refresh() {
        ReplayBackend b = backend.get();
        if (b == null) {
            datasets.clear();
            return;
        }
        Long keep = selected.get() == null ? null : selected.get().id();
        load(b, keep);
    }

    private record Listing(List<Dataset> datasets, java.util.Map<Long, Long> counts) {
    }

    /** Reads the datasets with their item counts, then selects {@code id} (else the first). */
    private void load(ReplayBackend b, Long id) {
        tasks.run("Loading datasets", () -> new Listing(b.datasets(), b.itemCounts()), l -> {
            itemCounts.clear();
            itemCounts.putAll(l.counts());
            datasets.setAll(l.datasets());
            select(id);
        }, this::fail);
    }

    public void importFile(Path file) {
        ReplayBackend b = backend.get();
        if (b == null || file == null) {
            return;
        }
        message.set("Importing " + file.getFileName() + "…");
        tasks.run("Importing " + file.getFileName(), () -> b.importFile(file), this::imported, this::fail);
    }

    public void fromHistory(String name) {
        ReplayBackend b = backend.get();
        if (b != null) {
            tasks.run("Dataset from history", () -> b.fromHistory(blank(name) ? "history" : name), this::imported,
                    this::fail);
        }
    }

    public void fromComparison(String name, long comparisonId) {
        ReplayBackend b = backend.get();
        if (b != null) {
            tasks.run("Dataset from comparison", () -> b.fromComparison(blank(name) ? "comparison " + comparisonId
                    : name, comparisonId), this::imported, this::fail);
        }
    }

    /** From the comparison id the user typed. */
    public void fromComparison(String idText) {
        try {
            fromComparison(null, Long.parseLong(idText.trim()));
        } catch (NumberFormatException e) {
            message.set("A comparison id is a number, such as 12.");
        }
    }

    /** Saves an edited item (prompt, system, reference, tags). */
    public void saveItem(DatasetItem edited) {
        ReplayBackend b = backend.get();
        if (b == null) {
            return;
        }
        tasks.run("Saving item", () -> b.updateItem(edited), saved -> {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).id() == saved.id()) {
                    items.set(i, saved);
                }
            }
            message.set("Item " + (saved.position() + 1) + " saved.");
        }, this::fail);
    }

    private void imported(DatasetService.Imported r) {
        problems.setAll(r.problems().stream().map(Object::toString).toList());
        message.set("Imported " + r.added() + " item" + (r.added() == 1 ? "" : "s") + " into \"" + r.dataset().name()
                + "\"" + (r.problems().isEmpty() ? "." : "; " + r.problems().size() + " row"
                + (r.problems().size() == 1 ? "" : "s") + " left out (see below)."));
        load(backend.get(), r.dataset().id());
    }

    private void select(Long id) {
        Dataset d = id == null ? null : datasets.stream().filter(x -> x.id() == id).findFirst().orElse(null);
        if (d == null && !datasets.isEmpty()) {
            d = datasets.get(0);
        }
        if (d != null && selected.get() != null && d.id() == selected.get().id()) {
            loadItems(d);
        }
        selected.set(d);
    }

    private void loadItems(Dataset d) {
        ReplayBackend b = backend.get();
        if (d == null || b == null) {
            items.clear();
            return;
        }
        tasks.run("Loading items", () -> b.items(d.id()), (List<DatasetItem> list) -> items.setAll(list), this::fail);
    }

    private void fail(Exception e) {
        message.set(Messages.of(e));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
