package dev.switchyard.app.replay.engine;

import dev.switchyard.app.replay.grade.Grade;
import dev.switchyard.workspace.model.DatasetItem;
import dev.switchyard.workspace.model.ReplayItemStatus;
import java.util.List;
import java.util.Map;

/**
 * One dataset item replayed: the policy's decision and trace, the plan, the route actually taken, and every
 * model's answer the replay has for it ({@code cells}, by model id, in target order; the baselines and the
 * sweep read them).
 */
public record ItemOutcome(DatasetItem item, String decisionJson, List<PlanStep> plan, RoutePlan.SweepFork fork,
                          RouteExecutor.Route route, Map<Long, Cell> cells, ReplayItemStatus status) {

    public ItemOutcome {
        plan = List.copyOf(plan);
        cells = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cells));
    }

    public Grade grade() {
        return route.finalCell().grade();
    }

    public boolean passed() {
        return route.passed();
    }

    public double costUsd() {
        return route.costUsd();
    }

    public long latencyMs() {
        return route.latencyMs();
    }

    public long finalModelId() {
        return route.finalCell().modelId();
    }

    /** Judge spending on this item's answers (all cells). */
    public double judgeCostUsd() {
        return cells.values().stream().mapToDouble(c -> c.grade() == null ? 0 : c.grade().judgeCostUsd()).sum();
    }
}
