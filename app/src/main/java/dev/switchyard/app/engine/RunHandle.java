package dev.switchyard.app.engine;

/** Control over a started run. */
public interface RunHandle {

    /** Stops the run at once; it ends CANCELLED with its partial text unless it already ended. Idempotent. */
    void cancel();
}
