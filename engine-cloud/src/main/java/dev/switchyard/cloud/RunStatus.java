package dev.switchyard.cloud;

/** How a run ended. */
public enum RunStatus {
    /** The provider finished the answer. */
    COMPLETED,
    /** Failed after the first token arrived; the partial answer is kept. */
    INCOMPLETE,
    /** Stopped by the user; the partial answer (maybe empty) is kept. */
    CANCELLED,
    /** Failed before any token arrived. */
    FAILED
}
