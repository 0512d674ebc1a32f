package dev.switchyard.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One chat request, immutable. Build with {@link #builder(String)}. Holds no secret.
 *
 * @param model                 model name as the endpoint expects it
 * @param messages              conversation, at least one message
 * @param maxTokens             output cap, null = provider default (Anthropic requires one: 4096 is sent)
 * @param temperature           null = provider default; dropped when capabilities say unsupported
 * @param topP                  null = provider default; dropped with temperature
 * @param seed                  OpenAI-compatible only, null = none
 * @param stop                  stop sequences, may be empty
 * @param capabilities          request shaping flags, see {@link ModelCapabilities}
 * @param timeouts              time limits of this run
 * @param retryPolicy           retry policy of this run
 * @param reasoningEffort       OpenAI {@code reasoning_effort} (low/medium/high), null = none
 * @param thinkingBudgetTokens  Anthropic extended thinking budget, null = thinking off
 */
public record ChatRequest(
        String model,
        List<ChatMessage> messages,
        Integer maxTokens,
        Double temperature,
        Double topP,
        Long seed,
        List<String> stop,
        ModelCapabilities capabilities,
        Timeouts timeouts,
        RetryPolicy retryPolicy,
        String reasoningEffort,
        Integer thinkingBudgetTokens) {

    public ChatRequest {
        Objects.requireNonNull(model, "model");
        if (model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("at least one message is required");
        }
        stop = stop == null ? List.of() : List.copyOf(stop);
        capabilities = capabilities == null ? ModelCapabilities.defaults() : capabilities;
        timeouts = timeouts == null ? Timeouts.DEFAULT : timeouts;
        retryPolicy = retryPolicy == null ? RetryPolicy.DEFAULT : retryPolicy;
        if (maxTokens != null && maxTokens <= 0) {
            throw new IllegalArgumentException("maxTokens must be positive");
        }
    }

    public static Builder builder(String model) {
        return new Builder(model);
    }

    public Builder toBuilder() {
        Builder b = new Builder(model);
        b.messages.addAll(messages);
        b.maxTokens = maxTokens;
        b.temperature = temperature;
        b.topP = topP;
        b.seed = seed;
        b.stop.addAll(stop);
        b.capabilities = capabilities;
        b.timeouts = timeouts;
        b.retryPolicy = retryPolicy;
        b.reasoningEffort = reasoningEffort;
        b.thinkingBudgetTokens = thinkingBudgetTokens;
        return b;
    }

    /** Builder for {@link ChatRequest}. */
    public static final class Builder {
        private String model;
        private final List<ChatMessage> messages = new ArrayList<>();
        private Integer maxTokens;
        private Double temperature;
        private Double topP;
        private Long seed;
        private final List<String> stop = new ArrayList<>();
        private ModelCapabilities capabilities = ModelCapabilities.defaults();
        private Timeouts timeouts = Timeouts.DEFAULT;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private String reasoningEffort;
        private Integer thinkingBudgetTokens;

        private Builder(String model) {
            this.model = model;
        }

        public Builder model(String v) { this.model = v; return this; }
        public Builder system(String text) { messages.add(ChatMessage.system(text)); return this; }
        public Builder user(String text) { messages.add(ChatMessage.user(text)); return this; }
        public Builder assistant(String text) { messages.add(ChatMessage.assistant(text)); return this; }
        public Builder message(ChatMessage m) { messages.add(m); return this; }
        public Builder messages(List<ChatMessage> ms) { messages.clear(); messages.addAll(ms); return this; }
        public Builder maxTokens(Integer v) { this.maxTokens = v; return this; }
        public Builder temperature(Double v) { this.temperature = v; return this; }
        public Builder topP(Double v) { this.topP = v; return this; }
        public Builder seed(Long v) { this.seed = v; return this; }
        public Builder stop(List<String> v) { stop.clear(); stop.addAll(v); return this; }
        public Builder capabilities(ModelCapabilities v) { this.capabilities = v; return this; }
        public Builder timeouts(Timeouts v) { this.timeouts = v; return this; }
        public Builder retryPolicy(RetryPolicy v) { this.retryPolicy = v; return this; }
        public Builder reasoningEffort(String v) { this.reasoningEffort = v; return this; }
        public Builder thinkingBudgetTokens(Integer v) { this.thinkingBudgetTokens = v; return this; }

        public ChatRequest build() {
            return new ChatRequest(model, messages, maxTokens, temperature, topP, seed, stop,
                    capabilities, timeouts, retryPolicy, reasoningEffort, thinkingBudgetTokens);
        }
    }
}
