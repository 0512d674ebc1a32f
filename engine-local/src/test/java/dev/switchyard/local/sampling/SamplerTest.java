package dev.switchyard.local.sampling;

import dev.switchyard.local.SamplingParams;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SamplerTest {
    final float[] logits = {1.0f, 3.0f, 2.0f, -1.0f, 0.5f};

    @Test
    void greedyPicksTheArgmaxAndTheFirstOfATie() {
        assertThat(Sampler.argmax(logits, logits.length)).isEqualTo(1);
        assertThat(Sampler.argmax(new float[] {2, 5, 5}, 3)).isEqualTo(1);
        assertThat(Sampler.next(logits, 5, SamplingParams.greedy(), new long[0], 0, new SplittableRandom(1))).isEqualTo(1);
    }

    @Test
    void onlyTheFirstNLogitsAreCandidates() {
        assertThat(Sampler.argmax(logits, 1)).isZero();
        assertThat(Sampler.next(logits, 1, SamplingParams.of(1.0, 0, 1.0, 1.0, 3L), new long[0], 0, new SplittableRandom(3)))
                .isZero();
    }

    @Test
    void inputLogitsAreNeverModified() {
        float[] copy = logits.clone();
        Sampler.next(logits, 5, SamplingParams.of(0.7, 2, 0.9, 1.3, 1L), new long[] {1, 2}, 2, new SplittableRandom(1));
        assertThat(logits).containsExactly(copy);
    }

    @Test
    void temperatureSharpensOrFlattensTheSoftmax() {
        double[] t1 = Sampler.distribution(logits, 5, 1.0, 0, 1.0);
        double[] cold = Sampler.distribution(logits, 5, 0.1, 0, 1.0);
        double[] hot = Sampler.distribution(logits, 5, 10.0, 0, 1.0);
        double expected = Math.exp(3) / (Math.exp(1) + Math.exp(3) + Math.exp(2) + Math.exp(-1) + Math.exp(0.5));
        assertThat(t1[1]).isCloseTo(expected, within(1e-9));
        assertThat(cold[1]).isGreaterThan(0.99);
        assertThat(hot[1]).isLessThan(0.3);
        assertThat(sum(hot)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void topKKeepsTheKMostLikely() {
        double[] p = Sampler.distribution(logits, 5, 1.0, 2, 1.0);
        assertThat(p[1]).isGreaterThan(0);
        assertThat(p[2]).isGreaterThan(0);
        assertThat(p[0]).isZero();
        assertThat(p[3]).isZero();
        assertThat(p[4]).isZero();
        assertThat(sum(p)).isCloseTo(1.0, within(1e-9));
        assertThat(p[1] / p[2]).isCloseTo(Math.exp(1), within(1e-9));
    }

    @Test
    void topPKeepsTheSmallestSetReachingP() {
        double[] full = Sampler.distribution(logits, 5, 1.0, 0, 1.0); // ~[0.086, 0.636, 0.234, 0.012, 0.052]
        assertThat(full[1]).isBetween(0.6, 0.7);
        double[] p = Sampler.distribution(logits, 5, 1.0, 0, 0.5);
        assertThat(p[1]).isEqualTo(1.0);
        double[] p2 = Sampler.distribution(logits, 5, 1.0, 0, 0.8);
        assertThat(p2[1]).isGreaterThan(0);
        assertThat(p2[2]).isGreaterThan(0);
        assertThat(p2[0]).isZero();
    }

    @Test
    void topPAfterTopKWorksOnTheRenormalisedTopK() {
        // top-2 renormalised: token 1 = e^3/(e^3+e^2) = 0.731 >= 0.7, so top-p 0.7 keeps token 1 only
        double[] p = Sampler.distribution(logits, 5, 1.0, 2, 0.7);
        assertThat(p[1]).isEqualTo(1.0);
        double[] q = Sampler.distribution(logits, 5, 1.0, 2, 0.75);
        assertThat(q[1]).isCloseTo(0.731, within(1e-3));
        assertThat(q[2]).isCloseTo(0.269, within(1e-3));
    }

    @Test
    void candidateSelectionMatchesAFullSortOnALargeVocabulary() {
        SplittableRandom r = new SplittableRandom(11);
        float[] big = new float[20_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (float) (r.nextGaussian() * 3);
        }
        big[123] = big[456]; // a tie
        for (int k : new int[] {1, 7, 40, 1000}) {
            int[] top = Sampler.topK(Sampler.distribution(big, big.length, 1.0, 0, 1.0), k);
            Integer[] all = new Integer[big.length];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            java.util.Arrays.sort(all, (a, b) -> big[b] != big[a] ? Float.compare(big[b], big[a]) : Integer.compare(a, b));
            assertThat(java.util.Arrays.stream(top).boxed().sorted().toList())
                    .isEqualTo(java.util.Arrays.stream(all, 0, k).sorted().toList());
        }
        for (double topP : new double[] {0.1, 0.5, 0.9, 0.999}) {
            double[] d = Sampler.distribution(big, big.length, 1.0, 0, topP);
            double[] full = Sampler.distribution(big, big.length, 1.0, 0, 1.0);
            Integer[] order = new Integer[big.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> full[b] != full[a] ? Double.compare(full[b], full[a]) : Integer.compare(a, b));
            double cum = 0;
            int keep = 0;
            while (cum < topP) {
                cum += full[order[keep++]];
            }
            long kept = java.util.Arrays.stream(d).filter(v -> v > 0).count();
            assertThat(kept).isEqualTo(keep);
            for (int i = 0; i < keep; i++) {
                assertThat(d[order[i]]).isPositive();
            }
        }
    }

    @Test
    void repetitionPenaltyDividesPositiveAndMultipliesNegativeLogitsOfSeenTokens() {
        float[] out = Sampler.repetitionPenalty(logits, 5, new long[] {1, 3, 1}, 3, 2.0);
        assertThat(out[1]).isEqualTo(1.5f);
        assertThat(out[3]).isEqualTo(-2.0f);
        assertThat(out[2]).isEqualTo(2.0f);
        // with the penalty the greedy choice moves from token 1 to token 2
        assertThat(Sampler.next(logits, 5, SamplingParams.of(0, 0, 1, 2.0, null), new long[] {1}, 1, new SplittableRandom(1)))
                .isEqualTo(2);
    }

    @Test
    void theSameSeedGivesTheSameSequenceAndDifferentSeedsDiffer() {
        SamplingParams p = SamplingParams.of(1.5, 0, 1.0, 1.0, 42L);
        String a = sequence(p, 42), b = sequence(p, 42), c = sequence(p, 7);
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void samplingFollowsTheDistribution() {
        SplittableRandom r = new SplittableRandom(5);
        int[] counts = new int[5];
        int n = 20000;
        for (int i = 0; i < n; i++) {
            counts[Sampler.next(logits, 5, SamplingParams.of(1.0, 0, 1.0, 1.0, 5L), new long[0], 0, r)]++;
        }
        double[] p = Sampler.distribution(logits, 5, 1.0, 0, 1.0);
        for (int i = 0; i < 5; i++) {
            assertThat(counts[i] / (double) n).isCloseTo(p[i], within(0.02));
        }
    }

    @Test
    void drawWalksTheCumulativeDistribution() {
        double[] p = {0.0, 0.25, 0.0, 0.75};
        assertThat(Sampler.draw(p, 0.0)).isEqualTo(1);
        assertThat(Sampler.draw(p, 0.2499)).isEqualTo(1);
        assertThat(Sampler.draw(p, 0.25)).isEqualTo(3);
        assertThat(Sampler.draw(p, 0.99999)).isEqualTo(3);
    }

    @Test
    void invalidParametersAreRejected() {
        assertThatThrownBy(() -> SamplingParams.of(-1, 0, 1, 1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SamplingParams.of(1, -1, 1, 1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SamplingParams.of(1, 0, 0, 1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SamplingParams.of(1, 0, 1, 0, null)).isInstanceOf(IllegalArgumentException.class);
    }

    private String sequence(SamplingParams p, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            sb.append(Sampler.next(logits, 5, p, new long[0], 0, r));
        }
        return sb.toString();
    }

    private static double sum(double[] p) {
        double s = 0;
        for (double v : p) {
            s += v;
        }
        return s;
    }
}
