package dev.switchyard.app.routing;

/** A routing failure of a known kind; {@link #getMessage()} is the sentence shown to the user. */
public final class RoutingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The policy JSON is malformed or fails validation. */
        INVALID_POLICY,
        /** A target names no workspace model, or a role has no model. */
        UNKNOWN_TARGET,
        /** A condition names an intent set the workspace does not have. */
        UNKNOWN_INTENT_SET,
        /** A similarity condition names an example set the policy does not define. */
        UNKNOWN_EXAMPLE_SET,
        /** A regular expression took too long on this prompt. */
        REGEX_TIMEOUT,
        /** No saved policy of that name or version. */
        UNKNOWN_POLICY
    }

    private final Kind kind;

    public RoutingException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
