package dev.switchyard.local.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderTest {

    private final MiniLmEmbedder embedder = SharedEmbedder.get();

    @Test
    void embedsInto384NormalisedDimensions() {
        float[] v = embedder.embed("turn on the kitchen lights");
        assertThat(v).hasSize(384);
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-4));
        assertThat(embedder.loadMillis()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void similarMeaningScoresHigherThanUnrelated() {
        float[] a = embedder.embed("could you light up the kitchen please");
        float[] b = embedder.embed("turn on the kitchen lights");
        float[] c = embedder.embed("what is your refund policy");
        assertThat(Vectors.cosine(a, b)).isGreaterThan(0.5);
        assertThat(Vectors.cosine(a, c)).isLessThan(0.2);
        assertThat(Vectors.cosine(a, a)).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void countsTokensWithSpecialTokens() {
        // [CLS] turn on the lights [SEP]
        assertThat(embedder.countTokens("turn on the lights")).isEqualTo(6);
        assertThat(embedder.countTokens("")).isEqualTo(2);
    }

    @Test
    void longPromptsAreTruncatedNotRejected() {
        String longText = "please turn on the kitchen lights ".repeat(200);
        assertThat(embedder.countTokens(longText)).isEqualTo(MiniLmEmbedder.MAX_TOKENS);
        assertThat(embedder.embed(longText)).hasSize(384);
    }

    @Test
    void isDeterministicAndThreadSafe() throws Exception {
        String text = "set the thermostat to 21 degrees";
        float[] expected = embedder.embed(text);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<float[]>> jobs = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                jobs.add(() -> embedder.embed(text));
            }
            for (Future<float[]> f : pool.invokeAll(jobs)) {
                assertThat(Vectors.cosine(f.get(), expected)).isCloseTo(1.0, within(1e-5));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void lazyLoadHappensOnceUnderContention() throws Exception {
        try (MiniLmEmbedder fresh = new MiniLmEmbedder()) {
            assertThat(fresh.isLoaded()).isFalse();
            assertThat(fresh.loadMillis()).isEqualTo(-1);
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Callable<Long>> jobs = List.of(fresh::ensureLoaded, fresh::ensureLoaded, fresh::ensureLoaded);
                long nonZero = 0;
                long total = 0;
                for (Future<Long> f : pool.invokeAll(jobs)) {
                    total += f.get();
                    if (f.get() > 0) {
                        nonZero++;
                    }
                }
                assertThat(nonZero).isLessThanOrEqualTo(1);
                assertThat(total).isEqualTo(fresh.loadMillis());
            } finally {
                pool.shutdownNow();
            }
            assertThat(fresh.isLoaded()).isTrue();
        }
    }
}
