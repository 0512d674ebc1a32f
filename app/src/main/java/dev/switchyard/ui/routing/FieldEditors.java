package dev.switchyard.ui.routing;

import dev.switchyard.app.routing.edit.RecordFields;
import java.util.function.BiPredicate;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.TextField;

/** One editor control per kind of record field; each commits its text through {@code set}. */
final class FieldEditors {

    private FieldEditors() {
    }

    static Control editor(RecordFields.Field f, DesignerViewModel vm, BiPredicate<String, String> set) {
        String id = "field-" + f.name().replace('.', '-');
        Control c = switch (f.kind()) {
            case BOOLEAN, CHOICE -> {
                ComboBox<String> box = new ComboBox<>();
                box.getItems().setAll(f.choices());
                box.setValue(f.value());
                box.valueProperty().addListener((o, a, b) -> set.test(f.name(), b));
                yield box;
            }
            case TARGET, INTENT_SET -> {
                ComboBox<String> box = new ComboBox<>(f.kind() == RecordFields.Kind.TARGET ? vm.targets() : vm.intentSets());
                box.setEditable(true);
                box.setValue(f.value());
                box.getEditor().setText(f.value());
                box.valueProperty().addListener((o, a, b) -> {
                    if (b != null && !b.equals(f.value())) {
                        set.test(f.name(), b);
                    }
                });
                yield box;
            }
            default -> {
                TextField field = new TextField(f.value());
                field.setPromptText(hint(f.kind()));
                String[] last = {f.value()};
                Runnable commit = () -> {
                    if (!field.getText().equals(last[0]) && set.test(f.name(), field.getText())) {
                        last[0] = field.getText();
                    }
                };
                field.setOnAction(e -> commit.run());
                field.focusedProperty().addListener((o, was, now) -> {
                    if (!now) {
                        commit.run();
                    }
                });
                yield field;
            }
        };
        c.setId(id);
        c.setMaxWidth(Double.MAX_VALUE);
        c.setPrefWidth(200);
        return c;
    }

    private static String hint(RecordFields.Kind kind) {
        return switch (kind) {
            case LIST -> "comma, separated";
            case TARGETS -> "first, then next";
            case SHARES -> "target:60, target:40";
            case NUMBER -> "number (empty: none)";
            default -> "";
        };
    }
}
