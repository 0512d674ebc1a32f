package dev.switchyard.app.routing;

import dev.switchyard.local.intent.Intent;
import dev.switchyard.local.intent.IntentMatch;
import dev.switchyard.local.intent.ScoredIntent;
import dev.switchyard.local.intent.TextEmbedder;
import dev.switchyard.local.intent.Vectors;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Test doubles for routing services: a bag-of-words embedder, a scripted intent matcher, switches. */
final class Fakes {

    private Fakes() {
    }

    /** Hashes words into 64 buckets and normalises: texts sharing words are similar. Counts calls. */
    static final class WordEmbedder implements TextEmbedder {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public int dimensions() {
            return 64;
        }

        @Override
        public float[] embed(String text) {
            calls.incrementAndGet();
            float[] v = new float[64];
            for (String w : text.toLowerCase(Locale.ROOT).split("\\W+")) {
                if (!w.isEmpty()) {
                    v[Math.floorMod(w.hashCode(), 64)] += 1;
                }
            }
            v[63] += 0.01f;
            return Vectors.normalize(v);
        }

        @Override
        public int countTokens(String text) {
            return text.split("\\s+").length + 2;
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

    static IntentMatch match(String set, String intent, double confidence) {
        Intent i = new Intent(intent, List.of("example"), "ok");
        return new IntentMatch(set, i, confidence, confidence >= 0.5,
                List.of(new ScoredIntent(intent, 0.8, confidence), new ScoredIntent("other", 0.4, 0.05)),
                "example", Map.of(), "ok");
    }

    /** Services whose intent matcher answers {@code intent} with {@code confidence} for set "home". */
    static final class Env {
        final WordEmbedder embedder = new WordEmbedder();
        final AtomicBoolean online = new AtomicBoolean(true);
        volatile double spent;
        volatile String intent = "lights_on";
        volatile double confidence = 0.9;
        final AtomicInteger intentCalls = new AtomicInteger();

        RoutingServices services() {
            return new RoutingServices((model, text) -> model == null ? text.length() / 4 : text.length() / 2,
                    (set, prompt) -> {
                        intentCalls.incrementAndGet();
                        if (!set.equals("home")) {
                            throw new RoutingException(RoutingException.Kind.UNKNOWN_INTENT_SET, "no intent set " + set);
                        }
                        return match(set, intent, confidence);
                    }, () -> embedder, online::get, () -> spent,
                    new ComplexityModel(unit(0), unit(1), new double[] {0, 4, 2, 2, 1, 1}, -3));
        }

        Router router() {
            return new Router(services());
        }
    }

    static float[] unit(int axis) {
        float[] v = new float[64];
        v[axis] = 1;
        return v;
    }

    static Policy oneRule(Condition when) {
        return Policy.of("t", List.of(new Rule("r", when, new Action.Route("yes"))), new Action.Route("no"));
    }
}
