package dev.switchyard.ui.routing;

import dev.switchyard.app.routing.Action;
import dev.switchyard.app.routing.Condition;
import dev.switchyard.app.routing.Policy;
import dev.switchyard.app.routing.Problem;
import dev.switchyard.app.routing.Rule;
import dev.switchyard.app.routing.edit.DesignerBackend;
import dev.switchyard.app.routing.edit.FieldLabels;
import dev.switchyard.app.routing.edit.PolicyEdits;
import dev.switchyard.app.routing.edit.ProblemNodes;
import dev.switchyard.app.routing.edit.RecordFields;
import dev.switchyard.ui.task.TaskRunner;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The policy being designed: an immutable {@link Policy} value replaced on every edit, with an undo and a
 * redo stack of earlier values, the selected node (and condition inside a rule), and the validation
 * problems of the current value, checked in the background after each edit.
 */
public final class DesignerViewModel {

    private final TaskRunner tasks;
    private DesignerBackend backend;
    private final ReadOnlyObjectWrapper<Policy> policy = new ReadOnlyObjectWrapper<>(PolicyEdits.empty("untitled"));
    private final Deque<Policy> undo = new ArrayDeque<>();
    private final Deque<Policy> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    /** The policy as last loaded or saved: the designer is dirty exactly when its policy differs from this one. */
    private Policy saved = policy.get();
    private final StringProperty selection = new SimpleStringProperty();
    private final ObjectProperty<List<Integer>> conditionPath = new SimpleObjectProperty<>(List.of());
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ObservableList<String> targets = FXCollections.observableArrayList();
    private final ObservableList<String> intentSets = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private long generation;
    /** Counts {@link #load}s: an edit made for a policy that has been replaced since does not apply to the new one. */
    private long loads;

    public DesignerViewModel(TaskRunner tasks) {
        this.tasks = tasks;
    }

    /** Switches to a workspace's backend (null: none) and refreshes targets and intent sets. */
    public void attach(DesignerBackend backend) {
        this.backend = backend;
        if (backend == null) {
            targets.clear();
            intentSets.clear();
            problems.clear();
            return;
        }
        tasks.run("Reading targets", () -> List.of(backend.targets(), backend.intentSets()), lists -> {
            targets.setAll(lists.get(0));
            intentSets.setAll(lists.get(1));
        }, e -> message.set("Could not read the workspace's models: " + e.getMessage()));
        validate();
    }

    public ReadOnlyObjectProperty<Policy> policyProperty() {
        return policy.getReadOnlyProperty();
    }

