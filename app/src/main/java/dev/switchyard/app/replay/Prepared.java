package dev.switchyard.app.replay;

import dev.switchyard.app.replay.engine.CachedRuns;
import dev.switchyard.app.replay.engine.ItemOutcome;
import dev.switchyard.app.replay.engine.ReplayEstimate;
import dev.switchyard.app.replay.engine.ReplayOptions;
import dev.switchyard.app.replay.engine.ReplayPolicy;
import dev.switchyard.app.replay.engine.RoutePlan;
import dev.switchyard.workspace.model.Dataset;
import dev.switchyard.workspace.model.DatasetItem;
import dev.switchyard.workspace.model.Replay;
import java.util.List;
import java.util.Map;

/**
 * A replay ready to start: the decisions for the items still to do, the stored runs found, and the estimate
 * the user confirms. {@code existing} is the replay being resumed (null for a new one) and {@code finished} its
 * outcomes already stored.
 */
public record Prepared(ReplayPolicy policy, Dataset dataset, List<DatasetItem> items, Map<DatasetItem, RoutePlan> todo,
                       CachedRuns cached, ReplayOptions options, ReplayEstimate estimate, Replay existing,
                       List<ItemOutcome> finished) {
}
