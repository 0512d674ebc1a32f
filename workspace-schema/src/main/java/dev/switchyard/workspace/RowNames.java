package dev.switchyard.workspace;

import java.util.Locale;

/**
 * What a person calls the rows of an aggregate named by its key in {@link Workspace#counts()} and
 * {@link ImportReport} ("policyVersions", "intentSets"): "policy versions", "1 intent set".
 */
public final class RowNames {

    private RowNames() {
    }

    /** The key in words: "datasetItems" → "dataset items". */
    public static String plural(String key) {
        return key.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    /** The noun for {@code n} rows, singular for one: "policy version", "dataset items", "policy". */
    public static String noun(long n, String key) {
        String words = plural(key);
        if (n != 1) {
            return words;
        }
        return words.endsWith("ies") ? words.substring(0, words.length() - 3) + "y"
                : words.endsWith("s") ? words.substring(0, words.length() - 1) : words;
    }

    /** A count with its noun: "1 policy version", "152 dataset items", "2 policies". */
    public static String count(long n, String key) {
        return String.format(Locale.ROOT, "%,d %s", n, noun(n, key));
    }
}
