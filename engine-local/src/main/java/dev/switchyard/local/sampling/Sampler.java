package dev.switchyard.local.sampling;

import dev.switchyard.local.SamplingParams;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Next-token selection as pure functions: the input logits are never modified. Order of operations
 * (as in Hugging Face transformers): repetition penalty, temperature, top-k, top-p, then a draw.
 */
public final class Sampler {
    private Sampler() {
    }

    /** Index of the largest of the first n logits (lowest index wins a tie). */
    public static int argmax(float[] logits, int n) {
        int best = 0;
        float bestV = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (logits[i] > bestV) {
                bestV = logits[i];
                best = i;
            }
        }
        return best;
    }

    /** HF semantics: a seen token's positive logit is divided by the penalty, a negative one multiplied. */
    public static float[] repetitionPenalty(float[] logits, int n, long[] history, int historyLen, double penalty) {
        float[] out = Arrays.copyOf(logits, n);
        if (penalty == 1.0) {
            return out;
        }
        boolean[] seen = new boolean[n];
        for (int i = 0; i < historyLen; i++) {
            long t = history[i];
            if (t >= 0 && t < n && !seen[(int) t]) {
                seen[(int) t] = true;
                float v = out[(int) t];
                out[(int) t] = (float) (v > 0 ? v / penalty : v * penalty);
            }
        }
        return out;
    }

    /**
     * Probabilities after temperature, top-k and top-p (tokens cut off get 0), summing to 1.
     * Requires temperature > 0.
     */
    public static double[] distribution(float[] logits, int n, double temperature, int topK, double topP) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, logits[i]);
        }
        double[] p = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            p[i] = Math.exp((logits[i] - max) / temperature);
            sum += p[i];
        }
        for (int i = 0; i < n; i++) {
            p[i] /= sum;
        }
        boolean useK = topK > 0 && topK < n;
        if (!useK && topP >= 1.0) {
            return p;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        final double[] probs = p;
        Arrays.sort(order, (a, b) -> probs[b] != probs[a] ? Double.compare(probs[b], probs[a]) : Integer.compare(a, b));
        int keep = useK ? topK : n;
        if (topP < 1.0) {
            double cum = 0;
            int i = 0;
            while (i < keep) {
                cum += p[order[i]];
                i++;
                if (cum >= topP) {
                    break;
                }
            }
            keep = i;
        }
        double[] out = new double[n];
        double kept = 0;
        for (int i = 0; i < keep; i++) {
            kept += p[order[i]];
        }
        for (int i = 0; i < keep; i++) {
            out[order[i]] = p[order[i]] / kept;
        }
        return out;
    }

    /** Draws an index from a distribution with one uniform number in [0, 1). */
    public static int draw(double[] probs, double u) {
        double cum = 0;
        int last = 0;
        for (int i = 0; i < probs.length; i++) {
            if (probs[i] > 0) {
                cum += probs[i];
                last = i;
                if (u < cum) {
                    return i;
                }
            }
        }
        return last;
    }

    /**
     * The full step: considers only the first n logits (the tokenizer's vocabulary when the model's
     * logits are padded), applies params, and returns the chosen token.
     */
    public static int next(float[] logits, int n, SamplingParams params, long[] history, int historyLen,
                           SplittableRandom random) {
        int limit = Math.min(n, logits.length);
        if (params.isGreedy() && params.repetitionPenalty() == 1.0) {
            return argmax(logits, limit);
        }
        float[] penalised = repetitionPenalty(logits, limit, history, historyLen, params.repetitionPenalty());
        if (params.isGreedy()) {
            return argmax(penalised, limit);
        }
        double[] dist = distribution(penalised, limit, params.temperature(), params.topK(), params.topP());
        return draw(dist, random.nextDouble());
    }
}
