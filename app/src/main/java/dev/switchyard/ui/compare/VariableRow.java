package dev.switchyard.ui.compare;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A {@code {{variable}}} found in the prompt and the value the user gave it. */
public final class VariableRow {
    private final String name;
    private final StringProperty value = new SimpleStringProperty("");

    VariableRow(String name, String value) {
        this.name = name;
        this.value.set(value == null ? "" : value);
    }

    public String name() { return name; }
    public StringProperty valueProperty() { return value; }
}
