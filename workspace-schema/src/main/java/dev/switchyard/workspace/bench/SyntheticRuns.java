package dev.switchyard.workspace.bench;

import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunCost;
import dev.switchyard.workspace.model.RunMetrics;
import dev.switchyard.workspace.model.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic synthetic runs for the benchmark: prompts of ~12 words and answers of ~60 words drawn from a
 * 5,000-word vocabulary with a Zipf-like skew (a few words are everywhere, most are rare), spread over a year.
 */
final class SyntheticRuns {

    static final int VOCABULARY = 5000;
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "po", "da", "fe",
        "gu", "hi", "jo", "ba", "ce", "xu", "ye", "wa"};

    private final Random random;
    private final String[] words = new String[VOCABULARY];
    private final long[] modelIds;
    private final Instant start = Instant.parse("2026-01-01T00:00:00Z");
    private long clockMs;

    SyntheticRuns(long seed, long[] modelIds) {
        this.random = new Random(seed);
        this.modelIds = modelIds.clone();
        for (int i = 0; i < VOCABULARY; i++) {
            words[i] = word(i);
        }
    }

    /** The word of rank {@code rank} (0 = most frequent). */
    String word(int rank) {
        StringBuilder sb = new StringBuilder();
        int n = rank + 20;
        while (n > 0) {
            sb.append(SYLLABLES[n % SYLLABLES.length]);
            n /= SYLLABLES.length;
        }
        return sb.toString();
    }

    List<Run> next(int count) {
        List<Run> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(next());
        }
        return out;
    }

    private Run next() {
        clockMs += 1 + random.nextInt(60_000);
        long model = modelIds[random.nextInt(modelIds.length)];
        long ttft = 50 + random.nextInt(900);
        long total = ttft + random.nextInt(5000);
        long in = 20 + random.nextInt(400);
        long outTokens = 10 + random.nextInt(600);
        RunMetrics m = new RunMetrics((long) random.nextInt(20), ttft, total, in, 0L, outTokens, 0L,
                outTokens * 1000.0 / Math.max(1, total - ttft), null, null, null);
        Instant created = start.plusMillis(clockMs);
        RunStatus status = random.nextInt(50) == 0 ? RunStatus.FAILED : RunStatus.COMPLETED;
        return Run.created(model, text(12), "{\"temperature\":0.7}").withUid(null, created)
                .withOutput(status, text(60), null)
                .finished(status, null, m, new RunCost(random.nextDouble() / 1000, dev.switchyard.workspace.model.CostKind.API,
                        null), false, 1, created.plusMillis(total));
    }

    private String text(int approxWords) {
        int n = approxWords / 2 + random.nextInt(approxWords);
        StringBuilder sb = new StringBuilder(n * 7);
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            int rank = (int) Math.min(VOCABULARY - 1, Math.floor(Math.pow(VOCABULARY, u)) - 1);
            sb.append(i == 0 ? "" : " ").append(words[rank]);
        }
        return sb.toString();
    }
}
