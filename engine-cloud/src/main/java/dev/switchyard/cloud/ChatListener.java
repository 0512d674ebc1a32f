package dev.switchyard.cloud;

/**
 * Receives one run's events. Exactly one of {@link #onComplete} / {@link #onError} is called per run,
 * and no token callback follows it. Callbacks run on OkHttp or timer threads (or the thread calling
 * {@link StreamHandle#cancel()}); they must return quickly. Exceptions thrown by callbacks are ignored.
 */
public interface ChatListener {

    /** A piece of answer text, in order. */
    void onToken(String text);

    /** A piece of visible reasoning text; the first one counts as the first token for TTFT. */
    default void onReasoning(String text) {
    }

    /** The run completed; {@code result.status()} is COMPLETED. */
    void onComplete(ChatResult result);

    /** The run ended any other way; {@code error.partial()} holds text so far, usage and timings. */
    void onError(CloudException error);
}
