package dev.switchyard.local.intent;

/**
 * Receives one streamed intent reply. Exactly one of {@link #onComplete} / {@link #onError} is called
 * per run, after all {@link #onToken} calls; calls come from the executor thread of the
 * {@link IntentStreamingModel} (never concurrently for one run).
 */
public interface IntentStreamListener {

    /** The next word of the reply, with its leading space (the first word has none). */
    void onToken(String text);

    /** The run finished normally ({@link IntentStreamResult.Status#COMPLETED}) or was cancelled ({@code CANCELLED}, partial text kept). */
    void onComplete(IntentStreamResult result);

    /** The run failed; {@code partialText} holds the words already emitted (possibly empty). */
    void onError(IntentException error, String partialText);
}
