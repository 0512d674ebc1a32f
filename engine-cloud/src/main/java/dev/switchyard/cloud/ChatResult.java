package dev.switchyard.cloud;

/**
 * The outcome of a run; also carried by {@link CloudException#partial()} for failed runs.
 *
 * @param status       how the run ended
 * @param text         the answer text (partial unless COMPLETED)
 * @param reasoning    visible reasoning text (DeepSeek/OpenRouter reasoning, Anthropic thinking), may be empty
 * @param finishReason provider's finish/stop reason as sent ({@code stop}, {@code length}, {@code end_turn}…), null if none
 * @param usage        token counts, maybe estimated
 * @param timings      client timings
 * @param httpAttempts HTTP requests sent for this run (1 + retries)
 * @param model        model name the server reported, else the requested one
 */
public record ChatResult(RunStatus status, String text, String reasoning, String finishReason,
                         Usage usage, Timings timings, int httpAttempts, String model) {
}
