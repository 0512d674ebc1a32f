package dev.switchyard.app.compare;

import dev.switchyard.app.engine.GenerationParams;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generation parameters as the user typed them (blank = model default), parsed with one sentence per
 * mistake. {@code stop} is a comma-separated list; {@code \n} in it means a newline.
 */
public record ParamsText(String temperature, String maxTokens, String topP, String seed, String stop) {

    public static final ParamsText DEFAULTS = new ParamsText("", "", "", "", "");

    /** The parameters, or {@link IllegalArgumentException} with a sentence naming the field. */
    public GenerationParams parse() {
        Double t = dbl("Temperature", temperature);
        Integer max = integer("Max tokens", maxTokens);
        Double p = dbl("Top-p", topP);
        Long s = seed == null || seed.isBlank() ? null : lng("Seed", seed);
        List<String> stops = stop == null || stop.isBlank() ? List.of()
                : Arrays.stream(stop.split(",")).map(x -> x.replace("\\n", "\n")).filter(x -> !x.isEmpty()).toList();
        try {
            return new GenerationParams(max, t, p, s, stops);
        } catch (IllegalArgumentException e) {
            String msg = e.getMessage();
            throw new IllegalArgumentException(Character.toUpperCase(msg.charAt(0)) + msg.substring(1) + ".");
        }
    }

    /**
     * What is wrong with each field as typed, by the field's key in {@link #asMap()} ("temperature", "maxTokens",
     * "topP", "seed", "stop"): one sentence per field that does not parse or is out of range; empty when all is fine.
     */
    public Map<String, String> problems() {
        Map<String, String> m = new LinkedHashMap<>();
        check(m, "temperature", new ParamsText(temperature, "", "", "", ""));
        check(m, "maxTokens", new ParamsText("", maxTokens, "", "", ""));
        check(m, "topP", new ParamsText("", "", topP, "", ""));
        check(m, "seed", new ParamsText("", "", "", seed, ""));
        check(m, "stop", new ParamsText("", "", "", "", stop));
        return m;
    }

    private static void check(Map<String, String> problems, String key, ParamsText only) {
        try {
            only.parse();
        } catch (IllegalArgumentException e) {
            problems.put(key, e.getMessage());
        }
    }

    /** As stored with a prompt version: only the fields that are set. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "temperature", temperature);
        put(m, "maxTokens", maxTokens);
        put(m, "topP", topP);
        put(m, "seed", seed);
        put(m, "stop", stop);
        return m;
    }

    public static ParamsText fromMap(Map<String, String> m) {
        return new ParamsText(m.getOrDefault("temperature", ""), m.getOrDefault("maxTokens", ""),
                m.getOrDefault("topP", ""), m.getOrDefault("seed", ""), m.getOrDefault("stop", ""));
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value.strip());
        }
    }

    private static Double dbl(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a number, not '" + text.strip() + "'.");
        }
    }

    private static Integer integer(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number, not '" + text.strip() + "'.");
        }
    }

    private static Long lng(String field, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number, not '" + text.strip() + "'.");
        }
    }
}
