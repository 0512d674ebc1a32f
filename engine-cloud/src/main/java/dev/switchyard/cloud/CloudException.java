package dev.switchyard.cloud;

import java.time.Duration;
import java.util.Objects;

/**
 * Every way a cloud run or call can fail, as one unchecked exception with a {@link Kind}.
 * {@link #getMessage()} is the user sentence plus a short, redacted provider detail; it never
 * contains an API key.
 */
public final class CloudException extends RuntimeException {

    /** Failure kinds; each maps to one user-facing sentence. */
    public enum Kind {
        AUTHENTICATION("The provider rejected the API key; check the key for this endpoint.", false),
        BAD_REQUEST("The provider rejected the request; check the model name and parameters.", false),
        MODEL_NOT_FOUND("The provider does not know this model or endpoint; check the model name and base URL.", false),
        CONTEXT_TOO_LONG("The prompt is longer than this model's context window; shorten it or pick a larger model.", false),
        QUOTA_EXCEEDED("The account has no credit or quota left with this provider.", false),
        RATE_LIMITED("The provider is rate-limiting requests; wait a moment and try again.", true),
        SERVER("The provider had a server error; try again later.", true),
        NETWORK("Could not reach the provider; check the network connection and base URL.", true),
        CONNECT_TIMEOUT("Connecting to the provider timed out; check the network connection and base URL.", true),
        FIRST_TOKEN_TIMEOUT("The model did not start answering within the first-token time limit.", false),
        IDLE_TIMEOUT("The stream stalled longer than the allowed gap between chunks.", false),
        TOTAL_TIMEOUT("The run took longer than its total time limit.", false),
        STREAM_BROKEN("The connection broke while the answer was streaming; the partial answer was kept.", false),
        MALFORMED_RESPONSE("The provider sent a response Switchyard could not read.", false),
        CONTENT_FILTERED("The provider stopped the answer with its content filter.", false),
        CANCELLED("The run was stopped.", false);

        private final String userMessage;
        private final boolean retryable;

        Kind(String userMessage, boolean retryable) {
            this.userMessage = userMessage;
            this.retryable = retryable;
        }

        /** One short sentence a user can act on. */
        public String userMessage() {
            return userMessage;
        }

        /** Whether the retry loop may retry this kind (only ever before the first token). */
        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;
    private final Integer httpStatus;
    private final Duration retryAfter;
    private final String providerDetail;
    private final ChatResult partial;

    public CloudException(Kind kind, Integer httpStatus, Duration retryAfter, String providerDetail,
                          ChatResult partial, Throwable cause) {
        super(compose(sentence(kind, httpStatus, retryAfter), httpStatus, providerDetail), cause, true, true);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
        this.providerDetail = providerDetail;
        this.partial = partial;
    }

    public CloudException(Kind kind, String providerDetail) {
        this(kind, null, null, providerDetail, null, null);
    }

    /** A 403 is a key without access (not a wrong key); a server-directed wait is said with its length. */
    private static String sentence(Kind kind, Integer status, Duration retryAfter) {
        if (kind == Kind.AUTHENTICATION && status != null && status == 403) {
            return "The provider refused this API key access to the model or endpoint; check that the key (its project"
                    + " or plan) may use this model.";
        }
        if (retryAfter != null && retryAfter.toMillis() >= 1000 && (kind == Kind.RATE_LIMITED || kind == Kind.SERVER)) {
            return (kind == Kind.RATE_LIMITED ? "The provider is rate-limiting requests" : "The provider had a server error")
                    + "; it asks to wait " + wait(retryAfter) + " before trying again.";
        }
        return kind.userMessage();
    }

    /** "45 s", "2 min", "1 h 5 min": a wait as a person says it. */
    static String wait(Duration d) {
        long s = Math.max(1, (d.toMillis() + 999) / 1000);
        if (s < 90) {
            return s + " s";
        }
        long min = (s + 59) / 60;
        return min < 60 ? min + " min" : min / 60 + " h" + (min % 60 == 0 ? "" : " " + min % 60 + " min");
    }

    /** Kinds whose detail is the provider's own words (an error body or event), not a transport's. */
    private static boolean providerWords(Kind kind) {
        return switch (kind) {
            case AUTHENTICATION, BAD_REQUEST, MODEL_NOT_FOUND, CONTEXT_TOO_LONG, QUOTA_EXCEEDED, RATE_LIMITED, SERVER,
                    CONTENT_FILTERED -> true;
            default -> false;
        };
    }

    private static String compose(String sentence, Integer status, String detail) {
        StringBuilder sb = new StringBuilder(sentence);
        if (status != null || (detail != null && !detail.isBlank())) {
            sb.append(" (");
            if (status != null) {
                sb.append("HTTP ").append(status);
            }
            if (detail != null && !detail.isBlank()) {
                if (status != null) {
                    sb.append(": ");
                }
                sb.append(detail);
            }
            sb.append(')');
        }
        return sb.toString();
    }

    public Kind kind() { return kind; }

    /**
     * The sentence for the UI: the kind's, except that a 403 says the key lacks access (not that it is wrong) and a
     * server-directed wait of a second or more is said with its length ("it asks to wait 2 min before trying again").
     */
    public String userMessage() { return sentence(kind, httpStatus, retryAfter); }

    /**
     * What a run's pane and History show: {@link #userMessage()} and, when the provider said why in its error body,
     * its words (redacted, at most 300 characters): {@code The provider said: "Project … does not have access to
     * model gpt-4o" (HTTP 403).} Transport details (exception names, timeouts) are left out.
     */
    public String explanation() {
        String sentence = userMessage();
        if (!providerWords(kind) || providerDetail == null || providerDetail.isBlank()) {
            return sentence;
        }
        String words = providerDetail.strip();
        return sentence + " The provider said: \u201c" + words + "\u201d"
                + (httpStatus == null ? "" : " (HTTP " + httpStatus + ")") + ".";
    }

    /** HTTP status when the failure came from a response, else null. */
    public Integer httpStatus() { return httpStatus; }

    /** Server-directed wait (Retry-After / retry-after-ms), else null. */
    public Duration retryAfter() { return retryAfter; }

    /** Short provider or transport detail, redacted and truncated; may be null. */
    public String providerDetail() { return providerDetail; }

    /** Text so far, usage, timings and attempts; null only for calls that are not runs (listModels). */
    public ChatResult partial() { return partial; }

    /** The same failure with the run's partial result attached. */
    public CloudException withPartial(ChatResult result) {
        return new CloudException(kind, httpStatus, retryAfter, providerDetail, result, getCause());
    }
}
