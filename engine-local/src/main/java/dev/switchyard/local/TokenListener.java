package dev.switchyard.local;

/**
 * Receives one run's output. {@link #onToken} gets whole characters only (never half of a UTF-8
 * sequence). Exactly one of {@link #onComplete} / {@link #onError} is called, once, last.
 * Callbacks come from an engine thread; do not block in them.
 */
public interface TokenListener {
    void onToken(String text);

    void onComplete(LocalResult result);

    /** Cancellation arrives here too, with kind CANCELLED and the partial result. */
    void onError(LocalEngineException error);
}
