package dev.switchyard.cloud.internal;

import java.io.IOException;
import okio.BufferedSource;

/**
 * A small text/event-stream reader (WHATWG field rules: {@code data}, {@code event}, comments, multi-line
 * data, CRLF). Hand-written rather than okhttp-sse's so that every line, keep-alive comments included,
 * is timestamped where the bytes are read, and comments count as liveness for the idle-gap watchdog.
 */
public final class SseReader {

    /** Receives events and liveness. */
    public interface Handler {
        /** Called for every line read, comments included, with the nanoTime it was read. */
        void onActivity(long nanos);

        void onEvent(String type, String data, long nanos) throws IOException;

        /** True to stop reading (end of stream signalled, or run ended). */
        boolean stopped();
    }

    private SseReader() {
    }

    /** Reads until EOF or {@link Handler#stopped()}; a pending event at EOF is still dispatched. */
    public static void read(BufferedSource source, Handler handler) throws IOException {
        // one event per token: a single-line event's data is its line's value, no builder (multi-line data joins)
        String data = null;
        StringBuilder more = null;
        String type = null;
        while (!handler.stopped()) {
            String line = source.readUtf8Line();
            long now = System.nanoTime();
            if (line == null) {
                break;
            }
            handler.onActivity(now);
            if (line.isEmpty()) {
                if (data != null) {
                    handler.onEvent(type, more != null ? more.toString() : data, now);
                }
                data = null;
                more = null;
                type = null;
                continue;
            }
            if (line.charAt(0) == ':') {
                continue;
            }
            int colon = line.indexOf(':');
            int fieldEnd = colon < 0 ? line.length() : colon;
            if (isField(line, fieldEnd, "data")) {
                String value = valueOf(line, colon);
                if (data == null) {
                    data = value;
                } else {
                    if (more == null) {
                        more = new StringBuilder(data);
                    }
                    more.append('\n').append(value);
                }
            } else if (isField(line, fieldEnd, "event")) {
                type = valueOf(line, colon);
            }
        }
        if (data != null && !handler.stopped()) {
            handler.onEvent(type, more != null ? more.toString() : data, System.nanoTime());
        }
    }

    private static boolean isField(String line, int fieldEnd, String name) {
        return fieldEnd == name.length() && line.startsWith(name);
    }

    /** The text after the colon, less one leading space; empty when the line has no colon. */
    private static String valueOf(String line, int colon) {
        if (colon < 0) {
            return "";
        }
        int start = colon + 1;
        if (start < line.length() && line.charAt(start) == ' ') {
            start++;
        }
        return line.substring(start);
    }
}
