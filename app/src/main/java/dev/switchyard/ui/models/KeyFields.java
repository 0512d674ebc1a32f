package dev.switchyard.ui.models;

import java.util.Collection;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

/**
 * Where a key goes ({@link KeyForm}): what the keyring probe said, the choices, the key field, the consent to keep it
 * for this app run only, the environment variable. Used by the add form and by a provider's Set key…; node ids are
 * {@code idPrefix} + {@code keyring-status}, {@code key-source-<choice>}, {@code key}, {@code session-consent}, {@code env}.
 */
final class KeyFields extends VBox {

    KeyFields(KeyForm form, Collection<KeySource> choices, String idPrefix) {
        super(8);
        Label keyring = new Label();
        keyring.setId(idPrefix + "keyring-status");
        keyring.setWrapText(true);
        keyring.textProperty().bind(Bindings.createStringBinding(() -> {
            KeyVault.Status s = form.keyringProperty().get();
            return s == null ? "Checking the OS keyring…" : s.keyringAvailable() ? "The OS keyring is available."
                    : "The OS keyring cannot be used: " + s.reason() + " You can keep the key for this app run only "
                    + "(it is forgotten when Switchyard closes) or name an environment variable.";
        }, form.keyringProperty()));
        keyring.getStyleClass().add("notice");

        ToggleGroup group = new ToggleGroup();
        VBox sources = new VBox(6);
        for (KeySource s : choices) {
            RadioButton r = new RadioButton(s.label());
            r.setId(idPrefix + "key-source-" + s.name().toLowerCase(Locale.ROOT));
            r.setUserData(s);
            r.setToggleGroup(group);
            if (s == KeySource.KEYRING) {
                r.disableProperty().bind(Bindings.createBooleanBinding(form::keyringDown, form.keyringProperty()));
            }
            sources.getChildren().add(r);
        }
        form.sourceProperty().addListener((obs, old, now) -> select(group, now));
        select(group, form.sourceProperty().get());
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                form.sourceProperty().set((KeySource) now.getUserData());
            }
        });

        PasswordField key = new PasswordField();
        key.setId(idPrefix + "key");
        key.setPromptText("Paste the API key");
        key.textProperty().bindBidirectional(form.keyProperty());
        key.visibleProperty().bind(form.sourceProperty().isEqualTo(KeySource.KEYRING)
                .or(form.sourceProperty().isEqualTo(KeySource.SESSION)));
        key.managedProperty().bind(key.visibleProperty());
        CheckBox consent = new CheckBox("I understand: the key stays in memory for this app run only, never on disk.");
        consent.setId(idPrefix + "session-consent");
        consent.selectedProperty().bindBidirectional(form.sessionConsentProperty());
        consent.visibleProperty().bind(form.sourceProperty().isEqualTo(KeySource.SESSION));
        consent.managedProperty().bind(consent.visibleProperty());
        TextField env = new TextField();
        env.setId(idPrefix + "env");
        env.setPromptText("Variable name, e.g. MY_GATEWAY_KEY");
        env.textProperty().bindBidirectional(form.envVarProperty());
        env.visibleProperty().bind(form.sourceProperty().isEqualTo(KeySource.ENVIRONMENT));
        env.managedProperty().bind(env.visibleProperty());

        getChildren().addAll(keyring, sources, key, consent, env);
    }

    private static void select(ToggleGroup group, KeySource source) {
        group.getToggles().stream().filter(t -> t.getUserData() == source).findFirst().ifPresent(t -> t.setSelected(true));
    }
}
