package dev.switchyard.app.compare;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {{variables}}} in prompt text: a name of letters, digits, {@code _}, {@code -} or {@code .}
 * (starting with a letter or {@code _}), spaces inside the braces allowed ({@code {{ city }}}).
 */
public final class PromptTemplate {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.-]*)\\s*}}");

    private PromptTemplate() {
    }

    /** The variable names in order of first appearance across the texts, without duplicates. */
    public static List<String> variables(String... texts) {
        Set<String> names = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher m = VARIABLE.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return new ArrayList<>(names);
    }

    /** The text with each variable replaced by its value; a variable without a value stays as written. */
    public static String render(String text, Map<String, String> values) {
        if (text == null) {
            return null;
        }
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Variables that appear in the texts but have no value (null or blank). */
    public static List<String> missing(Map<String, String> values, String... texts) {
        return variables(texts).stream().filter(v -> values.get(v) == null || values.get(v).isBlank()).toList();
    }
}
