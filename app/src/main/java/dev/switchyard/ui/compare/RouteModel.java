package dev.switchyard.ui.compare;

import dev.switchyard.app.compare.Formats;
import dev.switchyard.app.routing.Decision;
import dev.switchyard.app.routing.RoutedResult;
import dev.switchyard.app.routing.TraceText;
import dev.switchyard.workspace.model.Run;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The route of an "Auto: &lt;policy&gt;" pane's latest request: why the policy sent the prompt where it did,
 * each step it ran (cascade and fallback steps with their outcome, time and cost), and the full rule trace.
 * Updated on the UI thread, in stream order, by its {@link PaneModel}.
 */
public final class RouteModel {

    private final String policy;
    private final StringProperty why = new SimpleStringProperty("");
    private final ObservableList<String> steps = FXCollections.observableArrayList();
    private final StringProperty trace = new SimpleStringProperty("");

    RouteModel(String policy) {
        this.policy = policy;
    }

    public String policy() { return policy; }
    /** One sentence: which rule matched on what, and the action. */
    public StringProperty whyProperty() { return why; }
    /** The steps of the latest request: planned while it runs, then each run made with its outcome. */
    public ObservableList<String> steps() { return steps; }
    /** Every rule and condition with its observed value, pass/fail and time. */
    public StringProperty traceProperty() { return trace; }

    void decided(Decision d, int repeatIndex, int repeat) {
        why.set((repeat > 1 ? "Run " + (repeatIndex + 1) + " of " + repeat + ": " : "") + d.why());
        trace.set(String.join("\n", TraceText.lines(d)));
        steps.setAll(d.targets().isEmpty() ? List.of("Nothing to run.")
                : List.of("Running " + d.actionType() + " → " + String.join(" → ", d.targets()) + " …"));
    }

    void routed(RoutedResult r) {
        List<String> lines = new ArrayList<>();
        int i = 1;
        for (RoutedResult.Step s : r.steps()) {
            lines.add(i++ + ". " + s.role() + " → " + (s.model() == null ? s.target() : s.model()) + " · " + s.outcome()
                    + figures(s.run()));
        }
        lines.add("Request: " + Formats.elapsed(r.totalMs()) + " · " + Formats.usd(r.totalCostUsd())
                + (r.steps().size() > 1 ? " for " + r.steps().size() + " runs" : ""));
        steps.setAll(lines);
    }

    private static String figures(Run run) {
        if (run == null) {
            return "";
        }
        Long total = run.metrics().totalMs();
        return (total == null ? "" : " · " + Formats.elapsed(total)) + " · " + Formats.usd(run.cost().usd());
    }
}
