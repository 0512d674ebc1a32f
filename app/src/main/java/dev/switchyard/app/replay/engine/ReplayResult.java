package dev.switchyard.app.replay.engine;

import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.Replay;
import java.util.List;

/**
 * A replay with every item outcome (in dataset order): what the summary, baselines, sweep, compare and exports
 * are computed from. Built at the end of a run, or when a stored replay is reopened.
 *
 * @param policyLabel "name vN"
 * @param targets     the policy's target models (baselines run on these)
 * @param threshold   the policy's sweepable threshold, null when none
 * @param sourcing    where answers came from
 * @param seed        seed of the random-routing baseline
 */
public record ReplayResult(Replay replay, String policyLabel, List<Model> targets, ThresholdSpec threshold,
                           Sourcing sourcing, long seed, List<ItemOutcome> items) {
    public ReplayResult {
        targets = List.copyOf(targets);
        items = List.copyOf(items);
    }

    public Model target(long modelId) {
        for (Model m : targets) {
            if (m.id() == modelId) {
                return m;
            }
        }
        return null;
    }

    public String modelName(long modelId) {
        Model m = target(modelId);
        return m == null ? "model " + modelId : m.displayName();
    }
}
