package dev.switchyard.local;

/** Why a generation ended. */
public enum StopReason {
    /** The model produced an end-of-sequence token. */
    EOS,
    /** A stop string appeared in the output (it is not part of the text). */
    STOP_STRING,
    /** maxTokens were generated. */
    MAX_TOKENS,
    /** The context window is full. */
    CONTEXT_FULL,
    /** Cancelled by the caller (only in a partial result). */
    CANCELLED,
    /** Failed after some output (only in a partial result). */
    ERROR
}
