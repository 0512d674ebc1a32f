package dev.switchyard.ui.compare.markdown;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The append-only part of a streaming Markdown view, without JavaFX (plain Java, testable): a growing text is
 * split at {@link MarkdownBlocks#settledCut settled cuts}; each newly settled segment is rendered <b>once</b> by
 * the renderer and its result kept (the same objects) for as long as the text keeps extending the previous one.
 * Only the open tail (the block being written) changes between updates. The scan is incremental: each update
 * reads only the lines that arrived since the previous one.
 *
 * @param <N> what a settled segment renders to (a JavaFX node in the view, anything in tests)
 */
public final class MarkdownStream<N> {

    /** What one {@link #update} changed: whether everything was dropped first, the segments added, the open tail. */
    public record Update<N>(boolean reset, List<N> added, String tail) {
    }

    private final Function<String, N> renderer;
    private final List<N> settled = new ArrayList<>();
    private String text = "";
    private int cut;
    /** Start of the first line not scanned yet (every line before it ends with '\n'). */
    private int scanned;
    private boolean inFence;
    private boolean previousBlank;

    /** @param renderer renders one settled segment (called once per segment, on the caller's thread) */
    public MarkdownStream(Function<String, N> renderer) {
        this.renderer = renderer;
    }

    /**
     * Shows {@code next}. When it extends the previous text, the segments already rendered are kept and only the
     * newly settled part (if any) is rendered; otherwise everything is dropped and {@code reset} is true.
     */
    public Update<N> update(String next) {
        String t = next == null ? "" : next;
        boolean reset = false;
        if (t.length() < scanned || !t.regionMatches(0, text, 0, scanned)) {
            reset = !text.isEmpty() || !settled.isEmpty();
            settled.clear();
            cut = 0;
            scanned = 0;
            inFence = false;
            previousBlank = false;
        }
        text = t;
        int newCut = scan(t);
        List<N> added = List.of();
        if (newCut > cut) {
            N segment = renderer.apply(t.substring(cut, newCut));
            settled.add(segment);
            added = List.of(segment);
            cut = newCut;
        }
        return new Update<>(reset, added, t.substring(cut));
    }

    /** The rendered settled segments, oldest first (the same objects across updates). */
    public List<N> settled() {
        return Collections.unmodifiableList(settled);
    }

    /** Length of the settled text. */
    public int settledLength() {
        return cut;
    }

    /** Scans the complete lines that arrived since the last scan, then looks at the partial last line. */
    private int scan(String t) {
        int result = cut;
        while (true) {
            int end = t.indexOf('\n', scanned);
            if (end < 0) {
                break;
            }
            if (startsBlock(t, scanned, end)) {
                result = scanned;
            }
            String line = t.substring(scanned, end).strip();
            if (line.startsWith("```") || line.startsWith("~~~")) {
                inFence = !inFence;
            }
            previousBlank = line.isEmpty();
            scanned = end + 1;
        }
        if (scanned < t.length() && startsBlock(t, scanned, t.length())) {
            result = scanned;
        }
        return Math.max(result, cut);
    }

    /** A line without indentation after a blank line, outside a fence: a new top-level block starts here. */
    private boolean startsBlock(String t, int start, int end) {
        if (inFence || !previousBlank || start >= end || Character.isWhitespace(t.charAt(start))) {
            return false;
        }
        return !t.substring(start, end).isBlank();
    }
}
