package dev.switchyard.cloud;

/** Control over one running stream. */
public interface StreamHandle {

    /**
     * Stops the HTTP call at once ({@code Call.cancel()}, never a thread interrupt) and ends the run
     * as CANCELLED with its partial text, unless it already ended. Safe from any thread, idempotent.
     */
    void cancel();

    /** True once the run delivered its terminal callback. */
    boolean isDone();
}
