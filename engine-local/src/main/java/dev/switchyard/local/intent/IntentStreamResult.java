package dev.switchyard.local.intent;

import java.util.List;

/**
 * The terminal result of a streamed intent reply. Times are fractional milliseconds from
 * {@code System.nanoTime()}, measured from the {@code stream(…)} call (dispatch).
 *
 * @param text         the words emitted (the whole reply when COMPLETED, a prefix when CANCELLED)
 * @param status       COMPLETED or CANCELLED
 * @param intent       the best intent's name, or null when cancelled before matching
 * @param confidence   calibrated confidence 0–1 of {@code intent} (0 when cancelled before matching)
 * @param confident    {@code confidence >= threshold} (false: the reply is the "no confident match" reply)
 * @param top3         best three candidates, best first (empty when cancelled before matching)
 * @param inputTokens  prompt tokens counted with the MiniLM WordPiece tokenizer, [CLS]/[SEP] included
 * @param outputTokens number of {@code onToken} calls made (one per whitespace-separated word)
 * @param ttftMillis   dispatch → first {@code onToken} (includes a lazy model load); -1 when no token was emitted
 * @param totalMillis  dispatch → terminal callback
 * @param decodeTps    (outputTokens − 1) / (last token time − first token time) in tokens/s; 0 when fewer than 2 tokens
 * @param loadMillis   time spent loading the embedding model during this run (0 when it was already loaded)
 */
public record IntentStreamResult(String text, Status status, String intent, double confidence, boolean confident,
                                 List<ScoredIntent> top3, int inputTokens, int outputTokens, double ttftMillis,
                                 double totalMillis, double decodeTps, long loadMillis) {

    /** How the run ended. */
    public enum Status { COMPLETED, CANCELLED }

    public IntentStreamResult {
        top3 = List.copyOf(top3);
    }
}
