package dev.switchyard.local;

/**
 * The outcome of one generation. Times are milliseconds from {@code System.nanoTime}; see the README
 * for the definitions (they follow DESIGN.md's metric table).
 *
 * @param text            the streamed text, exactly the concatenation of the onToken calls
 * @param stopReason      why it ended
 * @param inputTokens     prompt tokens after the chat template, counted by the model's tokenizer
 * @param outputTokens    generated tokens (EOS included when produced), counted exactly
 * @param loadMillis      time spent loading the model for this run; 0 when it was already loaded
 * @param ttftMillis      dispatch (generate call reached the engine) to the first output token
 * @param prefillTps      inputTokens / prefill time (ttft)
 * @param decodeTps       (outputTokens - 1) / (last token time - first token time); 0 if fewer than 2 tokens
 * @param totalMillis     dispatch to the end of the run
 * @param peakMemoryBytes peak resident set size (VmHWM) of the process that runs the model, -1 if unknown
 * @param sessionRunMillis time spent inside OrtSession.run during this run
 */
public record LocalResult(
        String text,
        StopReason stopReason,
        int inputTokens,
        int outputTokens,
        long loadMillis,
        double ttftMillis,
        double prefillTps,
        double decodeTps,
        double totalMillis,
        long peakMemoryBytes,
        double sessionRunMillis) {

    public LocalResult withStopReason(StopReason reason) {
        return new LocalResult(text, reason, inputTokens, outputTokens, loadMillis, ttftMillis, prefillTps,
                decodeTps, totalMillis, peakMemoryBytes, sessionRunMillis);
    }

    public LocalResult withLoadMillis(long millis) {
        return new LocalResult(text, stopReason, inputTokens, outputTokens, millis, ttftMillis, prefillTps,
                decodeTps, totalMillis, peakMemoryBytes, sessionRunMillis);
    }
}
