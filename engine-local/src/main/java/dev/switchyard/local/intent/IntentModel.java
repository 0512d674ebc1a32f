package dev.switchyard.local.intent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The on-device "command and FAQ" model: nearest-example intent matching over sentence embeddings.
 *
 * <h2>Scoring and confidence</h2>
 * <ol>
 *   <li>similarity {@code s_i} of intent {@code i} = the highest cosine similarity between the prompt and
 *       any of the intent's examples (all vectors are L2-normalised, so this is a dot product);</li>
 *   <li>relevance {@code a} = {@code sigmoid((s_1 − midpoint) / width)} — how close the prompt is to the
 *       set at all (defaults: midpoint 0.50, width 0.06, so s = 0.50 → 0.5, s = 0.62 → 0.88, s = 0.35 → 0.08);</li>
 *   <li>separation {@code p_i} = {@code softmax(s / temperature)_i} over all intents of the set
 *       (temperature 0.05) — how clearly the intent wins against the others;</li>
 *   <li>confidence {@code c_i = a_i · p_i} where {@code a_i} uses {@code s_i}, in [0, 1].</li>
 * </ol>
 * A prompt far from every example gets a low confidence however peaked the softmax is, and a prompt
 * that sits between two intents gets at most about half. {@link IntentMatch#confident()} is
 * {@code c_1 ≥ threshold} (default 0.5); below it the reply is {@link Options#noMatchTemplate()}.
 *
 * <h2>Caching</h2>
 * Example embeddings are computed once per set and cached by set name; the cache entry is reused
 * while the set passed in is equal (record equality) to the cached one, and recomputed when it
 * changed. {@link #invalidate(String)} drops an entry explicitly. Thread-safe.
 */
public final class IntentModel {

    /**
     * Tuning of the confidence calibration.
     *
     * @param threshold       confidence at or above which a match counts as confident
     * @param midpoint        similarity at which relevance is 0.5
     * @param width           sigmoid width of the relevance curve (smaller = steeper)
     * @param temperature     softmax temperature over intent similarities
     * @param noMatchTemplate reply template used below the threshold (same variables as intent templates)
     */
    public record Options(double threshold, double midpoint, double width, double temperature,
                          String noMatchTemplate) {

        public static final String DEFAULT_NO_MATCH =
                "Sorry, I'm not sure what you mean. I can help with {{set}} requests — could you rephrase that?";

        public Options {
            if (threshold < 0 || threshold > 1) {
                throw new IllegalArgumentException("threshold must be within [0, 1]");
            }
            if (width <= 0 || temperature <= 0) {
                throw new IllegalArgumentException("width and temperature must be > 0");
            }
            Objects.requireNonNull(noMatchTemplate, "noMatchTemplate");
        }

        /** The documented defaults. */
        public static Options defaults() {
            return new Options(0.5, 0.50, 0.06, 0.05, DEFAULT_NO_MATCH);
        }

        /** A copy with another threshold. */
        public Options withThreshold(double t) {
            return new Options(t, midpoint, width, temperature, noMatchTemplate);
        }
    }

    private record Prepared(IntentSet set, float[][] vectors, int[] intentOf) {
    }

    private final TextEmbedder embedder;
    private final Options options;
    private final SlotExtractor slots = new SlotExtractor();
    private final Map<String, Prepared> cache = new ConcurrentHashMap<>();

    public IntentModel(TextEmbedder embedder) {
        this(embedder, Options.defaults());
    }

    public IntentModel(TextEmbedder embedder, Options options) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.options = Objects.requireNonNull(options, "options");
    }

    public TextEmbedder embedder() {
        return embedder;
    }

    public Options options() {
        return options;
    }

    /** Embeds the examples of {@code set} now (if not cached already), e.g. on a background thread at start-up. */
    public void prepare(IntentSet set) {
        prepared(set);
    }

    /** Drops the cached example embeddings of the set with this name. */
    public void invalidate(String setName) {
        cache.remove(setName);
    }

    /** Drops all cached example embeddings. */
    public void invalidateAll() {
        cache.clear();
    }

    /** True when example embeddings for exactly this set are cached. */
    public boolean isPrepared(IntentSet set) {
        Prepared p = cache.get(set.name());
        return p != null && (p.set() == set || p.set().equals(set));
    }

    private Prepared prepared(IntentSet set) {
        Prepared p = cache.get(set.name());
        if (p != null && (p.set() == set || p.set().equals(set))) {
            return p;
        }
        List<float[]> vectors = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int i = 0; i < set.intents().size(); i++) {
            for (String example : set.intents().get(i).examples()) {
                vectors.add(embedder.embed(example));
                owners.add(i);
            }
        }
        Prepared fresh = new Prepared(set, vectors.toArray(new float[0][]),
                owners.stream().mapToInt(Integer::intValue).toArray());
        cache.put(set.name(), fresh);
        return fresh;
    }

    /** Matches {@code prompt} against {@code set}. */
    public IntentMatch match(IntentSet set, String prompt) {
        Objects.requireNonNull(set, "set");
        String text = prompt == null ? "" : prompt.strip();
        Prepared p = prepared(set);
        float[] q = embedder.embed(text);
        int n = set.intents().size();
        double[] best = new double[n];
        int[] bestExample = new int[n];
        Arrays.fill(best, -2);
        for (int e = 0; e < p.vectors().length; e++) {
            double s = Vectors.dot(q, p.vectors()[e]);
            int owner = p.intentOf()[e];
            if (s > best[owner]) {
                best[owner] = s;
                bestExample[owner] = e;
            }
        }
        double[] conf = confidences(best);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(best[y], best[x]));
        List<ScoredIntent> top = new ArrayList<>();
        for (int k = 0; k < Math.min(3, n); k++) {
            int i = order[k];
            top.add(new ScoredIntent(set.intents().get(i).name(), best[i], conf[i]));
        }
        int winner = order[0];
        Intent intent = set.intents().get(winner);
        double confidence = conf[winner];
        boolean confident = confidence >= options.threshold();
        Map<String, String> found = slots.extract(text);
        Map<String, String> vars = new HashMap<>(found);
        vars.put("intent", intent.name());
        vars.put("prompt", text);
        vars.put("set", set.name());
        vars.put("confidence", String.format(Locale.ROOT, "%.0f%%", confidence * 100));
        String reply = ReplyTemplate.render(confident ? intent.responseTemplate() : options.noMatchTemplate(), vars);
        String example = set.intents().get(winner).examples().get(exampleIndexWithinIntent(p, bestExample[winner]));
        return new IntentMatch(set.name(), intent, confidence, confident, top, example, found, reply);
    }

    private static int exampleIndexWithinIntent(Prepared p, int globalIndex) {
        int owner = p.intentOf()[globalIndex];
        int first = globalIndex;
        while (first > 0 && p.intentOf()[first - 1] == owner) {
            first--;
        }
        return globalIndex - first;
    }

    /** Calibrated confidences for per-intent similarities (see the class comment). */
    double[] confidences(double[] similarity) {
        int n = similarity.length;
        double max = Arrays.stream(similarity).max().orElse(0);
        double[] exp = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            exp[i] = Math.exp((similarity[i] - max) / options.temperature());
            sum += exp[i];
        }
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            double relevance = 1.0 / (1.0 + Math.exp(-(similarity[i] - options.midpoint()) / options.width()));
            c[i] = relevance * exp[i] / sum;
        }
        return c;
    }
}
