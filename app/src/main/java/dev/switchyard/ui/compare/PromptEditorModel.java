package dev.switchyard.ui.compare;

import dev.switchyard.app.compare.ParamsText;
import dev.switchyard.app.compare.PromptDraft;
import dev.switchyard.app.compare.PromptTemplate;
import dev.switchyard.app.engine.EngineRequest;
import dev.switchyard.workspace.model.PromptVersion;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The prompt being edited: name, system and user message, the {@code {{variables}}} found in them with their
 * values, and the generation parameters. Knows whether it differs from the version it was loaded from.
 */
public final class PromptEditorModel {

    final StringProperty name = new SimpleStringProperty("");
    final StringProperty system = new SimpleStringProperty("");
    final StringProperty user = new SimpleStringProperty("");
    final StringProperty temperature = new SimpleStringProperty("");
    final StringProperty maxTokens = new SimpleStringProperty("");
    final StringProperty topP = new SimpleStringProperty("");
    final StringProperty seed = new SimpleStringProperty("");
    final StringProperty stop = new SimpleStringProperty("");
    private final ObservableList<VariableRow> variables = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper versionText = new ReadOnlyStringWrapper("new prompt");
    /** Counts the changes to the draft (any field or variable value), for whoever checks it again after each. */
    private final javafx.beans.property.ReadOnlyIntegerWrapper changes = new javafx.beans.property.ReadOnlyIntegerWrapper();
    private final Map<String, String> remembered = new HashMap<>();
    private PromptVersion loaded;

    PromptEditorModel() {
        system.addListener((o, a, b) -> refreshVariables());
        user.addListener((o, a, b) -> refreshVariables());
        for (StringProperty p : List.of(name, system, user, temperature, maxTokens, topP, seed, stop)) {
            p.addListener((o, a, b) -> refreshVersionText());
        }
    }

    public StringProperty nameProperty() { return name; }
    public StringProperty systemProperty() { return system; }
    public StringProperty userProperty() { return user; }
    public StringProperty temperatureProperty() { return temperature; }
    public StringProperty maxTokensProperty() { return maxTokens; }
    public StringProperty topPProperty() { return topP; }
    public StringProperty seedProperty() { return seed; }
    public StringProperty stopProperty() { return stop; }
    public ObservableList<VariableRow> variables() { return variables; }
    /** Changes with every edit of the draft: a text, a parameter or a variable's value. */
    public javafx.beans.property.ReadOnlyIntegerProperty changesProperty() { return changes.getReadOnlyProperty(); }

    /** "v3", "v3 · edited" or "new prompt". */
    public ReadOnlyStringProperty versionTextProperty() { return versionText.getReadOnlyProperty(); }

    /** The version the editor was loaded from or last saved as, null for a new prompt. */
    public PromptVersion loaded() {
        return loaded;
    }

    /** The draft as typed (variable values included). */
    public PromptDraft draft() {
        Map<String, String> values = new LinkedHashMap<>();
        variables.forEach(v -> values.put(v.name(), v.valueProperty().get()));
        return new PromptDraft(system.get(), user.get(), values,
                new ParamsText(temperature.get(), maxTokens.get(), topP.get(), seed.get(), stop.get()));
    }

    /** The request to run: variables substituted, parameters parsed; {@link IllegalArgumentException} with a sentence. */
    public EngineRequest request() {
        PromptDraft d = draft();
        if (d.user().isBlank()) {
            throw new IllegalArgumentException("Write a user message first.");
        }
        List<String> missing = PromptTemplate.missing(d.variables(), d.system(), d.user());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Give a value to " + String.join(", ",
                    missing.stream().map(v -> "{{" + v + "}}").toList()) + " in the variables table.");
        }
        return new EngineRequest(PromptTemplate.render(d.system(), d.variables()),
                PromptTemplate.render(d.user(), d.variables()), d.params().parse());
    }

    /** Shows a saved version (or a blank prompt when {@code version} is null). */
    void load(String promptName, PromptVersion version) {
        show(promptName, version, version == null ? new PromptDraft("", "", Map.of(), ParamsText.DEFAULTS) : PromptDraft.of(version));
    }

    /** Shows {@code draft} as typed, loaded from {@code version} (null: a new prompt), e.g. a draft kept in the workspace. */
    void show(String promptName, PromptVersion version, PromptDraft d) {
        loaded = null;
        remembered.putAll(d.variables());
        name.set(promptName == null ? "" : promptName);
        system.set(d.system());
        user.set(d.user());
        variables.forEach(v -> v.valueProperty().set(d.variables().getOrDefault(v.name(), "")));
        temperature.set(d.params().temperature());
        maxTokens.set(d.params().maxTokens());
        topP.set(d.params().topP());
        seed.set(d.params().seed());
        stop.set(d.params().stop());
        loaded = version;
        refreshVersionText();
    }

    void saved(PromptVersion version) {
        loaded = version;
        refreshVersionText();
    }

    private void refreshVariables() {
        variables.forEach(v -> remembered.put(v.name(), v.valueProperty().get()));
        List<String> names = PromptTemplate.variables(system.get(), user.get());
        if (names.equals(variables.stream().map(VariableRow::name).toList())) {
            return;
        }
        variables.setAll(names.stream().map(n -> {
            VariableRow row = new VariableRow(n, remembered.get(n));
            row.valueProperty().addListener((o, a, b) -> refreshVersionText());
            return row;
        }).toList());
    }

    private void refreshVersionText() {
        changes.set(changes.get() + 1);
        if (loaded == null) {
            versionText.set("new prompt");
        } else {
            versionText.set("v" + loaded.version() + (draft().sameAs(loaded) ? "" : " · edited"));
        }
    }
}
