package dev.switchyard.app.engine;

/**
 * A failure's stored message: the sentence a user reads (what is wrong, naming the file or model, and what to do),
 * optionally followed by a detail — the words of the library or service that failed (ONNX Runtime's message) — on a
 * line of its own that starts with {@value #MARK}. The pane shows the sentence, and the detail apart and quieter;
 * History, exports and {@code run} keep both.
 */
public final class FailureText {

    /** What starts the detail's line. */
    public static final String MARK = "Detail: ";
    private static final String SEPARATOR = "\n" + MARK;

    private FailureText() {
    }

    /** {@code sentence}, and {@code detail} on its own line when there is one. */
    public static String withDetail(String sentence, String detail) {
        return detail == null || detail.isBlank() ? sentence : sentence + SEPARATOR + detail.strip();
    }

    /** The sentence of a stored message (all of it when it has no detail). */
    public static String sentence(String message) {
        if (message == null) {
            return null;
        }
        int i = message.indexOf(SEPARATOR);
        return i < 0 ? message : message.substring(0, i);
    }

    /** The detail of a stored message, or "" when it has none. */
    public static String detail(String message) {
        if (message == null) {
            return "";
        }
        int i = message.indexOf(SEPARATOR);
        return i < 0 ? "" : message.substring(i + SEPARATOR.length());
    }
}