    public Policy policy() {
        return policy.get();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** Differs from the policy as loaded or saved (undoing back to it is not an unsaved change). */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** The selected node: {@code rule:<i>}, {@code default}, {@code target:<name>}, {@code prompt} or null. */
    public StringProperty selectionProperty() {
        return selection;
    }

    /** The selected condition inside the selected rule (child indices; empty = the rule's root condition). */
    public ObjectProperty<List<Integer>> conditionPathProperty() {
        return conditionPath;
    }

    public ObservableList<Problem> problems() {
        return problems;
    }

    public ObservableList<String> targets() {
        return targets;
    }

    public ObservableList<String> intentSets() {
        return intentSets;
    }

    /** The last sentence about an edit that could not be made ("" when the last edit worked). */
    public StringProperty messageProperty() {
        return message;
    }

    /** The problems shown on a node. */
    public List<Problem> problemsOf(String nodeId) {
        return problems.stream().filter(p -> ProblemNodes.nodeOf(p.path()).equals(nodeId)).toList();
    }

    /** The selected rule's index, or -1. */
    public int selectedRule() {
        String s = selection.get();
        return s != null && s.startsWith("rule:") ? Integer.parseInt(s.substring(5)) : -1;
    }

    /** How many times a policy was loaded ({@link #load}); an edit begun under another count is for another policy. */
    public long loads() {
        return loads;
    }

    /** Starts over with {@code p}: clears undo/redo and selection. */
    public void load(Policy p) {
        loads++;
        undo.clear();
        redo.clear();
        policy.set(p);
        saved = p;
        selection.set(null);
        conditionPath.set(List.of());
        dirty.set(false);
        stacksChanged();
        validate();
    }

    /** The policy {@code p} was saved (what the designer shows, unless it was edited while saving). */
    public void markSaved(Policy p) {
        saved = p;
        dirty.set(!policy.get().equals(saved));
    }

    /** Makes {@code next} the current policy (one undo step). */
    public void apply(Policy next) {
        if (next.equals(policy.get())) {
            return;
        }
        undo.push(policy.get());
        redo.clear();
        policy.set(next);
        dirty.set(!next.equals(saved));
        message.set("");
        stacksChanged();
        validate();
    }

    public void undo() {
        if (!undo.isEmpty()) {
            redo.push(policy.get());
            restore(undo.pop());
        }
    }

    public void redo() {
        if (!redo.isEmpty()) {
            undo.push(policy.get());
            restore(redo.pop());
        }
    }

    private void restore(Policy p) {
        policy.set(p);
        dirty.set(!p.equals(saved));
        int rule = selectedRule();
        if (rule >= p.rules().size()) {
            selection.set(null);
        }
        if (selectedRule() >= 0 && PolicyEdits.at(p.rules().get(selectedRule()).when(), conditionPath.get()) == null) {
            conditionPath.set(List.of());
        }
        stacksChanged();
        validate();
    }

    private void stacksChanged() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }

    // ---- rules ----

    /** Appends a rule without condition routing to the default's first target, and selects it. */
    public void addRule() {
        addRule(null);
    }

    private void addRule(Condition when) {
        Policy p = policy.get();
        String target = p.defaultAction() == null ? PolicyEdits.NEW_DEFAULT_TARGET
                : Action.targets(p.defaultAction()).stream().filter(t -> t != null).findFirst().orElse(PolicyEdits.NEW_DEFAULT_TARGET);
        apply(PolicyEdits.addRule(p, new Rule(null, when, new Action.Route(target))));
        selectRule(p.rules().size());
    }

    public void selectRule(int index) {
        selection.set(ProblemNodes.ruleNode(index));
        conditionPath.set(List.of());
    }

    public void removeRule(int index) {
        apply(PolicyEdits.removeRule(policy.get(), index));
        selection.set(null);
    }

    public void moveRule(int from, int to) {
        int n = policy.get().rules().size();
        if (from == to || from < 0 || from >= n || to < 0 || to >= n) {
            return; // the first rule does not move up, the last one not down
        }
        apply(PolicyEdits.moveRule(policy.get(), from, to));
        selectRule(Math.max(0, Math.min(to, policy.get().rules().size() - 1)));
    }

    public void renameRule(int index, String name) {
        Rule r = policy.get().rules().get(index);
        apply(PolicyEdits.setRule(policy.get(), index, new Rule(name == null || name.isBlank() ? null : name.trim(), r.when(), r.then())));
    }

    // ---- conditions ----

    /**
     * Adds a new condition of {@code type} (a leaf type or "all"/"any"): to the selected rule (into the
     * selected group, else combined with "all"), or as a new rule when no rule is selected.
     */
    public void addCondition(String type) {
        Condition c = PolicyEdits.newCondition(type);
        int rule = selectedRule();
        if (rule < 0) {
            addRule(c);
            return;
        }
        Rule r = policy.get().rules().get(rule);
        PolicyEdits.Placed placed = PolicyEdits.add(r.when(), r.when() == null ? List.of() : conditionPath.get(), c);
        apply(PolicyEdits.setRule(policy.get(), rule, new Rule(r.name(), placed.root(), r.then())));
        conditionPath.set(placed.path());
    }

    /** Wraps the selected condition in all / any / not. */
    public void wrapCondition(String group) {
        editCondition(root -> PolicyEdits.wrap(root, conditionPath.get(), group));
    }

