package dev.switchyard.app.routing;

import dev.switchyard.local.intent.IntentMatch;
import dev.switchyard.local.intent.Vectors;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The features of one prompt, each computed at most once and only when a condition asks for it (the
 * embedding, intent matches and complexity are the expensive ones). Not thread-safe: one decision uses it.
 */
public final class PromptFeatures {

    private final String prompt;
    private final Map<String, String> metadata;
    private final RoutingServices services;
    private final ExampleIndex examples;
    private final Map<String, List<String>> exampleSets;
    private final Map<String, Object> computed = new LinkedHashMap<>();
    private final Map<String, Integer> tokens = new HashMap<>();
    private final Map<String, IntentMatch> intents = new HashMap<>();
    private final Map<String, Double> similarity = new HashMap<>();
    private float[] embedding;

    PromptFeatures(String prompt, Map<String, String> metadata, RoutingServices services, ExampleIndex examples,
                   Map<String, List<String>> exampleSets) {
        this.exampleSets = exampleSets;
        this.prompt = prompt == null ? "" : prompt;
        this.metadata = metadata == null ? Map.of() : metadata;
        this.services = services;
        this.examples = examples;
    }

    public String prompt() {
        return prompt;
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    public int characters() {
        return (Integer) computed.computeIfAbsent("characters", k -> prompt.codePointCount(0, prompt.length()));
    }

    /** Prompt tokens as {@code modelRef} counts them (null: the default estimator). */
    public int tokens(String modelRef) {
        String key = modelRef == null ? "" : modelRef;
        Integer n = tokens.get(key);
        if (n == null) {
            n = services.tokens().count(modelRef, prompt);
            tokens.put(key, n);
            computed.put(modelRef == null ? "tokens" : "tokens[" + modelRef + "]", n);
        }
        return n;
    }

    public String language() {
        return (String) computed.computeIfAbsent("language", k -> LanguageDetector.detect(prompt));
    }

    public boolean hasCode() {
        return (Boolean) computed.computeIfAbsent("has_code", k -> CodeDetector.hasCode(prompt));
    }

    public float[] embedding() {
        if (embedding == null) {
            embedding = services.embedder().get().embed(prompt);
            computed.put("embedding", "computed (" + embedding.length + " dimensions)");
        }
        return embedding;
    }

    public double complexity() {
        Double score = (Double) computed.get("complexity");
        if (score == null) {
            score = services.complexity().score(prompt, this::embedding);
            computed.put("complexity", score);
        }
        return score;
    }

    public IntentMatch intent(String intentSet) {
        IntentMatch m = intents.get(intentSet);
        if (m == null) {
            m = services.intents().match(intentSet, prompt);
            intents.put(intentSet, m);
            computed.put("intent[" + intentSet + "]", m.top().stream()
                    .map(s -> Map.of("intent", s.intent(), "confidence", round(s.confidence())))
                    .toList());
        }
        return m;
    }

    /** Highest cosine similarity to the examples of a set of the policy. */
    public double similarity(String exampleSet) {
        Double s = similarity.get(exampleSet);
        if (s == null) {
            List<float[]> vectors = examples.vectors(exampleSets, exampleSet);
            float[] e = embedding();
            double best = -1;
            for (float[] v : vectors) {
                best = Math.max(best, Vectors.dot(e, v));
            }
            s = best;
            similarity.put(exampleSet, s);
            computed.put("similarity[" + exampleSet + "]", round(s));
        }
        return s;
    }

    public boolean online() {
        return (Boolean) computed.computeIfAbsent("online", k -> services.network().online());
    }

    public double spentUsd() {
        return (Double) computed.computeIfAbsent("spent_usd", k -> services.spend().spentUsd());
    }

    /** Every feature computed so far, by name (for the decision's record). */
    public Map<String, Object> snapshot() {
        Map<String, Object> out = new LinkedHashMap<>(computed);
        out.computeIfPresent("complexity", (k, v) -> round((Double) v));
        return out;
    }

    static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
