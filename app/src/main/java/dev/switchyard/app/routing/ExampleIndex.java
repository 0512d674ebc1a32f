package dev.switchyard.app.routing;

import dev.switchyard.local.intent.TextEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Embeddings of a policy's example sets, computed once per distinct set (keyed by the examples, so an
 * edited set is embedded again) and shared by every decision. Thread-safe.
 */
public final class ExampleIndex {

    private final Supplier<TextEmbedder> embedder;
    private final Map<List<String>, List<float[]>> cache = new ConcurrentHashMap<>();

    public ExampleIndex(Supplier<TextEmbedder> embedder) {
        this.embedder = embedder;
    }

    /** Vectors of the examples of {@code setName} in {@code sets} (a policy's example sets). */
    List<float[]> vectors(Map<String, List<String>> sets, String setName) {
        List<String> examples = sets.get(setName);
        if (examples == null) {
            throw new RoutingException(RoutingException.Kind.UNKNOWN_EXAMPLE_SET,
                    "The policy has no example set '" + setName + "'; add it under example_sets.");
        }
        return cache.computeIfAbsent(List.copyOf(examples), list -> {
            List<float[]> out = new ArrayList<>();
            for (String text : list) {
                out.add(embedder.get().embed(text));
            }
            return out;
        });
    }
}
