package dev.switchyard.cloud;

/**
 * Client-side timings from {@code System.nanoTime}, taken in the stream reader when bytes arrive.
 *
 * @param ttftMillis  first dispatch → first content or reasoning token (retries included); null if none
 * @param totalMillis first dispatch → terminal event
 * @param decodeTps   (outputTokens − 1) / (last token time − first token time); null when not measurable
 *                    (fewer than 2 tokens, one non-streamed response, zero span)
 */
public record Timings(Double ttftMillis, double totalMillis, Double decodeTps) {
}
