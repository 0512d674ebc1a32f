package dev.switchyard.cloud.internal;

import dev.switchyard.cloud.CloudException;
import dev.switchyard.cloud.CloudException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import okhttp3.Headers;

/** Maps HTTP statuses, provider error codes and I/O exceptions to {@link CloudException}s. */
public final class ErrorMapper {

    private ErrorMapper() {
    }

    /** An HTTP error response. */
    public static CloudException fromStatus(int status, Headers headers, Protocol.ErrorBody body, String rawBody,
                                            String secret) {
        String code = body == null ? null : body.code();
        String message = body == null ? null : body.message();
        String detail = Redactor.redact(message != null ? message : rawBody, secret);
        Duration retryAfter = headers == null ? null : retryAfter(headers);
        Kind kind = kindForStatus(status, code, message);
        return new CloudException(kind, status, kind == Kind.RATE_LIMITED || kind == Kind.SERVER ? retryAfter : null,
                detail, null, null);
    }

    static Kind kindForStatus(int status, String code, String message) {
        if (isQuota(code, message) && (status == 429 || status == 402 || status == 403)) {
            return Kind.QUOTA_EXCEEDED;
        }
        if (status == 401 || status == 403) {
            return Kind.AUTHENTICATION;
        }
        if (status == 402) {
            return Kind.QUOTA_EXCEEDED;
        }
        if (status == 429) {
            return Kind.RATE_LIMITED;
        }
        if (status == 408 || status == 409 || status >= 500) {
            return Kind.SERVER;
        }
        if (status == 413 || isContextLength(code, message)) {
            return Kind.CONTEXT_TOO_LONG;
        }
        if (status == 404) {
            return Kind.MODEL_NOT_FOUND;
        }
        return Kind.BAD_REQUEST;
    }

    /** An error reported inside a 200 stream or body (OpenRouter-style error chunk, Anthropic error event). */
    public static CloudException inBand(String code, String message, String secret) {
        String c = code == null ? "" : code.toLowerCase(Locale.ROOT);
        Kind kind;
        Integer status = null;
        if (c.matches("\\d{3}")) {
            status = Integer.parseInt(c);
            kind = kindForStatus(status, null, message);
        } else if (isQuota(c, message)) {
            kind = Kind.QUOTA_EXCEEDED;
        } else if (isContextLength(c, message)) {
            kind = Kind.CONTEXT_TOO_LONG;
        } else if (c.contains("rate_limit")) {
            kind = Kind.RATE_LIMITED;
        } else if (c.contains("authentication") || c.contains("permission") || c.contains("invalid_api_key")) {
            kind = Kind.AUTHENTICATION;
        } else if (c.contains("not_found")) {
            kind = Kind.MODEL_NOT_FOUND;
        } else if (c.contains("invalid_request")) {
            kind = Kind.BAD_REQUEST;
        } else if (c.contains("content_filter") || c.contains("refusal")) {
            kind = Kind.CONTENT_FILTERED;
        } else {
            kind = Kind.SERVER; // overloaded_error, api_error, server_error, unknown
        }
        String detail = Redactor.redact((code == null ? "" : code + ": ") + (message == null ? "" : message), secret);
        return new CloudException(kind, status, null, detail, null, null);
    }

    /** A transport failure before or while reading a response. */
    public static CloudException fromIo(IOException e, boolean afterFirstToken, String secret) {
        String detail = Redactor.redact(e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()), secret);
        Kind kind;
        if (afterFirstToken) {
            kind = Kind.STREAM_BROKEN;
        } else if (e instanceof SocketTimeoutException && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT)
                .contains("connect")) {
            kind = Kind.CONNECT_TIMEOUT;
        } else if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException
                && "timeout".equals(e.getMessage())) {
            kind = Kind.FIRST_TOKEN_TIMEOUT; // OkHttp read timeout is a backstop beyond the first-token limit
        } else if (e instanceof ConnectException || e instanceof UnknownHostException) {
            kind = Kind.NETWORK;
        } else {
            kind = Kind.NETWORK;
        }
        return new CloudException(kind, null, null, detail, null, null);
    }

    static boolean isContextLength(String code, String message) {
        String c = code == null ? "" : code.toLowerCase(Locale.ROOT);
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return c.contains("context_length") || m.contains("context length") || m.contains("context_length")
                || m.contains("context window") || m.contains("maximum context") || m.contains("prompt is too long")
                || m.contains("too many tokens") || m.contains("input is too long");
    }

    static boolean isQuota(String code, String message) {
        String c = code == null ? "" : code.toLowerCase(Locale.ROOT);
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return c.contains("insufficient_quota") || c.contains("billing") || m.contains("exceeded your current quota")
                || m.contains("insufficient balance") || m.contains("credit balance is too low");
    }

    /** {@code retry-after-ms}, else {@code Retry-After} as seconds or HTTP date; null if absent or invalid. */
    public static Duration retryAfter(Headers headers) {
        String ms = headers.get("retry-after-ms");
        if (ms != null) {
            try {
                double v = Double.parseDouble(ms.trim());
                if (v >= 0) {
                    return Duration.ofNanos((long) (v * 1_000_000));
                }
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        String ra = headers.get("retry-after");
        if (ra == null) {
            return null;
        }
        ra = ra.trim();
        try {
            double secs = Double.parseDouble(ra);
            return secs < 0 ? null : Duration.ofMillis((long) (secs * 1000));
        } catch (NumberFormatException ignored) {
            // maybe an HTTP date
        }
        try {
            ZonedDateTime when = ZonedDateTime.parse(ra, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(ZonedDateTime.now(when.getZone()), when);
            return d.isNegative() ? Duration.ZERO : d;
        } catch (RuntimeException ignored) {
            return null;
        }
    }
}
