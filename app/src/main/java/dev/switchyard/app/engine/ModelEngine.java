package dev.switchyard.app.engine;

/**
 * The engine port: one configured model, ready to answer. Cloud, local generative and local intent
 * models each have an adapter. Implementations never throw from {@link #start}: every failure,
 * including "cannot run now", arrives as exactly one {@link EngineListener#onError}.
 */
public interface ModelEngine {

    /** Starts a run and returns at once. */
    RunHandle start(EngineRequest request, EngineListener listener);

    /** Whether the model can run now, and if not why and what fixes it. */
    Availability availability();

    /**
     * The time limits this engine's runs stop at — a cloud model's, as {@code ModelDirectory#timeouts} reads them from
     * its row — so what a failed run's advice says of them is what the run used; null for an engine without them.
     */
    default dev.switchyard.cloud.Timeouts timeLimits() {
        return null;
    }
}
