package dev.switchyard.ui.compare.markdown;

/**
 * Where streaming Markdown text can be split without changing how the part before renders (plain Java). This is
 * the whole-text definition; {@link MarkdownStream} finds the same cuts incrementally while text streams in.
 */
public final class MarkdownBlocks {

    private MarkdownBlocks() {
    }

    /**
     * Start of the last line that begins a new top-level block: a line without indentation, after a blank
     * line, outside a fenced code block. Everything before it renders the same whatever follows. 0 when none.
     */
    public static int settledCut(String t) {
        int cut = 0;
        boolean inFence = false;
        boolean previousBlank = false;
        int lineStart = 0;
        while (lineStart < t.length()) {
            int end = t.indexOf('\n', lineStart);
            String raw = t.substring(lineStart, end < 0 ? t.length() : end);
            String line = raw.strip();
            if (!inFence && previousBlank && !line.isEmpty() && !Character.isWhitespace(raw.charAt(0))) {
                cut = lineStart;
            }
            if (line.startsWith("```") || line.startsWith("~~~")) {
                inFence = !inFence;
            }
            previousBlank = line.isEmpty();
            if (end < 0) {
                break;
            }
            lineStart = end + 1;
        }
        return cut;
    }
}
