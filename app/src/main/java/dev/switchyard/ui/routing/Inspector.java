package dev.switchyard.ui.routing;

import dev.switchyard.app.routing.Action;
import dev.switchyard.app.routing.Condition;
import dev.switchyard.app.routing.Problem;
import dev.switchyard.app.routing.Rule;
import dev.switchyard.app.routing.edit.Describe;
import dev.switchyard.app.routing.edit.FieldLabels;
import dev.switchyard.app.routing.edit.PolicyEdits;
import dev.switchyard.app.routing.edit.ProblemNodes;
import dev.switchyard.app.routing.edit.RecordFields;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The property panel of the selected node: a rule's name, its condition tree (select a condition to edit
 * its fields, group it with all / any / not, remove it) and its action; the default's action; a model's uses.
 * Field edits are committed on Enter or when the field loses focus, each one undoable.
 */
final class Inspector extends ScrollPane {

    private final DesignerViewModel vm;
    private final VBox content = new VBox(10);
    private final VBox tree = new VBox(2);
    private final VBox problemsBox = new VBox(4);
    private String problemNode = ProblemNodes.POLICY;
    private boolean committing;

    Inspector(DesignerViewModel vm) {
        this.vm = vm;
        setId("inspector");
        getStyleClass().add("inspector");
        setFitToWidth(true);
        content.setPadding(new Insets(12));
        setContent(content);
        vm.selectionProperty().addListener((o, a, b) -> render());
        vm.conditionPathProperty().addListener((o, a, b) -> render());
        vm.policyProperty().addListener((o, a, b) -> {
            if (committing) {
                renderTree();
            } else {
                render();
            }
        });
        vm.problems().addListener((ListChangeListener<Problem>) c -> renderProblems());
        render();
    }

    private void render() {
        content.getChildren().clear();
        String sel = vm.selectionProperty().get();
        int rule = vm.selectedRule();
        if (rule >= 0 && rule < vm.policy().rules().size()) {
            ruleView(rule);
        } else if (ProblemNodes.DEFAULT.equals(sel)) {
            content.getChildren().add(title("Default"));
            problems(ProblemNodes.DEFAULT);
            actionView(vm.policy().defaultAction());
        } else if (sel != null && sel.startsWith("target:")) {
            targetView(sel.substring("target:".length()));
        } else {
            content.getChildren().addAll(title("Nothing selected"), muted("Click a rule, the default or a model on the canvas. "
                    + "Palette buttons add a condition to the selected rule, or a new rule when none is selected."));
            problems(ProblemNodes.POLICY);
        }
    }

    private void ruleView(int index) {
        Rule r = vm.policy().rules().get(index);
        content.getChildren().add(title("Rule " + (index + 1)));
        problems(ProblemNodes.ruleNode(index));
        TextField name = new TextField(r.name() == null ? "" : r.name());
        name.setId("rule-name");
        long load = vm.loads();
        commitOn(name, () -> {
            // left once another policy replaced this one (another workspace, Open, New…): the name was for a rule of the
            // policy that is gone, not for the new policy's rule at the same place
            if (vm.loads() == load && index < vm.policy().rules().size()) {
                vm.renameRule(index, name.getText());
            }
        });
        content.getChildren().addAll(label("Name"), name, section("When"));
        HBox groups = new HBox(6, button("All", "wrap-all", () -> vm.wrapCondition("all")),
                button("Any", "wrap-any", () -> vm.wrapCondition("any")), button("Not", "wrap-not", () -> vm.wrapCondition("not")),
                button("Remove", "remove-condition", vm::removeCondition));
        groups.setDisable(r.when() == null);
        tree.setId("condition-tree");
        renderTree();
        content.getChildren().addAll(tree, groups);
        Condition c = vm.selectedCondition();
        if (c != null && !(c instanceof Condition.All) && !(c instanceof Condition.Any) && !(c instanceof Condition.Not)) {
            content.getChildren().add(fields(RecordFields.fields((Record) c), vm::setConditionField));
        }
        content.getChildren().add(section("Then"));
        actionView(r.then());
        Button up = button("Move up", "rule-up", () -> vm.moveRule(index, index - 1));
        up.setDisable(index == 0); // the first rule cannot go higher, nor the last lower
        Button down = button("Move down", "rule-down", () -> vm.moveRule(index, index + 1));
        down.setDisable(index == vm.policy().rules().size() - 1);
        HBox moves = new HBox(6, up, down, button("Delete rule", "rule-delete", () -> vm.removeRule(index)));
        content.getChildren().add(moves);
    }

