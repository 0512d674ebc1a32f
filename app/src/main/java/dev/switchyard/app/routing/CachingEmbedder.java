package dev.switchyard.app.routing;

import dev.switchyard.local.intent.TextEmbedder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the vectors of the last few texts, so the intent match, the similarity conditions and the
 * complexity score of one prompt share one embedding. Thread-safe.
 */
public final class CachingEmbedder implements TextEmbedder {

    private static final int CAPACITY = 64;

    private final TextEmbedder inner;
    private final Map<String, float[]> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CAPACITY;
        }
    };

    public CachingEmbedder(TextEmbedder inner) {
        this.inner = inner;
    }

    @Override
    public int dimensions() {
        return inner.dimensions();
    }

    @Override
    public float[] embed(String text) {
        synchronized (recent) {
            float[] v = recent.get(text);
            if (v != null) {
                return v;
            }
        }
        float[] v = inner.embed(text);
        synchronized (recent) {
            recent.put(text, v);
        }
        return v;
    }

    @Override
    public int countTokens(String text) {
        return inner.countTokens(text);
    }

    @Override
    public long loadMillis() {
        return inner.loadMillis();
    }

    @Override
    public long ensureLoaded() {
        return inner.ensureLoaded();
    }
}
