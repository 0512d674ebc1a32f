package dev.switchyard.app.routing;

import dev.switchyard.app.models.Assets;
import dev.switchyard.cloud.tokens.TokenEstimator;
import dev.switchyard.local.intent.IntentModel;
import dev.switchyard.local.intent.IntentSet;
import dev.switchyard.local.intent.IntentSets;
import dev.switchyard.local.intent.MiniLmEmbedder;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Decision time of a 20-rule policy: without embedding conditions (lengths, keywords, regexes, code,
 * language, metadata, network, budget) and with them (intent match, similarity, complexity — one MiniLM
 * embedding per new prompt included). Prints p50/p99 in microseconds. {@code switchyard bench routing}.
 */
public final class RoutingBenchmark {

    private static final String[] PROMPTS = {
        "turn on the kitchen lights", "Explain the trade-offs of microservices versus a modular monolith step by step.",
        "what is your refund policy?", "```python\nprint('hi')\n```", "Wie spät ist es?", "order #12345 has not arrived",
        "Write a haiku about autumn.", "Compare Postgres and MySQL for analytics workloads, with examples and caveats.",
    };

    private RoutingBenchmark() {
    }

    public static void run(PrintStream out, int plainDecisions, int embeddingDecisions) throws IOException {
        out.println("machine: " + cpu() + ", " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", load average " + String.format("%.1f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        IntentSet home;
        try (InputStream in = Assets.open("intents/smart-home.json")) {
            home = IntentSets.load(in);
        }
        try (MiniLmEmbedder mini = new MiniLmEmbedder(1)) {
            java.util.concurrent.atomic.AtomicLong embeds = new java.util.concurrent.atomic.AtomicLong();
            CachingEmbedder embedder = new CachingEmbedder(new Counting(mini, embeds));
            IntentModel intents = new IntentModel(embedder);
            RoutingServices services = new RoutingServices(
                    (model, text) -> TokenEstimator.shared().count(text, "o200k_base"),
                    (set, prompt) -> intents.match(home, prompt), () -> embedder, () -> true, () -> 3.5,
                    ComplexityModel.shipped());
            Router router = new Router(services);
            long t0 = System.nanoTime();
            mini.ensureLoaded();
            intents.prepare(home);
            out.printf("embedding model load + intent set preparation: %d ms (not counted below)%n",
                    (System.nanoTime() - t0) / 1_000_000);
            double[] embedOnly = new double[Math.max(1, embeddingDecisions)];
            for (int i = 0; i < embedOnly.length; i++) {
                String prompt = PROMPTS[i % PROMPTS.length] + " [" + i + "]";
                long s = System.nanoTime();
                mini.embed(prompt);
                embedOnly[i] = (System.nanoTime() - s) / 1000.0;
            }
            Arrays.sort(embedOnly);
            report(out, "for reference, one MiniLM embedding of a new prompt", embedOnly);
            report(out, "20 rules, no embedding conditions", measure(router, plainPolicy(), plainDecisions, false));
            long before = embeds.get();
            int calls = embeddingDecisions + Math.max(50, embeddingDecisions / 5);
            report(out, "20 rules, with intent/similarity/complexity (new prompt each time, embedding included)",
                    measure(router, embeddingPolicy(), embeddingDecisions, true));
            report(out, "same, with the prompt's embedding computed just before (the rest of the decision)",
                    measurePreEmbedded(router, embeddingPolicy(), embeddingDecisions, embedder));
            long fresh = embeds.get() - before - embeddingDecisions;
            out.printf("embeddings computed per decision (fresh prompts): %.2f%n", fresh / (double) calls);
        }
    }

    private static double[] measure(Router router, Policy policy, int n, boolean freshPrompts) {
        int warmup = Math.max(50, n / 5);
        double[] micros = new double[n];
        for (int i = -warmup; i < n; i++) {
            String prompt = PROMPTS[Math.floorMod(i, PROMPTS.length)] + (freshPrompts ? " (" + i + ")" : "");
            RouteRequest request = new RouteRequest(prompt, Map.of("channel", i % 2 == 0 ? "app" : "voice"));
            long s = System.nanoTime();
            router.decide(policy, request);
            if (i >= 0) {
                micros[i] = (System.nanoTime() - s) / 1000.0;
            }
        }
        Arrays.sort(micros);
        return micros;
    }

    private static double[] measurePreEmbedded(Router router, Policy policy, int n, CachingEmbedder embedder) {
        double[] micros = new double[n];
        for (int i = 0; i < n; i++) {
            String prompt = PROMPTS[i % PROMPTS.length] + " {" + i + "}";
            embedder.embed(prompt);
            long s = System.nanoTime();
            router.decide(policy, RouteRequest.of(prompt));
            micros[i] = (System.nanoTime() - s) / 1000.0;
        }
        Arrays.sort(micros);
        return micros;
    }

    private static void report(PrintStream out, String what, double[] sorted) {
        out.printf("%s: n=%d  p50 %.1f µs  p99 %.1f µs  max %.1f µs%n", what, sorted.length,
                sorted[sorted.length / 2], sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)],
                sorted[sorted.length - 1]);
    }

    /** 20 rules that never need an embedding; the last prompts fall through to the default. */
    static Policy plainPolicy() {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rules.add(rule(new Condition.PromptChars(Op.GT, 5000 + i), "big"));
            rules.add(rule(new Condition.Keywords(List.of("zebra" + i, "quokka", "refund policy"), Condition.Match.ALL), "kw"));
            rules.add(rule(new Condition.Regex("\\bticket\\s+#?\\d{6,}" + i, true), "re"));
            rules.add(rule(new Condition.All(List.of(new Condition.HasCode(true), new Condition.Language(List.of("fr")))), "code"));
            rules.add(rule(new Condition.Any(List.of(new Condition.Metadata("tier", "gold" + i),
                    new Condition.Network(Condition.Connectivity.OFFLINE),
                    new Condition.Budget(1, Op.LT, -100), new Condition.PromptTokens(Op.GT, 4000, null))), "misc"));
        }
        return Policy.of("bench-plain", rules, new Action.Route("default"));
    }

    /** 20 rules of which 8 read the embedding (intent, similarity, complexity). */
    static Policy embeddingPolicy() {
        List<Rule> rules = new ArrayList<>(plainPolicy().rules().subList(0, 12));
        for (int i = 0; i < 3; i++) {
            rules.add(rule(new Condition.Intent("smart-home", null, 0.99 + i * 0.001), "intent"));
            rules.add(rule(new Condition.Similarity("legal", 0.95), "similar"));
        }
        rules.add(rule(new Condition.Complexity(Op.GT, 0.999), "complex"));
        rules.add(rule(new Condition.Not(new Condition.Complexity(Op.GE, 0.0)), "never"));
        return new Policy(1, "bench-embedding", null, Map.of("legal", List.of("Is this contract clause enforceable?",
                "Review this NDA for risks.", "What does indemnify mean in this agreement?")), rules, new Action.Route("default"));
    }

    private static Rule rule(Condition c, String target) {
        return new Rule(null, c, new Action.Route(target));
    }

    private static String cpu() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }

    /** Counts the embeddings actually computed. */
    private record Counting(dev.switchyard.local.intent.TextEmbedder inner, java.util.concurrent.atomic.AtomicLong count)
            implements dev.switchyard.local.intent.TextEmbedder {
        @Override
        public int dimensions() {
            return inner.dimensions();
        }

        @Override
        public float[] embed(String text) {
            count.incrementAndGet();
            return inner.embed(text);
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
}
