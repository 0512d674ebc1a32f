package dev.switchyard.ui.routing;

import dev.switchyard.app.routing.ConditionTrace;
import dev.switchyard.app.routing.Decision;
import dev.switchyard.app.routing.Policy;
import dev.switchyard.app.routing.RuleTrace;
import dev.switchyard.app.routing.TimedDecision;
import dev.switchyard.app.routing.TraceText;
import dev.switchyard.app.routing.edit.DesignerBackend;
import dev.switchyard.ui.task.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The designer's test panel: a prompt (typed, from history or a dataset) routed with the policy being edited. */
public final class TestPanelViewModel {

    /**
     * One line of the trace: a rule or a condition (indented by {@code depth}).
     *
     * @param state "match", "no match", "pass", "fail", "not reached" or "error"
     */
    public record TraceRow(int depth, String label, String observed, String state, String time, String detail) {
    }

    /** One computed prompt feature. */
    public record FeatureRow(String name, String value) {
    }

    private final TaskRunner tasks;
    private final Supplier<Policy> policy;
    private DesignerBackend backend;
    private final StringProperty prompt = new SimpleStringProperty("");
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final ObservableList<String> datasets = FXCollections.observableArrayList();
    private final ObservableList<String> datasetPrompts = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Decision> decision = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper why = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ObservableList<TraceRow> trace = FXCollections.observableArrayList();
    private final ObservableList<FeatureRow> features = FXCollections.observableArrayList();

    public TestPanelViewModel(TaskRunner tasks, Supplier<Policy> policy) {
        this.tasks = tasks;
        this.policy = policy;
    }

    public void attach(DesignerBackend backend) {
        this.backend = backend;
        clearResult();
        if (backend == null) {
            history.clear();
            datasets.clear();
            return;
        }
        tasks.run("Reading prompts", () -> List.of(backend.recentPrompts(50), backend.datasets()), lists -> {
            history.setAll(lists.get(0));
            datasets.setAll(lists.get(1));
        }, e -> summary.set("Could not read the history: " + e.getMessage()));
    }

    public StringProperty promptProperty() {
        return prompt;
    }

    public ObservableList<String> history() {
        return history;
    }

    public ObservableList<String> datasets() {
        return datasets;
    }

    public ObservableList<String> datasetPrompts() {
        return datasetPrompts;
    }

    public ReadOnlyObjectProperty<Decision> decisionProperty() {
        return decision.getReadOnlyProperty();
    }

    /** "rule 2 · complex question → $cloud-strong" or a sentence about what went wrong. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty whyProperty() {
        return why.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ObservableList<TraceRow> trace() {
        return trace;
    }

    public ObservableList<FeatureRow> features() {
        return features;
    }

    public void chooseDataset(String name) {
        DesignerBackend b = backend;
        if (b == null || name == null) {
            datasetPrompts.clear();
            return;
        }
        tasks.run("Reading dataset", () -> b.datasetPrompts(name), datasetPrompts::setAll,
                e -> summary.set("Could not read the dataset: " + e.getMessage()));
    }

    /** Routes the prompt with the current policy in the background. */
    public void route() {
        DesignerBackend b = backend;
        if (b == null) {
            summary.set("Open a workspace first.");
            return;
        }
        String text = prompt.get() == null ? "" : prompt.get();
        if (text.isBlank()) {
            summary.set("Type a prompt or pick one from the history or a dataset.");
            return;
        }
        Policy p = policy.get();
        busy.set(true);
        summary.set("Routing…");
        tasks.run("Routing a prompt", () -> TimedDecision.of(() -> b.route(p, text)), this::show, e -> {
            busy.set(false);
            clearResult();
            summary.set("Could not route: " + e.getMessage());
        });
    }

    private void clearResult() {
        decision.set(null);
        trace.clear();
        features.clear();
        why.set("");
        summary.set("");
    }

    private void show(TimedDecision timed) {
        Decision d = timed.decision();
        busy.set(false);
        decision.set(d);
        String where = d.targets().isEmpty() ? "nowhere" : String.join(" → ", d.targets());
        String rule = d.ruleIndex() < 0 ? "default" : ruleLabel(d.ruleIndex(), d.ruleName());
        summary.set(rule + " → " + d.actionType() + " " + where);
        why.set(d.why() + " (decided in " + timed.time() + ")");
        List<TraceRow> rows = new ArrayList<>();
        for (RuleTrace r : d.trace()) {
            String state = !r.reached() ? "not reached" : r.matched() ? "match" : "no match";
            rows.add(new TraceRow(0, ruleLabel(r.index(), r.name()),
                    r.when() == null && r.reached() ? "always" : "", state, r.reached() ? TraceText.duration(r.micros()) : "", r.path()));
            if (r.when() != null) {
                condition(r.when(), 1, rows);
            }
        }
        trace.setAll(rows);
        List<FeatureRow> f = new ArrayList<>();
        for (Map.Entry<String, Object> e : d.features().entrySet()) {
            f.add(new FeatureRow(e.getKey(), featureValue(e.getValue())));
        }
        features.setAll(f);
    }

    /** "rule 2 · complex question", or "rule 2" for a rule without its own name. */
    static String ruleLabel(int index, String name) {
        String number = "rule " + (index + 1);
        return name == null || name.isBlank() || name.equals(number) ? number : number + " · " + name;
    }

    private static void condition(ConditionTrace c, int depth, List<TraceRow> rows) {
        String state = c.error() != null ? "error" : c.passed() ? "pass" : "fail";
        rows.add(new TraceRow(depth, c.test() == null ? c.type() : c.test(), c.observed() == null ? "" : c.observed(),
                state, TraceText.duration(c.micros()), c.error() != null ? c.error() : c.path()));
        if (c.children() != null) {
            for (ConditionTrace k : c.children()) {
                condition(k, depth + 1, rows);
            }
        }
    }

    /** A feature as a user reads it: intent matches as "lights_on 0.76, dim 0.12", yes / no for flags. */
    static String featureValue(Object value) {
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (value instanceof List<?> list && list.stream().allMatch(m -> m instanceof Map<?, ?> map
                && map.containsKey("intent") && map.get("confidence") instanceof Number)) {
            return list.isEmpty() ? "no intent" : list.stream().map(m -> (Map<?, ?>) m)
                    .map(m -> String.format(Locale.ROOT, "%s %.2f", m.get("intent"), ((Number) m.get("confidence")).doubleValue()))
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        return String.valueOf(value);
    }
}
