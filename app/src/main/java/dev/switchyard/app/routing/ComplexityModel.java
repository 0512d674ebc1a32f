package dev.switchyard.app.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchyard.app.models.Assets;
import dev.switchyard.local.intent.Vectors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The complexity score, 0–1: logistic regression over six signals of a prompt
 * <ol>
 *   <li>{@code centroid}: cos(embedding, complex centroid) − cos(embedding, simple centroid), all-MiniLM-L6-v2;</li>
 *   <li>{@code length}: ln(1 + words) / 5;</li>
 *   <li>{@code code}: 1 when {@link CodeDetector} finds code;</li>
 *   <li>{@code reasoning}: reasoning markers ("explain why", "compare", "trade-off", "step by step"…), at most 3, / 3;</li>
 *   <li>{@code clauses}: sentences and clause joints (".", "?", ";", " and ", " because "…), at most 6, / 6;</li>
 *   <li>{@code math}: 1 when digits with operators or math words appear.</li>
 * </ol>
 * Centroids, weights and bias are fitted by {@link ComplexityTrainer} on the labelled prompts in
 * {@code assets/routing/complexity-labelled.jsonl} and committed in {@code assets/routing/complexity-model.json}.
 */
public final class ComplexityModel {

    /** Signal names, in weight order. */
    public static final String[] SIGNALS = {"centroid", "length", "code", "reasoning", "clauses", "math"};

    private static final Pattern REASONING = Pattern.compile("\\b(why|explain|compare|contrast|analy[sz]e|evaluate|"
            + "prove|derive|design|architect\\w*|trade-?offs?|pros and cons|step by step|implications?|strateg\\w+|"
            + "optimi[sz]e|justify|critique|reason\\w*|plan|debug|refactor|implement|assess|recommend|estimate|"
            + "what would happen|how would you|walk me through|in detail)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLAUSE = Pattern.compile("[.?!;:](\\s|$)|,\\s|\\b(and|because|while|whereas|but|"
            + "although|then|so that|given|assuming|versus|vs)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MATH = Pattern.compile("\\d+\\s*[-+*/^=%]\\s*\\d+|\\b(integral|derivative|equation|"
            + "probability|matrix|theorem|proof|complexity|big-o|solve for)\\b", Pattern.CASE_INSENSITIVE);

    private final float[] simple;
    private final float[] complex;
    private final double[] weights;
    private final double bias;

    public ComplexityModel(float[] simpleCentroid, float[] complexCentroid, double[] weights, double bias) {
        if (weights.length != SIGNALS.length) {
            throw new IllegalArgumentException("expected " + SIGNALS.length + " weights");
        }
        this.simple = simpleCentroid.clone();
        this.complex = complexCentroid.clone();
        this.weights = weights.clone();
        this.bias = bias;
    }

    /** The shipped, calibrated model. */
    public static ComplexityModel shipped() {
        try (InputStream in = Assets.open("routing/complexity-model.json")) {
            return fromJson(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the shipped complexity model", e);
        }
    }

    static ComplexityModel fromJson(JsonNode n) {
        double[] w = new double[SIGNALS.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = n.path("weights").path(SIGNALS[i]).asDouble();
        }
        return new ComplexityModel(floats(n.path("centroid_simple")), floats(n.path("centroid_complex")), w,
                n.path("bias").asDouble());
    }

    private static float[] floats(JsonNode a) {
        float[] v = new float[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) a.get(i).asDouble();
        }
        return v;
    }

    /** The score for a prompt, its embedding computed by {@code embedding} (only called once). */
    public double score(String prompt, Supplier<float[]> embedding) {
        return score(signals(prompt, embedding.get()));
    }

    /** The score for a signal vector. */
    public double score(double[] x) {
        double z = bias;
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * x[i];
        }
        return 1.0 / (1.0 + Math.exp(-z));
    }

    /** The signal vector (see the class comment). */
    public double[] signals(String prompt, float[] embedding) {
        return signals(prompt, embedding, simple, complex);
    }

    static double[] signals(String prompt, float[] e, float[] simpleCentroid, float[] complexCentroid) {
        String text = prompt.length() > SafeRegex.MAX_INPUT ? prompt.substring(0, SafeRegex.MAX_INPUT) : prompt;
        double centroid = Vectors.dot(e, complexCentroid) - Vectors.dot(e, simpleCentroid);
        int words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
        return new double[] {
            centroid,
            Math.log1p(words) / 5.0,
            CodeDetector.hasCode(text) ? 1 : 0,
            Math.min(3, count(REASONING, text.toLowerCase(Locale.ROOT))) / 3.0,
            Math.min(6, count(CLAUSE, text)) / 6.0,
            MATH.matcher(text).find() ? 1 : 0};
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find() && n < 10) {
            n++;
        }
        return n;
    }
}
