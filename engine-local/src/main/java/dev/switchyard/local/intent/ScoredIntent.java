package dev.switchyard.local.intent;

/**
 * One candidate of a match.
 *
 * @param intent     intent name
 * @param similarity best cosine similarity between the prompt and any example of the intent, in [-1, 1]
 * @param confidence the calibrated confidence of this intent, in [0, 1] (see {@link IntentModel})
 */
public record ScoredIntent(String intent, double similarity, double confidence) {
}
