package dev.switchyard.local.intent;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cheap, dictionary- and regex-based slot filling (no model). Supported slots:
 * <ul>
 *   <li>{@code room} — first room word or phrase from a fixed list ("living room", "kitchen", "kids room" …)</li>
 *   <li>{@code device} — first device phrase from a fixed list, longest phrase wins ("garage door" over "door")</li>
 *   <li>{@code time} — "7 am", "7:30pm", "19:45", "noon", "midnight" (normalised to lower case)</li>
 *   <li>{@code number} — the first number not part of a time or order id: digits ("21", "2.5") or a number
 *       word from zero to ninety-nine ("twenty one" → 21), returned as digits</li>
 *   <li>{@code percent} — a number followed by "%" or "percent", returned with a "%" sign ("30%")</li>
 *   <li>{@code order} — an order id after "order", "order number", "order #" or "#" (4+ letters/digits, upper-cased)</li>
 *   <li>{@code email} — the first e-mail address</li>
 * </ul>
 * A slot absent from the prompt is absent from the map.
 */
public final class SlotExtractor {

    private static final Pattern ROOMS = phrases(List.of(
            "living room", "lounge", "kitchen", "bedroom", "master bedroom", "guest room", "guest bedroom",
            "kids room", "kids' room", "children's room", "nursery", "bathroom", "dining room", "hallway",
            "hall", "office", "study", "garage", "basement", "attic", "porch", "patio", "garden", "backyard",
            "front yard", "laundry room", "upstairs", "downstairs", "den", "playroom", "toilet", "loft"));

    private static final Pattern DEVICES = phrases(List.of(
            "lights", "light", "lamp", "lamps", "ceiling light", "ceiling fan", "fan", "thermostat", "heating",
            "heater", "air conditioning", "air conditioner", "ac", "tv", "television", "speaker", "speakers",
            "blinds", "curtains", "shades", "front door", "back door", "door", "door lock", "lock", "garage door",
            "oven", "dishwasher", "washing machine", "dryer", "robot vacuum", "vacuum", "camera", "cameras",
            "alarm", "security system", "sprinklers", "sprinkler", "kettle", "coffee machine", "coffee maker",
            "fridge", "radiator", "humidifier", "dehumidifier", "purifier", "air purifier", "doorbell", "music"));

    private static final Pattern TIME = Pattern.compile(
            "\\b(?:(\\d{1,2})(?::(\\d{2}))?\\s*([ap])\\.?\\s?m\\.?|(\\d{1,2}):(\\d{2})|noon|midnight)(?![\\w:])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ORDER = Pattern.compile(
            "(?:\\border(?:\\s+(?:number|no\\.?|id))?\\s*#?\\s*|#\\s*)([A-Za-z]{0,3}-?\\d[A-Za-z0-9-]{3,})",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:%|percent\\b|per cent\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DIGITS = Pattern.compile("(?<![\\w.])(\\d+(?:\\.\\d+)?)(?![\\w])");

    private static final Map<String, Integer> NUMBER_WORDS = numberWords();
    private static final Pattern WORD_NUMBER = Pattern.compile(
            "\\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\\s-](one|two|three|four|five|six|seven|eight|nine))?\\b"
                    + "|\\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
                    + "|fifteen|sixteen|seventeen|eighteen|nineteen)\\b",
            Pattern.CASE_INSENSITIVE);

    /** Extracts the slots found in {@code prompt}; keys as listed in the class comment. */
    public Map<String, String> extract(String prompt) {
        Map<String, String> slots = new LinkedHashMap<>();
        if (prompt == null || prompt.isBlank()) {
            return slots;
        }
        String lower = prompt.toLowerCase(Locale.ROOT);
        phrase(lower, ROOMS).ifPresent(r -> slots.put("room", r));
        phrase(lower, DEVICES).ifPresent(d -> slots.put("device", d));

        StringBuilder rest = new StringBuilder(prompt);
        Matcher email = EMAIL.matcher(prompt);
        if (email.find()) {
            slots.put("email", email.group());
            blank(rest, email.start(), email.end());
        }
        Matcher order = ORDER.matcher(rest);
        if (order.find()) {
            slots.put("order", order.group(1).toUpperCase(Locale.ROOT));
            blank(rest, order.start(), order.end());
        }
        Matcher time = TIME.matcher(rest);
        if (time.find()) {
            slots.put("time", time.group().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
            blank(rest, time.start(), time.end());
        }
        Matcher percent = PERCENT.matcher(rest);
        if (percent.find()) {
            slots.put("percent", percent.group(1) + "%");
        }
        Matcher digits = DIGITS.matcher(rest);
        Matcher words = WORD_NUMBER.matcher(rest);
        int digitAt = digits.find() ? digits.start() : Integer.MAX_VALUE;
        int wordAt = words.find() ? words.start() : Integer.MAX_VALUE;
        if (digitAt < wordAt) {
            slots.put("number", digits.group(1));
        } else if (wordAt != Integer.MAX_VALUE) {
            slots.put("number", Integer.toString(wordValue(words)));
        }
        return slots;
    }

    private static int wordValue(Matcher m) {
        if (m.group(3) != null) {
            return NUMBER_WORDS.get(m.group(3).toLowerCase(Locale.ROOT));
        }
        int v = NUMBER_WORDS.get(m.group(1).toLowerCase(Locale.ROOT));
        if (m.group(2) != null) {
            v += NUMBER_WORDS.get(m.group(2).toLowerCase(Locale.ROOT));
        }
        return v;
    }

    private static void blank(StringBuilder sb, int start, int end) {
        for (int i = start; i < end; i++) {
            sb.setCharAt(i, ' ');
        }
    }

    private static java.util.Optional<String> phrase(String lower, Pattern phrases) {
        Matcher m = phrases.matcher(lower);
        return m.find() ? java.util.Optional.of(m.group()) : java.util.Optional.empty();
    }

    /**
     * One alternation over all phrases, longest first: the leftmost match wins, and at the same position
     * the longest phrase ("garage door" over "door").
     */
    private static Pattern phrases(List<String> list) {
        return Pattern.compile("\\b(?:" + list.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(java.util.stream.Collectors.joining("|")) + ")(?![\\w])");
    }

    private static Map<String, Integer> numberWords() {
        String[] small = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
        String[] tens = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        Map<String, Integer> map = new java.util.HashMap<>();
        for (int i = 0; i < small.length; i++) {
            map.put(small[i], i);
        }
        for (int i = 0; i < tens.length; i++) {
            map.put(tens[i], 20 + 10 * i);
        }
        return Map.copyOf(map);
    }
}
