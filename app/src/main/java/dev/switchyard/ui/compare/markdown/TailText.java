package dev.switchyard.ui.compare.markdown;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How the block being written (the open tail of a streaming answer) shows until it settles, in plain Java: one
 * text in one style, its Markdown syntax taken out — "**offline model**" reads "offline model", "`ttft`" reads
 * "ttft", "[docs](https://…)" reads "docs", a heading shows in its heading size without its "#", an open code
 * fence shows as a code block without its fence lines. Bold, italics and links get their own look when the block
 * settles (a moment later) and is rendered as Markdown; rendering the tail itself as Markdown at every update would
 * build and style new nodes 20 times a second per pane, which the streaming view is built to avoid.
 *
 * @param text      what to show
 * @param runStyles style classes of the text
 * @param flowStyle style class of the flow holding it
 */
public record TailText(String text, List<String> runStyles, String flowStyle) {

    static final List<String> PARAGRAPH = List.of("md-run", "md-text");
    static final List<String> CODE = List.of("md-code-text");

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})[ \\t]+");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]\\n]*)]\\([^)\\n]*\\)");
    /**
     * A '*' or '_' run that opens or closes emphasis: a non-space on its inner side, no word character on its outer
     * side — so "* item" (a list marker), "2 * 3" and "snake_case" are left alone.
     */
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*])\\*{1,3}(?=\\S)|(?<=\\S)\\*{1,3}(?![\\w*])"
            + "|(?<![\\w_])_{1,3}(?=[^\\s_])|(?<=[^\\s_])_{1,3}(?![\\w_])");
    /** Line starts that are syntax: a quote's "&gt; ", a heading's "## " (a heading line followed by more text). */
    private static final Pattern LINE_SYNTAX = Pattern.compile("(?m)^[ \\t]{0,3}(?:>[ \\t]?|#{1,6}[ \\t]+)");

    /** The display of {@code tail}, the Markdown text of one open top-level block. */
    public static TailText of(String tail) {
        String t = tail == null ? "" : tail;
        String first = t.stripLeading();
        if (first.startsWith("```") || first.startsWith("~~~")) {
            String fence = first.substring(0, 3);
            int nl = first.indexOf('\n');
            String body = nl < 0 ? "" : first.substring(nl + 1);
            int close = body.lastIndexOf("\n" + fence);
            if (close >= 0) {
                body = body.substring(0, close);
            } else if (body.startsWith(fence)) {
                body = "";
            }
            return new TailText(body.endsWith("\n") ? body.substring(0, body.length() - 1) : body, CODE, "md-code-block");
        }
        java.util.regex.Matcher h = HEADING.matcher(t);
        if (h.find() && !t.strip().contains("\n")) {
            int level = Math.min(h.group(1).length(), 4);
            return new TailText(inline(t.substring(h.end()).strip()), List.of("md-run", "md-h" + level), "md-heading");
        }
        return new TailText(inline(LINE_SYNTAX.matcher(t).replaceAll("")), PARAGRAPH, "md-text");
    }

    /** Inline syntax out: links keep their text, code keeps its text, emphasis markers go; list markers stay. */
    static String inline(String s) {
        String out = s;
        if (out.indexOf('[') >= 0) {
            out = LINK.matcher(out).replaceAll("$1");
        }
        if (out.indexOf('`') >= 0) {
            out = out.replace("`", "");
        }
        if (out.indexOf('*') >= 0 || out.indexOf('_') >= 0) {
            out = EMPHASIS.matcher(out).replaceAll("");
        }
        return out;
    }
}
