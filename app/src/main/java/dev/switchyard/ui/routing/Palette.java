package dev.switchyard.ui.routing;

import dev.switchyard.app.routing.edit.Describe;
import dev.switchyard.app.routing.edit.PolicyEdits;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * Buttons that add to the policy: a rule, every condition type, the groups, and the action types. A
 * condition goes into the selected rule (or starts a new rule); an action replaces the selected rule's
 * action (or starts a new rule with it).
 */
final class Palette extends ScrollPane {

    Palette(DesignerViewModel vm) {
        VBox box = new VBox(4);
        box.getStyleClass().add("palette");
        box.getChildren().add(heading("Rules"));
        box.getChildren().add(item("+ Rule", "palette-rule", "A new rule at the end, without condition", vm::addRule));
        box.getChildren().add(heading("Conditions"));
        for (String type : PolicyEdits.CONDITION_TYPES) {
            box.getChildren().add(item(Describe.typeLabel(type), "palette-" + type.replace('_', '-'),
                    "Add a " + type + " condition to the selected rule (or a new rule)", () -> vm.addCondition(type)));
        }
        box.getChildren().add(heading("Groups"));
        box.getChildren().add(item("All of", "palette-all", "Add an 'all' group", () -> vm.addCondition("all")));
        box.getChildren().add(item("Any of", "palette-any", "Add an 'any' group", () -> vm.addCondition("any")));
        box.getChildren().add(heading("Actions"));
        for (String type : PolicyEdits.ACTION_TYPES) {
            box.getChildren().add(item(Describe.typeLabel(type), "palette-action-" + type,
                    "Make the selected rule " + type + " (or add a rule that does)", () -> {
                        if (vm.selectedRule() < 0 && !"default".equals(vm.selectionProperty().get())) {
                            vm.addRule();
                        }
                        vm.setActionType(type);
                    }));
        }
        setContent(box);
        setFitToWidth(true);
        setId("palette");
        getStyleClass().add("palette-scroll");
        setHbarPolicy(ScrollBarPolicy.NEVER);
    }

    private static Label heading(String text) {
        Label l = new Label(text.toUpperCase(java.util.Locale.ROOT));
        l.getStyleClass().add("palette-heading");
        return l;
    }

    private static Button item(String text, String id, String tip, Runnable action) {
        Button b = Inspector.button(text, id, action);
        b.getStyleClass().add("palette-item");
        b.setMaxWidth(Double.MAX_VALUE);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        return b;
    }
}
