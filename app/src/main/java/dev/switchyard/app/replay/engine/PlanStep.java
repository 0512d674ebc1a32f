package dev.switchyard.app.replay.engine;

/**
 * One step of a route: call {@code modelId}; keep its answer when {@code accept} says so, else go on.
 *
 * @param role route | cascade-first | cascade-else | fallback | split
 */
public record PlanStep(long modelId, String role, StepRule accept) {

    public static PlanStep route(long modelId) {
        return new PlanStep(modelId, "route", StepRule.ALWAYS);
    }
}
