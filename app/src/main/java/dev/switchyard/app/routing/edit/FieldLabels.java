package dev.switchyard.app.routing.edit;

import dev.switchyard.app.routing.Action;
import dev.switchyard.app.routing.Condition;
import dev.switchyard.app.routing.Problem;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words the designer's form uses for the policy's JSON fields ("min confidence", "accept if: max tokens"), and
 * validation sentences put in those words: the validator (shared with the CLI, where JSON names are right) says
 * "min_confidence must be between 0 and 1"; the designer shows "Min confidence must be between 0 and 1", without the
 * JSON paths ("rule 1 (/rules/0) always matches" reads "rule 1 always matches").
 */
public final class FieldLabels {

    /** Every JSON field name of a condition or action (nested records' names too), longest first. */
    private static final List<String> KEYS = keys();
    private static final Pattern JSON_PATH = Pattern.compile(" \\(/[^)\\s]*\\)");

    private FieldLabels() {
    }

    /** The form's label of a field: "min_confidence" → "min confidence", "accept_if.max_tokens" → "accept if: max tokens". */
    public static String label(String field) {
        return String.join(": ", Arrays.stream(field.split("\\.")).map(s -> s.replace('_', ' ')).toList());
    }

    /** A problem as the designer shows it: its sentence in the form's words (the path is kept for its node). */
    public static Problem readable(Problem p) {
        return new Problem(p.path(), readable(p.message(), fieldOf(p.path())));
    }

    /**
     * {@code message} in the form's words. {@code field}: the (dotted) field it is about, or null; a nested field's
     * name is given whole ("accept if: max tokens" rather than "max tokens").
     */
    public static String readable(String message, String field) {
        if (message == null || message.isEmpty()) {
            return message;
        }
        String out = message;
        if (field != null && field.contains(".")) {
            out = replace(out, field.substring(field.lastIndexOf('.') + 1), label(field));
        }
        for (String key : KEYS) {
            if (key.contains("_")) {
                out = replace(out, key, label(key));
            }
        }
        out = JSON_PATH.matcher(out).replaceAll("");
        return Character.toUpperCase(out.charAt(0)) + out.substring(1);
    }

    /** A field key as a word of the sentence, not inside a quoted user value ('my_set') or a longer word. */
    private static String replace(String text, String key, String with) {
        return Pattern.compile("(?<![\\w'\"‘“/.])" + Pattern.quote(key) + "(?![\\w'\"’”/])").matcher(text)
                .replaceAll(Matcher.quoteReplacement(with));
    }

    /**
     * The dotted field a problem's path points at inside its condition or action ("/rules/0/then/accept_if/max_tokens"
     * → "accept_if.max_tokens", "/rules/1/when/all/0/min_confidence" → "min_confidence"), or null.
     */
    static String fieldOf(String path) {
        if (path == null) {
            return null;
        }
        List<String> parts = new ArrayList<>(Arrays.asList(path.split("/")));
        int start = Math.max(parts.lastIndexOf("when"), Math.max(parts.lastIndexOf("then"), parts.lastIndexOf("default")));
        if (start < 0) {
            return null;
        }
        List<String> field = new ArrayList<>();
        for (String s : parts.subList(start + 1, parts.size())) {
            if (s.equals("all") || s.equals("any") || s.equals("not")) {
                field.clear(); // a group: the field is inside the condition below it
            } else if (!s.chars().allMatch(Character::isDigit)) {
                field.add(s);
            }
        }
        return field.isEmpty() || !KEYS.contains(field.get(field.size() - 1)) ? null : String.join(".", field);
    }

    private static List<String> keys() {
        Set<String> out = new LinkedHashSet<>();
        for (Class<?> type : Condition.class.getPermittedSubclasses()) {
            collect(type, out);
        }
        for (Class<?> type : Action.class.getPermittedSubclasses()) {
            collect(type, out);
        }
        List<String> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(sorted);
    }

    private static void collect(Class<?> type, Set<String> out) {
        if (!type.isRecord()) {
            return;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            out.add(RecordFields.jsonName(c));
            if (c.getType().isRecord()) {
                collect(c.getType(), out);
            }
        }
    }
}
