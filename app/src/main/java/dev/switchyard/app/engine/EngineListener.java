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

    void onToken(String text);

    default void onReasoning(String text) {
    }

    void onComplete(EngineResult result);

    void onError(EngineFailure failure);
}
