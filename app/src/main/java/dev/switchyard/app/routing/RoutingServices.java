package dev.switchyard.app.routing;

import dev.switchyard.local.intent.IntentMatch;
import dev.switchyard.local.intent.TextEmbedder;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What conditions read besides the prompt: token counts, the intent model, the embedder, the network
 * state and the period's spend. Built for a workspace by {@link WorkspaceRouting}; tests pass fakes.
 *
 * @param tokens     token counts per target model
 * @param intents    intent matches over named workspace intent sets
 * @param embedder   the sentence embedder (asked for only when a condition needs it)
 * @param network    the real network state
 * @param spend      USD spent in the current budget period
 * @param complexity the calibrated complexity model
 */
public record RoutingServices(TokenCounter tokens, IntentMatcher intents, Supplier<TextEmbedder> embedder,
                              NetworkState network, SpendSource spend, ComplexityModel complexity) {

    public RoutingServices {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(intents, "intents");
        Objects.requireNonNull(embedder, "embedder");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(spend, "spend");
        Objects.requireNonNull(complexity, "complexity");
    }

    /** A copy with another network state (e.g. the UI's monitor). */
    public RoutingServices withNetwork(NetworkState state) {
        return new RoutingServices(tokens, intents, embedder, state, spend, complexity);
    }

    /** Counts prompt tokens the way a target model would. */
    @FunctionalInterface
    public interface TokenCounter {
        /** {@code modelRef} null: the default estimator. */
        int count(String modelRef, String text);
    }

    /** Matches a prompt against a named intent set; throws {@link RoutingException} for an unknown set. */
    @FunctionalInterface
    public interface IntentMatcher {
        IntentMatch match(String intentSet, String prompt);
    }

    /** The workspace's spend in the current budget period, in USD. */
    @FunctionalInterface
    public interface SpendSource {
        double spentUsd();
    }
}
