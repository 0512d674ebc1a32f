package dev.switchyard.ui.compare;

import dev.switchyard.app.models.RemovedModels;
import dev.switchyard.app.engine.Availability;
import dev.switchyard.app.engine.ModelEngine;
import dev.switchyard.app.routing.AutoRoutes;
import dev.switchyard.ui.task.TaskRunner;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The models of the workspace to pick from (1 to {@value #MAX} at a time), each with whether it can run now,
 * followed by its saved routing policies as "Auto: &lt;policy&gt;".
 */
public final class ModelPickerModel {

    public static final int MAX = 6;

    private final TaskRunner tasks;
    private final Consumer<String> message;
    private final ObservableList<ModelChoice> choices = FXCollections.observableArrayList();
    private final List<ModelChoice> order = new ArrayList<>();
    private final ReadOnlyIntegerWrapper selectedCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper full = new ReadOnlyBooleanWrapper();
    /** Counts the changes to the picks (a pick, an unpick, the list read again), for whoever keeps them. */
    private final ReadOnlyIntegerWrapper picks = new ReadOnlyIntegerWrapper();
    /** Counts the reloads: only the latest one's models are shown. */
    private long reads;
    /** Whether the machine is online as far as the app knows (a cloud model cannot run offline). */
    private java.util.function.BooleanSupplier online = () -> true;

    ModelPickerModel(TaskRunner tasks, Consumer<String> message) {
        this.tasks = tasks;
        this.message = message;
    }

    public ObservableList<ModelChoice> choices() { return choices; }

    /**
     * Where the picker learns whether the machine is online: while it is not, a cloud model that could run says
     * {@link Availability#OFFLINE} (reload the picker when the state changes). Without one, always online.
     */
    void setNetwork(java.util.function.BooleanSupplier online) {
        this.online = online;
    }
    public ReadOnlyIntegerProperty selectedCountProperty() { return selectedCount.getReadOnlyProperty(); }
    /** Counts the changes to the picks (a pick, an unpick, the list read again). */
    public ReadOnlyIntegerProperty picksProperty() { return picks.getReadOnlyProperty(); }
    /** True when {@value #MAX} models are picked: no more can be added. */
    public ReadOnlyBooleanProperty fullProperty() { return full.getReadOnlyProperty(); }

    /** Picked models in the order they were picked. */
    public List<ModelChoice> selected() {
        return List.copyOf(order);
    }

    /** Re-reads the workspace's models and asks each engine whether it can run now (off the UI thread). */
    void reload(Workspace ws, Function<Model, ModelEngine> engines, Supplier<AutoRoutes> routes) {
        reload(ws, engines, routes, selectedKeys());
    }

    /** As {@link #reload(Workspace, Function, Supplier)}, picking the choices of {@code keep} ({@link ModelChoice#key}), in that order. */
    void reload(Workspace ws, Function<Model, ModelEngine> engines, Supplier<AutoRoutes> routes, List<String> keep) {
        long read = ++reads;
        boolean isOnline = online.getAsBoolean();
        tasks.run("Check models", () -> load(ws, engines, routes, isOnline), loaded -> {
            if (read == reads) { // an earlier reload that ends later (it hashed a changed model file) shows nothing
                show(loaded, keep);
            }
        }, e -> message.accept("Could not list the workspace's models: " + e.getMessage()));
    }

    /** The picked choices' keys, in the order they were picked. */
    List<String> selectedKeys() {
        return order.stream().map(ModelChoice::key).toList();
    }

    private static List<ModelChoice> load(Workspace ws, Function<Model, ModelEngine> engines, Supplier<AutoRoutes> routes,
                                          boolean online) {
        List<ModelChoice> out = new ArrayList<>();
        for (Model m : RemovedModels.inUse(ws.models().list())) {
            String provider = ws.providers().get(m.providerId()).map(Provider::name).orElse("?");
            out.add(new ModelChoice(m, provider, Availability.of(m, ws, engines, online)));
        }
        out.sort(Comparator.comparing((ModelChoice c) -> c.model().kind()).thenComparing(ModelChoice::provider)
                .thenComparing(ModelChoice::name, String.CASE_INSENSITIVE_ORDER));
        AutoRoutes auto = routes == null ? null : routes.get();
        if (auto != null) {
            auto.choices().forEach(p -> out.add(ModelChoice.of(p)));
        }
        return out;
    }

    private void show(List<ModelChoice> loaded, List<String> keep) {
        if (sameAsShown(loaded) && keep.equals(selectedKeys())) {
            return;
        }
        choices.forEach(c -> c.selectedProperty().set(false)); // the old rows' picks leave the order first
        order.clear();
        for (ModelChoice c : loaded) {
            c.selectedProperty().addListener((obs, was, now) -> toggled(c, now));
        }
        // in the order they were picked: the panes follow it
        keep.forEach(k -> loaded.stream().filter(c -> c.key().equals(k)).findFirst().ifPresent(c -> c.selectedProperty().set(true)));
        if (order.isEmpty()) {
            loaded.stream().filter(c -> c.ready() && c.model() != null).limit(2).forEach(c -> c.selectedProperty().set(true));
        }
        choices.setAll(loaded);
        update();
    }

    /** True when a reload found the same models in the same state: keep the rows (and the user's picks) as they are. */
    private boolean sameAsShown(List<ModelChoice> loaded) {
        if (loaded.size() != choices.size()) {
            return false;
        }
        for (int i = 0; i < loaded.size(); i++) {
            ModelChoice a = loaded.get(i);
            ModelChoice b = choices.get(i);
            if (!java.util.Objects.equals(a.model(), b.model()) || !java.util.Objects.equals(a.policy(), b.policy())
                    || !a.availability().equals(b.availability()) || !a.provider().equals(b.provider())) {
                return false;
            }
        }
        return !loaded.isEmpty();
    }

    /** Picks or unpicks a model; a seventh pick is refused with a sentence. */
    public void select(ModelChoice c, boolean pick) {
        c.selectedProperty().set(pick);
    }

    private void toggled(ModelChoice c, boolean now) {
        if (now && !order.contains(c)) {
            if (order.size() >= MAX) {
                c.selectedProperty().set(false);
                message.accept("Compare at most " + MAX + " models at once; unpick one first.");
                return;
            }
            order.add(c);
        } else if (!now) {
            order.remove(c);
        }
        update();
    }

    private void update() {
        picks.set(picks.get() + 1);
        selectedCount.set(order.size());
        full.set(order.size() >= MAX);
    }
}
