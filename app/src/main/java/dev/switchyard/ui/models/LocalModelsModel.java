package dev.switchyard.ui.models;

import dev.switchyard.ui.task.TaskRunner;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.repo.SettingsRepository;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The local side of the Models screen: the workspace's local generative and intent models, and the device
 * cost per hour that prices local runs (busy seconds × $/hour; 0 by default). No {@code javafx.scene}.
 */
public final class LocalModelsModel {

    private final TaskRunner tasks;
    private final ObservableList<ModelRow> models = FXCollections.observableArrayList();
    private final StringProperty deviceCost = new SimpleStringProperty("0");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private Workspace workspace;

    public LocalModelsModel(TaskRunner tasks) {
        this.tasks = tasks;
    }

    public ObservableList<ModelRow> models() { return models; }

    /** USD per hour of device time, as typed. */
    public StringProperty deviceCostProperty() { return deviceCost; }

    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    public void setWorkspace(Workspace ws) {
        workspace = ws;
        models.clear();
        message.set("");
        if (ws == null) {
            return;
        }
        tasks.run("Load local models", () -> new Loaded(ws.models().list().stream()
                .filter(m -> m.kind() == ModelKind.LOCAL_GENERATIVE || m.kind() == ModelKind.LOCAL_INTENT)
                .map(m -> new ModelRow(m, null)).toList(),
                ws.settings().getDouble(SettingsRepository.DEVICE_COST_PER_HOUR, 0)), loaded -> {
                    if (ws == workspace) {
                        models.setAll(loaded.rows());
                        deviceCost.set(format(loaded.cost()));
                    }
                }, e -> message.set("Could not read local models: " + e.getMessage()));
    }

    /** Saves the device cost per hour (a number ≥ 0). */
    public void saveDeviceCost() {
        Workspace ws = workspace;
        double v;
        try {
            v = Double.parseDouble(deviceCost.get().strip().replace("$", ""));
        } catch (NumberFormatException | NullPointerException e) {
            message.set("'" + deviceCost.get() + "' is not a number; enter the device cost in USD per hour, e.g. 0.40.");
            return;
        }
        if (v < 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            message.set("The device cost cannot be negative.");
            return;
        }
        if (ws == null) {
            return;
        }
        tasks.run("Save device cost", () -> {
            ws.settings().put(SettingsRepository.DEVICE_COST_PER_HOUR, Double.toString(v));
            return v;
        }, saved -> message.set("Local runs now cost $" + format(saved) + " per busy hour of this device."),
                e -> message.set("Could not save the device cost: " + e.getMessage()));
    }

    static String format(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private record Loaded(List<ModelRow> rows, double cost) {
    }
}
