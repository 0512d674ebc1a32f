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
        StringBuilder data = null;
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
                    handler.onEvent(type, data.toString(), now);
                }
                data = null;
                type = null;
                continue;
            }
            if (line.charAt(0) == ':') {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (!value.isEmpty() && value.charAt(0) == ' ') {
                value = value.substring(1);
            }
            if ("data".equals(field)) {
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
            } else if ("event".equals(field)) {
                type = value;
            }
        }
        if (data != null && !handler.stopped()) {
            handler.onEvent(type, data.toString(), System.nanoTime());
        }
    }
}
