package dev.switchyard.local;

import java.util.Optional;

/** Every failure of the local engine: a {@link Kind} a caller can switch on and a sentence a user can act on. */
public final class LocalEngineException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong. The README maps each kind to its message. */
    public enum Kind {
        /** The folder or a required file (model*.onnx, tokenizer.json, config.json) does not exist. */
        MODEL_NOT_FOUND,
        /** The file is not an ONNX model (not a protobuf ModelProto). */
        NOT_ONNX,
        /** The ONNX file is truncated or damaged, or its external data file is missing. */
        CORRUPT_MODEL,
        /** The model loads but its inputs/outputs are not those of a text decoder. */
        NOT_A_DECODER,
        /** A layout or feature this engine does not run (merged decoder with use_cache_branch, odd dtypes). */
        UNSUPPORTED_MODEL,
        /** tokenizer.json is unreadable, or its vocabulary does not fit the model's logits. */
        TOKENIZER_MISMATCH,
        /** config.json / generation_config.json / genai_config.json is unreadable. */
        CONFIG_INVALID,
        /** The prompt (after the chat template) does not fit the model's context window. */
        PROMPT_TOO_LONG,
        /** The request names a model that is not loaded, or is malformed. */
        BAD_REQUEST,
        /** ONNX Runtime failed while running the model. */
        RUNTIME_FAILURE,
        /** The model needed more memory than the worker may use. */
        OUT_OF_MEMORY,
        /** The worker process died (native crash, killed); it has been restarted. */
        WORKER_CRASHED,
        /** The run was cancelled by the caller. */
        CANCELLED
    }

    private final Kind kind;
    private final transient LocalResult partial;
    private final String detail;

    public LocalEngineException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public LocalEngineException(Kind kind, String message, Throwable cause) {
        this(kind, message, null, cause);
    }

    public LocalEngineException(Kind kind, String message, LocalResult partial, Throwable cause) {
        this(kind, message, partial, cause, null);
    }

    /**
     * With {@code detail}: the words of the library that failed (ONNX Runtime's message), kept apart from the sentence
     * so that a user reads what is wrong and what to do first, and the library's text only as a detail.
     */
    public LocalEngineException(Kind kind, String message, LocalResult partial, Throwable cause, String detail) {
        super(message, cause);
        this.kind = kind;
        this.partial = partial;
        this.detail = detail == null || detail.isBlank() ? null : detail.strip();
    }

    /** A failure whose sentence names the file and what to do; {@code detail}: ONNX Runtime's own words (may be null). */
    public static LocalEngineException withDetail(Kind kind, String message, String detail, Throwable cause) {
        return new LocalEngineException(kind, message, null, cause, detail);
    }

    public Kind kind() {
        return kind;
    }

    /** What was produced before the failure (text streamed so far, counts, timings), if anything ran. */
    public Optional<LocalResult> partial() {
        return Optional.ofNullable(partial);
    }

    /** The failing library's own words (ONNX Runtime's message), apart from {@link #getMessage()}; null when none. */
    public String detail() {
        return detail;
    }

    public LocalEngineException withPartial(LocalResult result) {
        return new LocalEngineException(kind, getMessage(), result, getCause(), detail);
    }
}
