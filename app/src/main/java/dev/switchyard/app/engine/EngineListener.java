package dev.switchyard.app.engine;

/**
 * Events of one run, the same for every engine (DESIGN.md streaming contract): tokens in order, then
 * exactly one of {@link #onComplete} or {@link #onError}. Called on engine threads; return quickly.
 */
public interface EngineListener {

    /**
     * The engine began this run: what came before it — waiting for a local engine busy with another run, loading
     * the model — is behind it, and TTFT counts from here. Engines that begin at once (cloud) need not call it.
     */
    default void onDispatched() {
    }

    /** Why a run has not begun yet, for the screen; {@link #onDispatched} ends the wait. */
    enum Waiting {
        /** The model is being loaded for this run (its first run, or the first after the worker restarted). */
        LOADING_MODEL,
        /** The device is busy with another local run; this one begins when that one ends. */
        DEVICE_BUSY
    }

    /** The run waits before the engine can begin it, and why. Engines that begin at once need not call it. */
    default void onWaiting(Waiting why) {
    }

    void onToken(String text);

    default void onReasoning(String text) {
    }

    void onComplete(EngineResult result);

    void onError(EngineFailure failure);
}
