package dev.switchyard.app.routing;

import java.util.regex.Pattern;

/**
 * "Has code": a fenced block, or at least two lines that look like code (statement punctuation at the
 * end, a language keyword at the start, an assignment/call shape), or one such line in a short prompt
 * made mostly of it. Cheap (one pass of a few anchored patterns), no model.
 */
public final class CodeDetector {

    private static final Pattern FENCE = Pattern.compile("```|~~~");
    private static final Pattern CODE_LINE = Pattern.compile(
            "^\\s*(?:(?:def|class|import|from|return|public|private|static|void|int|const|let|var|function|fn|func|"
                    + "package|#include|SELECT|INSERT|UPDATE|CREATE|for|while|if|elif|try|catch|using|namespace|struct|"
                    + "impl|pub|async|await)\\b.*"
                    + "|.*[;{}]\\s*$|.*\\)\\s*(?:=>|->).*|\\s*[A-Za-z_][\\w.\\[\\]]*\\s*(?:=|\\+=|-=|:=)\\s*[^=].*"
                    + "|.*\\b\\w+\\([^()]*\\)\\s*;?\\s*$|\\s*(?:</?[a-z]+[^>]*>)\\s*|\\s*(?:#|//)\\s*\\w.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE = Pattern.compile("`[^`\\n]{2,}`|\\b\\w+\\.\\w+\\([^)]*\\)|==|!=|&&|\\|\\||=>|::");

    private CodeDetector() {
    }

    public static boolean hasCode(String text) {
        String s = text.length() > SafeRegex.MAX_INPUT ? text.substring(0, SafeRegex.MAX_INPUT) : text;
        if (FENCE.matcher(s).find()) {
            return true;
        }
        String[] lines = s.split("\n");
        int code = 0;
        for (String line : lines) {
            if (!line.isBlank() && line.length() < 400 && CODE_LINE.matcher(line).matches() && looksSymbolic(line)) {
                code++;
            }
        }
        if (code >= 2) {
            return true;
        }
        return code == 1 && INLINE.matcher(s).find();
    }

    /** Prose rarely has brackets, operators or semicolons; code almost always does. */
    private static boolean looksSymbolic(String line) {
        int symbols = 0;
        for (int i = 0; i < line.length(); i++) {
            if ("(){}[];=<>#:".indexOf(line.charAt(i)) >= 0) {
                symbols++;
            }
        }
        return symbols >= 1;
    }

    /** Code-ish marker count used as a complexity signal (0–n). */
    static int codeSignals(String text) {
        return (hasCode(text) ? 1 : 0) + (INLINE.matcher(text).find() ? 1 : 0);
    }
}
