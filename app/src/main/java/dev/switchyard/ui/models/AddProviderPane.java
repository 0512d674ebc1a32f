package dev.switchyard.ui.models;

import dev.switchyard.cloud.catalog.ProviderPreset;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
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
        ToggleGroup group = new ToggleGroup();
        VBox sources = new VBox(6);
        for (KeySource s : KeySource.values()) {
            RadioButton r = new RadioButton(s.label());
            r.setId("key-source-" + s.name().toLowerCase(java.util.Locale.ROOT));
            r.setUserData(s);
            r.setToggleGroup(group);
            if (s == KeySource.KEYRING) {
                r.disableProperty().bind(Bindings.createBooleanBinding(() -> form.keyringProperty().get() != null
                        && !form.keyringProperty().get().keyringAvailable(), form.keyringProperty()));
            }
            sources.getChildren().add(r);
        }
        form.keySourceProperty().addListener((obs, old, now) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == now).findFirst().ifPresent(t -> t.setSelected(true)));
        group.getToggles().stream().filter(t -> t.getUserData() == form.keySourceProperty().get()).findFirst()
                .ifPresent(t -> t.setSelected(true));
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                form.keySourceProperty().set((KeySource) now.getUserData());
            }
        });

        Label keyring = new Label();
        keyring.setId("keyring-status");
        keyring.setWrapText(true);
        keyring.textProperty().bind(Bindings.createStringBinding(() -> {
            KeyVault.Status s = form.keyringProperty().get();
            return s == null ? "Checking the OS keyring…" : s.keyringAvailable() ? "The OS keyring is available."
                    : "The OS keyring cannot be used: " + s.reason() + " You can keep the key for this app run only "
                    + "(it is forgotten when Switchyard closes) or name an environment variable.";
        }, form.keyringProperty()));
        keyring.getStyleClass().add("notice");

        PasswordField key = new PasswordField();
        key.setId("provider-key");
        key.setPromptText("Paste the API key");
        key.textProperty().bindBidirectional(form.keyProperty());
        key.visibleProperty().bind(form.keySourceProperty().isEqualTo(KeySource.KEYRING)
                .or(form.keySourceProperty().isEqualTo(KeySource.SESSION)));
        key.managedProperty().bind(key.visibleProperty());
        CheckBox consent = new CheckBox("I understand: the key stays in memory for this app run only, never on disk.");
        consent.setId("session-consent");
        consent.selectedProperty().bindBidirectional(form.sessionConsentProperty());
        consent.visibleProperty().bind(form.keySourceProperty().isEqualTo(KeySource.SESSION));
        consent.managedProperty().bind(consent.visibleProperty());
        TextField env = field("provider-env", "OPENAI_API_KEY", form.envVarProperty());
        env.visibleProperty().bind(form.keySourceProperty().isEqualTo(KeySource.ENVIRONMENT));
        env.managedProperty().bind(env.visibleProperty());

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

        getChildren().addAll(title, grid, keyTitle, keyring, sources, key, consent, env, error, buttons);
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
