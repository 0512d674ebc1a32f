package dev.switchyard.local.intent;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** Deterministic bag-of-words hashing embedder for fast unit tests; counts embed calls; can be made to fail. */
final class FakeEmbedder implements TextEmbedder {

    final AtomicInteger embedCalls = new AtomicInteger();
    volatile boolean failing;

    @Override
    public int dimensions() {
        return 64;
    }

    @Override
    public float[] embed(String text) {
        embedCalls.incrementAndGet();
        if (failing) {
            throw new IntentException(IntentException.Kind.EMBEDDING_FAILED, "fake failure");
        }
        float[] v = new float[64];
        for (String w : text.toLowerCase(Locale.ROOT).split("\\W+")) {
            if (!w.isEmpty()) {
                v[Math.floorMod(w.hashCode(), 64)] += 1;
            }
        }
        return Vectors.normalize(v);
    }

    @Override
    public int countTokens(String text) {
        return text.isBlank() ? 2 : text.strip().split("\\s+").length + 2;
    }

    @Override
    public long loadMillis() {
        return 0;
    }

    @Override
    public long ensureLoaded() {
        return 0;
    }
}
