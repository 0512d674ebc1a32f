package dev.switchyard.app.replay.engine;

import java.util.List;

/**
 * The policy's decision for one prompt.
 *
 * @param decisionJson the decision and its trace as the routing module reports it (stored as is)
 * @param steps        the steps the route takes, in order (one for a plain route)
 * @param fork         for a policy with a threshold: the observed value and the steps on either side of it;
 *                     null when the policy has no threshold or this prompt's route does not depend on it
 */
public record RoutePlan(String decisionJson, List<PlanStep> steps, SweepFork fork) {

    public RoutePlan {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a route plan needs at least one step");
        }
    }

    /**
     * The two routes of a prompt around the policy's threshold.
     *
     * @param observed the value the threshold condition measured for this prompt
     * @param ifPass   the steps when the condition passes
     * @param ifFail   the steps when it fails
     */
    public record SweepFork(double observed, List<PlanStep> ifPass, List<PlanStep> ifFail) {
        public SweepFork {
            ifPass = List.copyOf(ifPass);
            ifFail = List.copyOf(ifFail);
        }
    }
}