    private void renderTree() {
        tree.getChildren().clear();
        int index = vm.selectedRule();
        if (index < 0 || index >= vm.policy().rules().size()) {
            return;
        }
        Condition root = vm.policy().rules().get(index).when();
        if (root == null) {
            tree.getChildren().add(muted("always (add a condition from the palette)"));
            return;
        }
        addRows(root, new ArrayList<>(), 0);
    }

    private void addRows(Condition c, List<Integer> path, int depth) {
        Label row = new Label(Describe.node(c));
        row.getStyleClass().add("cond-row");
        row.setPadding(new Insets(3, 6, 3, 8 + depth * 16));
        row.setMaxWidth(Double.MAX_VALUE);
        row.setId("cond-" + String.join("-", path.stream().map(String::valueOf).toList()));
        List<Integer> mine = List.copyOf(path);
        if (mine.equals(vm.conditionPathProperty().get())) {
            row.getStyleClass().add("selected");
        }
        row.setOnMouseClicked(e -> vm.conditionPathProperty().set(mine));
        tree.getChildren().add(row);
        List<Condition> kids = PolicyEdits.children(c);
        for (int i = 0; i < kids.size(); i++) {
            path.add(i);
            addRows(kids.get(i), path, depth + 1);
            path.remove(path.size() - 1);
        }
    }

    private void actionView(Action a) {
        ComboBox<String> type = new ComboBox<>();
        type.getItems().setAll(PolicyEdits.ACTION_TYPES);
        type.setValue(a == null ? null : Action.typeName(a));
        type.setId("action-type");
        type.valueProperty().addListener((o, x, t) -> vm.setActionType(t));
        content.getChildren().addAll(label("Action"), type);
        if (a instanceof Record rec) {
            content.getChildren().add(fields(RecordFields.fields(rec), vm::setActionField));
        }
    }

    private void targetView(String target) {
        content.getChildren().addAll(title(target), muted(target.startsWith("$")
                ? "A role: resolved to a workspace model when the policy runs." : "A workspace model."));
        List<Rule> rules = vm.policy().rules();
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).then() != null && Action.targets(rules.get(i).then()).contains(target)) {
                content.getChildren().add(muted("used by rule " + (i + 1) + ": " + Describe.action(rules.get(i).then())));
            }
        }
    }

    private GridPane fields(List<RecordFields.Field> fields, BiPredicate<String, String> set) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.getStyleClass().add("field-grid");
        int row = 0;
        for (RecordFields.Field f : fields) {
            grid.add(label(FieldLabels.label(f.name())), 0, row);
            grid.add(FieldEditors.editor(f, vm, (name, text) -> {
                committing = true;
                try {
                    return set.test(name, text);
                } finally {
                    committing = false;
                }
            }), 1, row++);
        }
        return grid;
    }

    private void problems(String node) {
        problemNode = node;
        problemsBox.setId("inspector-problems");
        content.getChildren().add(problemsBox);
        renderProblems();
    }

    private void renderProblems() {
        problemsBox.getChildren().clear();
        for (Problem p : vm.problemsOf(problemNode)) {
            Label l = new Label(p.message());
            l.getStyleClass().add("problem-text");
            l.setWrapText(true);
            problemsBox.getChildren().add(l);
        }
    }

    private void commitOn(TextField field, Runnable commit) {
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                committing = true;
                try {
                    commit.run();
                } finally {
                    committing = false;
                }
            }
        });
    }

    static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("inspector-section");
        return l;
    }

    static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        l.setWrapText(true);
        return l;
    }
}
