package dev.switchyard.ui;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;

/** The questions screens ask before losing or removing something, owned by the app window and in its theme. */
public final class Dialogs {

    private Dialogs() {
    }

    /**
     * Asks before something that cannot be undone; true when the user chose {@code action} (Cancel — the default
     * button, so Enter — Escape and closing the dialog keep everything as it was).
     *
     * @param content what happens, as a node (a sentence, or a sentence and options such as a check box)
     */
    public static boolean confirm(Node owner, String title, String header, Node content, String action) {
        Alert alert = alert(owner, title, header, content);
        ButtonType ok = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(ok, ButtonType.CANCEL);
        // Enter keeps everything: the action that cannot be undone takes a click
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(ok)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        return alert.showAndWait().filter(ok::equals).isPresent();
    }

    /** {@link #confirm(Node, String, String, Node, String)} with one sentence as its content. */
    public static boolean confirm(Node owner, String title, String header, String sentence, String action) {
        return confirm(owner, title, header, wrapped(sentence), action);
    }

    /** Asks "Save changes to …?" with Save, Discard and Cancel; Escape and closing the dialog cancel. */
    public static UnsavedChoice askToSave(Node owner, String title, String header, String sentence) {
        Alert alert = alert(owner, title, header, wrapped(sentence));
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(save, discard, cancel);
        ButtonType chosen = alert.showAndWait().orElse(cancel);
        return chosen == save ? UnsavedChoice.SAVE : chosen == discard ? UnsavedChoice.DISCARD : UnsavedChoice.CANCEL;
    }

    /**
     * Asks for a text (a name), proposing {@code initial} selected in the field; under it, {@code consequence} says
     * what the text as typed will do, updated as the user types. The text, or null when cancelled (Escape, Cancel,
     * closing the dialog); {@code action} is off while the field is blank.
     */
    public static String askText(Node owner, String title, String header, String initial,
                                 java.util.function.Function<String, String> consequence, String action) {
        javafx.scene.control.TextField field = new javafx.scene.control.TextField(initial);
        field.setId("ask-text-field");
        Label says = wrapped(consequence.apply(initial));
        says.setId("ask-text-consequence");
        says.setMinHeight(Label.USE_PREF_SIZE);
        Alert alert = alert(owner, title, header, new javafx.scene.layout.VBox(8, field, says));
        field.textProperty().addListener((o, was, typed) -> {
            says.setText(consequence.apply(typed));
            // a sentence one line longer than the last must not push the buttons out of the dialog
            javafx.application.Platform.runLater(() -> {
                if (alert.getDialogPane().getScene() != null && alert.getDialogPane().getScene().getWindow() != null) {
                    alert.getDialogPane().getScene().getWindow().sizeToScene();
                }
            });
        });
        ButtonType ok = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(ok, ButtonType.CANCEL);
        alert.getDialogPane().lookupButton(ok).disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> field.getText() == null || field.getText().isBlank(), field.textProperty()));
        alert.setOnShown(e -> {
            field.requestFocus();
            field.selectAll();
        });
        return alert.showAndWait().filter(ok::equals).map(b -> field.getText()).orElse(null);
    }

    private static Alert alert(Node owner, String title, String header, Node content) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.initOwner(owner.getScene().getWindow());
        alert.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets()); // the app's theme
        alert.getDialogPane().getStyleClass().add(Styles.APP_ROOT);
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.getDialogPane().setContent(content);
        return alert;
    }

    private static Label wrapped(String sentence) {
        Label l = new Label(sentence);
        l.setWrapText(true);
        l.setPrefWidth(420);
        return l;
    }
}
