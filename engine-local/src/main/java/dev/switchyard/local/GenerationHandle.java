package dev.switchyard.local;

/** A running generation. */
public interface GenerationHandle {
    /** Asks the run to stop; it stops before the next token and ends with onError(CANCELLED). Idempotent. */
    void cancel();

    /** True once the terminal callback has been delivered. */
    boolean isDone();
}
