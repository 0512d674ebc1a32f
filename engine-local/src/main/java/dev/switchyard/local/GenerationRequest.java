package dev.switchyard.local;

import java.util.List;
import java.util.Objects;

/**
 * One generation on a loaded model.
 *
 * @param modelId     the id returned by {@link LocalEngine#load}
 * @param messages    the conversation; the model family's chat template turns it into the prompt
 * @param rawPrompt   if true the template is skipped and the messages' contents are joined by newlines
 * @param sampling    sampling parameters
 * @param maxTokens   upper bound on generated tokens (>= 1)
 * @param stopStrings generation stops before any of these appears; the text never contains them
 */
public record GenerationRequest(String modelId, List<ChatMessage> messages, boolean rawPrompt,
                                SamplingParams sampling, int maxTokens, List<String> stopStrings) {
    public GenerationRequest {
        Objects.requireNonNull(modelId, "modelId");
        messages = List.copyOf(messages);
        sampling = sampling == null ? SamplingParams.greedy() : sampling;
        stopStrings = stopStrings == null ? List.of() : List.copyOf(stopStrings);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("messages must not be empty");
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be >= 1, was " + maxTokens);
        }
    }

    /** A single user message, greedy, no stop strings. */
    public static GenerationRequest of(String modelId, String userPrompt, int maxTokens) {
        return new GenerationRequest(modelId, List.of(ChatMessage.user(userPrompt)), false,
                SamplingParams.greedy(), maxTokens, List.of());
    }

    public GenerationRequest withSampling(SamplingParams params) {
        return new GenerationRequest(modelId, messages, rawPrompt, params, maxTokens, stopStrings);
    }

    public GenerationRequest withStopStrings(List<String> stops) {
        return new GenerationRequest(modelId, messages, rawPrompt, sampling, maxTokens, stops);
    }
}
