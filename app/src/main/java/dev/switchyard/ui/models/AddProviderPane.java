package dev.switchyard.ui.models;

import dev.switchyard.cloud.catalog.ProviderPreset;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The add-provider form: preset or custom URL, name, and where the key lives (never a silent plaintext fallback). */
final class AddProviderPane extends VBox {

    AddProviderPane(ModelsViewModel model) {
        super(12);
        ProviderForm form = model.form();
        setId("add-provider");
        getStyleClass().add("detail-pane");

        Label title = new Label("Add a provider");
        title.getStyleClass().add("section-title");

        ComboBox<ProviderPreset> preset = new ComboBox<>(form.presets());
        preset.setId("provider-preset");
        preset.setButtonCell(presetCell());
        preset.setCellFactory(l -> presetCell());
        preset.valueProperty().bindBidirectional(form.presetProperty());
        preset.setMaxWidth(Double.MAX_VALUE);
        preset.setVisibleRowCount(16);
        TextField name = field("provider-name", "A name you will recognise", form.nameProperty());
        TextField url = field("provider-url", "https://gateway.example.com/v1", form.baseUrlProperty());
        url.editableProperty().bind(Bindings.createBooleanBinding(form::isCustom, form.presetProperty()));

        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        grid.setHgap(12);
        grid.setVgap(10);
        grid.addRow(0, label("Preset"), preset);
        grid.addRow(1, label("Name"), name);
        grid.addRow(2, label("Base URL"), url);
        grid.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(90),
                new javafx.scene.layout.ColumnConstraints(200, 420, Double.MAX_VALUE));

        Label keyTitle = new Label("API key");
        keyTitle.getStyleClass().add("caption");
        Label error = new Label();
        error.setId("provider-form-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(form.errorProperty());

        Button add = new Button("Add provider");
        add.setId("provider-save");
        add.getStyleClass().add("accent");
        add.setDefaultButton(true);
        add.setOnAction(e -> model.addProvider());
        Button cancel = new Button("Cancel");
        cancel.setId("provider-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> model.cancelAdd());
        HBox buttons = new HBox(8, add, cancel);
        buttons.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(title, grid, keyTitle, new KeyFields(form.keys(), List.of(KeySource.values()), "provider-"), error,
                buttons);
    }

    private static ListCell<ProviderPreset> presetCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(ProviderPreset p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.name());
            }
        };
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty p) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("form-label");
        return l;
    }
}
