package dev.switchyard.local.generate;

import java.util.List;

/**
 * Holds back streamed text that could be the start of a stop string, so the caller never shows text
 * that a stop string later removes. Feed chunks with {@link #accept}; read what is safe to emit.
 */
public final class StopMatcher {
    private final List<String> stops;
    private final StringBuilder held = new StringBuilder();
    private boolean stopped;

    public StopMatcher(List<String> stops) {
        this.stops = stops.stream().filter(s -> !s.isEmpty()).toList();
    }

    /** Adds text; returns the part that can be emitted now. After a stop string, {@link #stopped()} is true. */
    public String accept(String chunk) {
        if (stopped) {
            return "";
        }
        held.append(chunk);
        int earliest = -1;
        for (String s : stops) {
            int i = held.indexOf(s);
            if (i >= 0 && (earliest < 0 || i < earliest)) {
                earliest = i;
            }
        }
        if (earliest >= 0) {
            stopped = true;
            String out = held.substring(0, earliest);
            held.setLength(0);
            return out;
        }
        int keep = 0;
        for (String s : stops) {
            for (int len = Math.min(s.length() - 1, held.length()); len > keep; len--) {
                if (held.toString().regionMatches(held.length() - len, s, 0, len)) {
                    keep = len;
                    break;
                }
            }
        }
        String out = held.substring(0, held.length() - keep);
        held.delete(0, held.length() - keep);
        return out;
    }

    public boolean stopped() {
        return stopped;
    }

    /** At the end of a run without a stop: the held tail is real text. */
    public String flush() {
        String out = stopped ? "" : held.toString();
        held.setLength(0);
        return out;
    }
}
