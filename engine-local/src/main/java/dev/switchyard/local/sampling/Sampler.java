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
     * Requires temperature > 0. As in HF transformers, top-p works on the distribution renormalised
     * after top-k. Only the candidates are sorted (top-k by quickselect; for top-p alone the tokens
     * above 1e-4 of the best one, falling back to the whole vocabulary if they do not reach p), so a
     * 150k vocabulary is not sorted per token.
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
        int[] cand = useK ? topK(p, topK) : aboveThreshold(p, topP);
        sortByProbability(cand, p);
        double kept = 0; // top-p sees the distribution renormalised after top-k, else the full one
        if (useK) {
            for (int i : cand) {
                kept += p[i];
            }
        } else {
            kept = 1.0;
        }
        int keep = cand.length;
        if (topP < 1.0) {
            double cum = 0;
            int i = 0;
            while (i < cand.length) {
                cum += p[cand[i]] / kept;
                i++;
                if (cum >= topP) {
                    break;
                }
            }
            keep = i;
        }
        double[] out = new double[n];
        double mass = 0;
        for (int i = 0; i < keep; i++) {
            mass += p[cand[i]];
        }
        for (int i = 0; i < keep; i++) {
            out[cand[i]] = p[cand[i]] / mass;
        }
        return out;
    }

    /** The k most likely indices (ties at the k-th value broken by lower index), unsorted. */
    static int[] topK(double[] p, int k) {
        double kth = kthLargest(p.clone(), k);
        int[] out = new int[k];
        int m = 0;
        for (int i = 0; i < p.length && m < k; i++) {
            if (p[i] > kth) {
                out[m++] = i;
            }
        }
        for (int i = 0; i < p.length && m < k; i++) {
            if (p[i] == kth) {
                out[m++] = i;
            }
        }
        return out;
    }

    private static int[] aboveThreshold(double[] p, double topP) {
        double pmax = 0;
        for (double v : p) {
            pmax = Math.max(pmax, v);
        }
        double t = pmax * 1e-4;
        int count = 0;
        double mass = 0;
        for (double v : p) {
            if (v >= t) {
                count++;
                mass += v;
            }
        }
        if (mass < topP) {
            t = -1; // the candidates do not reach p: consider everything
            count = p.length;
        }
        int[] out = new int[count];
        int m = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] >= t) {
                out[m++] = i;
            }
        }
        return out;
    }

    private static void sortByProbability(int[] idx, double[] p) {
        Integer[] boxed = new Integer[idx.length];
        for (int i = 0; i < idx.length; i++) {
            boxed[i] = idx[i];
        }
        Arrays.sort(boxed, (a, b) -> p[b] != p[a] ? Double.compare(p[b], p[a]) : Integer.compare(a, b));
        for (int i = 0; i < idx.length; i++) {
            idx[i] = boxed[i];
        }
    }

    /** k-th largest value (1-based) by iterative quickselect; reorders a. */
    private static double kthLargest(double[] a, int k) {
        int lo = 0, hi = a.length - 1, target = k - 1;
        SplittableRandom r = new SplittableRandom(k);
        while (lo < hi) {
            double pivot = a[lo + r.nextInt(hi - lo + 1)];
            int i = lo, j = hi;
            while (i <= j) {
                while (a[i] > pivot) {
                    i++;
                }
                while (a[j] < pivot) {
                    j--;
                }
                if (i <= j) {
                    double tmp = a[i];
                    a[i] = a[j];
                    a[j] = tmp;
                    i++;
                    j--;
                }
            }
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                return a[target];
            }
        }
        return a[target];
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
