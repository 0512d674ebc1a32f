package dev.switchyard.cloud.internal;

import java.util.regex.Pattern;

/** Removes secrets from text that may reach a message or a log. */
public final class Redactor {

    private static final Pattern KEY_LIKE = Pattern.compile(
            "(?i)(bearer\\s+\\S+|\\b(sk|sk-ant|sk-proj|sk-or|gsk|xai|key)[-_][A-Za-z0-9_\\-]{6,}|AIza[0-9A-Za-z_\\-]{20,})");
    private static final int MAX = 300;

    private Redactor() {
    }

    /** Masks {@code secret} (if any) and anything shaped like an API key; truncates to 300 chars. */
    public static String redact(String text, String secret) {
        if (text == null) {
            return null;
        }
        String out = text;
        if (secret != null && secret.length() >= 4) {
            out = out.replace(secret, "██");
        }
        out = KEY_LIKE.matcher(out).replaceAll("██");
        out = out.replaceAll("\\s+", " ").strip();
        if (out.length() > MAX) {
            out = out.substring(0, MAX) + "…";
        }
        return out;
    }
}
