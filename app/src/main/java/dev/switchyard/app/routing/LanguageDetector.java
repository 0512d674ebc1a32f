package dev.switchyard.app.routing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A small offline language detector (ISO 639-1 codes). Non-Latin scripts decide by script
 * (ru, uk → "ru" family as Cyrillic; zh, ja, ko, ar, he, el, hi, th). Latin text is scored by
 * frequent function words of en, de, fr, es, it, pt and nl; the language with most hits wins
 * (ties and no hit: {@code "unknown"}). Good for prompts of a few words up; it does not tell
 * closely related languages apart on a single word.
 */
public final class LanguageDetector {

    /** Returned when there is no evidence. */
    public static final String UNKNOWN = "unknown";

    private static final Map<String, Set<String>> STOP_WORDS = new LinkedHashMap<>();

    static {
        STOP_WORDS.put("en", words("the", "and", "is", "are", "of", "to", "in", "it", "you", "what", "how", "my", "on",
                "for", "with", "this", "that", "please", "can", "i", "me", "a", "an", "be", "do", "does", "why", "turn",
                "off", "your", "from", "at", "was", "which", "write", "explain", "should", "would", "could"));
        STOP_WORDS.put("de", words("der", "die", "das", "und", "ist", "nicht", "ich", "du", "sie", "ein", "eine", "mit",
                "auf", "für", "wie", "was", "bitte", "im", "den", "dem", "zu", "mein", "kannst", "warum", "auch", "oder",
                "ein", "schalte", "aus", "an", "wird", "sind"));
        STOP_WORDS.put("fr", words("le", "la", "les", "et", "est", "une", "un", "des", "du", "je", "vous", "pour",
                "dans", "que", "qui", "pas", "sur", "avec", "comment", "pourquoi", "mon", "ma", "s'il", "plaît", "au",
                "ce", "cette", "sont", "allume", "éteins"));
        STOP_WORDS.put("es", words("el", "la", "los", "las", "y", "es", "un", "una", "de", "que", "en", "por", "para",
                "con", "cómo", "como", "qué", "por", "favor", "mi", "tu", "no", "se", "del", "al", "está", "son",
                "enciende", "apaga", "puedes"));
        STOP_WORDS.put("it", words("il", "lo", "la", "gli", "le", "e", "è", "un", "una", "di", "che", "per", "con",
                "come", "perché", "non", "mi", "ti", "del", "della", "sono", "accendi", "spegni", "puoi", "favore"));
        STOP_WORDS.put("pt", words("o", "a", "os", "as", "e", "é", "um", "uma", "de", "que", "em", "para", "com",
                "como", "por", "favor", "não", "meu", "minha", "do", "da", "são", "você", "liga", "desliga", "pode"));
        STOP_WORDS.put("nl", words("de", "het", "een", "en", "is", "van", "ik", "je", "niet", "dat", "op", "met",
                "voor", "hoe", "wat", "waarom", "mijn", "zijn", "alsjeblieft", "zet", "uit", "aan", "kun", "ook"));
    }

    private LanguageDetector() {
    }

    private static Set<String> words(String... w) {
        return Set.copyOf(java.util.Arrays.asList(w));
    }

    public static String detect(String text) {
        String s = text.length() > 4000 ? text.substring(0, 4000) : text;
        String script = byScript(s);
        if (script != null) {
            return script;
        }
        Map<String, Integer> hits = new HashMap<>();
        for (String word : s.toLowerCase(Locale.ROOT).split("[^\\p{L}']+")) {
            if (word.isEmpty()) {
                continue;
            }
            for (Map.Entry<String, Set<String>> e : STOP_WORDS.entrySet()) {
                if (e.getValue().contains(word)) {
                    hits.merge(e.getKey(), 1, Integer::sum);
                }
            }
        }
        String best = UNKNOWN;
        int bestHits = 0;
        boolean tie = false;
        for (String lang : STOP_WORDS.keySet()) {
            int h = hits.getOrDefault(lang, 0);
            if (h > bestHits) {
                best = lang;
                bestHits = h;
                tie = false;
            } else if (h == bestHits && h > 0) {
                tie = true;
            }
        }
        return tie ? UNKNOWN : best;
    }

    /** The language of the dominant non-Latin script, or null when letters are mostly Latin. */
    private static String byScript(String s) {
        Map<String, Integer> counts = new HashMap<>();
        int letters = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            letters++;
            String lang = switch (Character.UnicodeScript.of(cp)) {
                case CYRILLIC -> "ru";
                case HAN -> "zh";
                case HIRAGANA, KATAKANA -> "ja";
                case HANGUL -> "ko";
                case ARABIC -> "ar";
                case HEBREW -> "he";
                case GREEK -> "el";
                case DEVANAGARI -> "hi";
                case THAI -> "th";
                default -> null;
            };
            if (lang != null) {
                counts.merge(lang, 1, Integer::sum);
            }
        }
        if (letters == 0) {
            return null;
        }
        int total = letters;
        if (counts.getOrDefault("ja", 0) > 0) {
            return "ja"; // Japanese mixes kana with Han; Chinese has no kana
        }
        return counts.entrySet().stream()
                .filter(e -> e.getValue() * 2 >= total)
                .map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }
}
