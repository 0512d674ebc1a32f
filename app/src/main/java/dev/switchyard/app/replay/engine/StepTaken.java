package dev.switchyard.app.replay.engine;

/** A step the route actually took: the model, its run and source, and whether its answer was kept. */
public record StepTaken(long modelId, Long runId, Cell.Source source, String role, boolean accepted, String why) {
}
