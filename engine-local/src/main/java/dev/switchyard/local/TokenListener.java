package dev.switchyard.local;

/**
 * Receives one run's output: {@link #onStarted} when it begins, then {@link #onToken} with whole characters only
 * (never half of a UTF-8 sequence). Exactly one of {@link #onComplete} / {@link #onError} is called, once, last.
 * Callbacks come from an engine thread; do not block in them.
 */
public interface TokenListener {
    /**
     * The run left the queue and began, on a loaded model: TTFT counts from here. Called at most once, before any
     * token; a run that fails before it starts (a model that cannot load) never gets it.
     */
    default void onStarted() {
    }

    void onToken(String text);

    void onComplete(LocalResult result);

    /** Cancellation arrives here too, with kind CANCELLED and the partial result. */
    void onError(LocalEngineException error);
}
