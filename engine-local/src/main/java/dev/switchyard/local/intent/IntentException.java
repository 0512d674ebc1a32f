package dev.switchyard.local.intent;

/** A failure of the embedded intent model, with a sentence a user can act on as the message. */
public final class IntentException extends RuntimeException {

    /** What went wrong. */
    public enum Kind {
        /** The embedding model or its tokenizer could not be loaded from the classpath. */
        MODEL_LOAD_FAILED,
        /** Running the embedding model failed. */
        EMBEDDING_FAILED,
        /** An intent-set file is not valid JSON or breaks the format rules. */
        INVALID_INTENT_SET,
        /** Reading or writing an intent-set file failed. */
        IO,
        /** A streamed run failed for another reason (a failing listener, a rejected executor). */
        RUN_FAILED
    }

    private final Kind kind;

    public IntentException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public IntentException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
