package dev.switchyard.app.run;

import dev.switchyard.app.engine.EngineListener;
import dev.switchyard.workspace.model.Run;

/** What a screen or the CLI sees of one run; called on engine threads (the UI batches to the FX thread). */
public interface RunObserver {

    RunObserver NONE = new RunObserver() {
    };

    /** The run row exists (status STREAMING) and the engine is being asked to start. */
    default void onStarted(Run run) {
    }

    /** The engine began the run ({@link dev.switchyard.app.engine.EngineListener#onDispatched}): TTFT counts from here. */
    default void onDispatched(Run run) {
    }

    /** The run waits for its engine ({@link dev.switchyard.app.engine.EngineListener#onWaiting}). */
    default void onWaiting(Run run, EngineListener.Waiting why) {
    }

    default void onToken(Run run, String text) {
    }

    default void onReasoning(Run run, String text) {
    }

    /** The run reached its terminal status and is stored; {@code failure} is null when it completed. */
    default void onFinished(Run run, RunFailure failure) {
    }
}
