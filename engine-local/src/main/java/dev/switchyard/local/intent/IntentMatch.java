package dev.switchyard.local.intent;

import java.util.List;
import java.util.Map;

/**
 * The result of matching a prompt against an intent set.
 *
 * @param setName        the intent set matched against
 * @param intent         the best intent (always present; check {@link #confident()} before acting on it)
 * @param confidence     calibrated confidence of the best intent, 0–1 (definition in {@link IntentModel})
 * @param confident      {@code confidence >= threshold}
 * @param top            the best three intents (fewer when the set has fewer), best first
 * @param matchedExample the example utterance closest to the prompt
 * @param slots          slot values found in the prompt ({@link SlotExtractor}), e.g. room=kitchen
 * @param reply          the rendered response template, or the "no confident match" reply
 */
public record IntentMatch(String setName, Intent intent, double confidence, boolean confident,
                          List<ScoredIntent> top, String matchedExample, Map<String, String> slots,
                          String reply) {

    public IntentMatch {
        top = List.copyOf(top);
        slots = Map.copyOf(slots);
    }

    /** Name of the best intent. */
    public String intentName() {
        return intent.name();
    }

    /** Raw cosine similarity of the best intent. */
    public double similarity() {
        return top.get(0).similarity();
    }
}
