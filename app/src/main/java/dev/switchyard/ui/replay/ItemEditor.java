package dev.switchyard.ui.replay;

import dev.switchyard.workspace.model.DatasetItem;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** Edits one dataset item: prompt, system, reference answer, tags. */
final class ItemEditor {

    private ItemEditor() {
    }

    static Optional<DatasetItem> edit(DatasetItem item) {
        Dialog<DatasetItem> d = new Dialog<>();
        d.setTitle("Item " + (item.position() + 1));
        TextArea prompt = area(item.prompt(), 5);
        TextArea system = area(item.system(), 2);
        TextArea reference = area(item.referenceAnswer(), 3);
        TextField tags = new TextField(item.tagsJson());
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label("Prompt"), prompt);
        g.addRow(1, new Label("System"), system);
        g.addRow(2, new Label("Reference"), reference);
        g.addRow(3, new Label("Tags (JSON)"), tags);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(prompt.textProperty().isEmpty());
        d.setResultConverter(b -> b != ButtonType.OK ? null : new DatasetItem(item.id(), item.uid(), item.datasetId(),
                item.position(), prompt.getText(), blankToNull(system.getText()), item.variablesJson(),
                blankToNull(reference.getText()), tags.getText().isBlank() ? "[]" : tags.getText()));
        return d.showAndWait();
    }

    private static TextArea area(String text, int rows) {
        TextArea a = dev.switchyard.ui.TabMovesFocus.install(new TextArea(text == null ? "" : text));
        a.setPrefRowCount(rows);
        a.setPrefColumnCount(48);
        a.setWrapText(true);
        return a;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
