package dev.switchyard.local.intent;

/** Controls one streamed run. */
public interface IntentStreamHandle {

    /** Stops the run at the next word boundary; it ends with a CANCELLED result. Idempotent; no-op after the end. */
    void cancel();

    /** True once the terminal callback has been delivered. */
    boolean isDone();
}
