package dev.switchyard.app.replay;

/** A replay or dataset failure of a known kind, with the sentence shown to the user (CLI and UI alike). */
public final class ReplayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong; the CLI maps each kind to an exit code once (REPLAY.md). */
    public enum Kind {
        /** A file could not be read or holds no usable item. */
        BAD_INPUT,
        /** A dataset, policy, replay or model named by the user does not exist. */
        NOT_FOUND,
        /** Live calls were needed but not confirmed (JSON mode without --yes, or the user said no). */
        NOT_CONFIRMED,
        /** Cached-only replay: a needed stored run is missing. */
        NO_CACHED_RUN,
        /** The policy could not be read or used. */
        BAD_POLICY,
        /** A grader could not be set up (no judge model…). */
        GRADER
    }

    private final Kind kind;

    public ReplayException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
