package dev.switchyard.app.replay.engine;

import dev.switchyard.workspace.model.DatasetItem;
import dev.switchyard.workspace.model.Model;
import java.util.List;
import java.util.Optional;

/**
 * What a replay needs from a routing policy version: the models it can send a prompt to, a plan per prompt
 * (decision + trace, and the steps a cascade or fallback would take), and the threshold a slider can sweep.
 * {@code RouterReplayPolicy} adapts the routing module's Router to it.
 */
public interface ReplayPolicy {

    /** The workspace policy version this is (stored with the replay). */
    long versionId();

    /** "name vN", for reports. */
    String label();

    /** Every model the policy can route to, in a stable order (baselines run on these). */
    List<Model> targets();

    /** The decision for one dataset item. */
    RoutePlan plan(DatasetItem item);

    /** The threshold condition a slider can move (complexity, confidence, length…), when the policy has one. */
    Optional<ThresholdSpec> threshold();
}
