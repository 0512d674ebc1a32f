package dev.switchyard.app.engine;

/**
 * Events of one run, the same for every engine (DESIGN.md streaming contract): tokens in order, then
 * exactly one of {@link #onComplete} or {@link #onError}. Called on engine threads; return quickly.
 */
public interface EngineListener {

    void onToken(String text);

    default void onReasoning(String text) {
    }

    void onComplete(EngineResult result);

    void onError(EngineFailure failure);
}
