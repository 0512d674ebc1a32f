package dev.switchyard.local.intent;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders response templates. Syntax: {@code {{name}}} or {@code {{name|fallback text}}}.
 * A variable that is missing (or blank) renders as its fallback, or as nothing when there is none;
 * runs of spaces left behind are collapsed and spaces before punctuation removed. Text outside
 * {@code {{…}}} is copied unchanged. Variable names are letters, digits and underscores.
 *
 * <p>Variables supplied by {@link IntentModel}: {@code intent}, {@code prompt}, {@code set},
 * {@code confidence} (a percentage such as {@code 87%}), plus the slots of {@link SlotExtractor}
 * ({@code room}, {@code device}, {@code time}, {@code number}, {@code percent}, {@code order}, {@code email}).
 */
public final class ReplyTemplate {

    private static final Pattern VAR = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*(?:\\|([^}]*))?}}");

    private ReplyTemplate() {
    }

    /** Renders {@code template} with {@code values}. */
    public static String render(String template, Map<String, String> values) {
        if (template == null || template.isEmpty()) {
            return "";
        }
        Matcher m = VAR.matcher(template);
        StringBuilder out = new StringBuilder();
        boolean any = false;
        while (m.find()) {
            any = true;
            String value = values.get(m.group(1));
            if (value == null || value.isBlank()) {
                value = m.group(2) == null ? "" : m.group(2);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        if (!any) {
            return template;
        }
        return out.toString().replaceAll("[ \\t]{2,}", " ").replaceAll(" +([,.!?;:])", "$1").strip();
    }
}
