package dev.switchyard.app.routing;

import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunStatus;
import java.util.List;

/**
 * What a routed request did: the decision, every run it made in order (cascade and fallback steps
 * included), the run whose answer is the request's answer, and the totals accounted to the request.
 *
 * @param request      a uid grouping the runs (also in each run's route_json)
 * @param answer       the answer's run (null when nothing ran)
 * @param totalCostUsd sum of the runs' costs (null when no run had a price)
 * @param totalMs      wall time from the first run's start to the last run's end
 */
public record RoutedResult(String request, Decision decision, List<Step> steps, Run answer, Double totalCostUsd,
                           long totalMs) {

    public RoutedResult {
        steps = List.copyOf(steps);
    }

    public boolean ok() {
        return answer != null && answer.status() == RunStatus.COMPLETED;
    }

    /**
     * One run made for the request.
     *
     * @param role    route, split, cascade-local, cascade-escalate, fallback-1, fallback-2…
     * @param target  the policy's target text ($cloud-cheap, provider/model…)
     * @param model   the resolved model, provider/model
     * @param run     the stored run (null when the target could not be resolved)
     * @param outcome what happened: "answer", "accepted: …", "escalated: …", "moved on: …", "failed: …"
     */
    public record Step(String role, String target, String model, Run run, String outcome) {
    }
}