    public void removeCondition() {
        List<Integer> path = conditionPath.get();
        editCondition(root -> PolicyEdits.replace(root, path, null));
        conditionPath.set(path.isEmpty() ? List.of() : path.subList(0, path.size() - 1));
    }

    /** The selected condition (null when none). */
    public Condition selectedCondition() {
        int rule = selectedRule();
        return rule < 0 ? null : PolicyEdits.at(policy.get().rules().get(rule).when(), conditionPath.get());
    }

    /** Sets one field of the selected condition from text; a bad value leaves the policy and says why. */
    public boolean setConditionField(String field, String text) {
        Condition c = selectedCondition();
        if (!(c instanceof Record rec)) {
            return false;
        }
        try {
            Condition next = (Condition) RecordFields.with(rec, field, text);
            editCondition(root -> PolicyEdits.replace(root, conditionPath.get(), next));
            return true;
        } catch (IllegalArgumentException e) {
            message.set(FieldLabels.readable(e.getMessage(), field));
            return false;
        }
    }

    private void editCondition(UnaryOperator<Condition> edit) {
        int rule = selectedRule();
        if (rule < 0 || policy.get().rules().get(rule).when() == null) {
            return;
        }
        Rule r = policy.get().rules().get(rule);
        apply(PolicyEdits.setRule(policy.get(), rule, new Rule(r.name(), edit.apply(r.when()), r.then())));
    }

    // ---- actions ----

    /** The action of the selected rule or of the default node (null otherwise). */
    public Action selectedAction() {
        int rule = selectedRule();
        if (rule >= 0) {
            return policy.get().rules().get(rule).then();
        }
        return ProblemNodes.DEFAULT.equals(selection.get()) ? policy.get().defaultAction() : null;
    }

    /** Changes the action type of the selected rule (or default), keeping its targets where it can. */
    public void setActionType(String type) {
        Action a = selectedAction();
        if (a != null && !Action.typeName(a).equals(type)) {
            setSelectedAction(PolicyEdits.newAction(type, a, PolicyEdits.NEW_DEFAULT_TARGET));
        }
    }

    public boolean setActionField(String field, String text) {
        Action a = selectedAction();
        if (!(a instanceof Record rec)) {
            return false;
        }
        try {
            setSelectedAction((Action) RecordFields.with(rec, field, text));
            return true;
        } catch (IllegalArgumentException e) {
            message.set(FieldLabels.readable(e.getMessage(), field));
            return false;
        }
    }

    /** Connects a rule (index, or -1 for the default) to a target: its first target slot becomes {@code target}. */
    public void connect(int rule, String target) {
        Policy p = policy.get();
        if (rule < 0) {
            apply(PolicyEdits.withDefault(p, PolicyEdits.retarget(p.defaultAction() == null ? new Action.Route(target)
                    : p.defaultAction(), 0, target)));
        } else {
            Rule r = p.rules().get(rule);
            Action a = r.then() == null ? new Action.Route(target) : PolicyEdits.retarget(r.then(), 0, target);
            apply(PolicyEdits.setRule(p, rule, new Rule(r.name(), r.when(), a)));
        }
    }

    private void setSelectedAction(Action a) {
        int rule = selectedRule();
        if (rule >= 0) {
            Rule r = policy.get().rules().get(rule);
            apply(PolicyEdits.setRule(policy.get(), rule, new Rule(r.name(), r.when(), a)));
        } else {
            apply(PolicyEdits.withDefault(policy.get(), a));
        }
    }

    private void validate() {
        if (backend == null) {
            return;
        }
        long mine = ++generation;
        Policy p = policy.get();
        DesignerBackend b = backend;
        tasks.run("Checking the policy", () -> b.validate(p), found -> {
            if (mine == generation) {
                // in the form's words ("Min confidence", not "min_confidence"); the CLI keeps the JSON names
                problems.setAll(found.stream().map(FieldLabels::readable).toList());
            }
        }, e -> message.set("Could not check the policy: " + e.getMessage()));
    }
}
