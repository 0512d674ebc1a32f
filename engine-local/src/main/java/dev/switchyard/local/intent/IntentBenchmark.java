package dev.switchyard.local.intent;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Prints the embedded intent model's load time and match latency (p50/p95) for a 20-word prompt over
 * the smart-home set. Run: {@code java -cp … dev.switchyard.local.intent.IntentBenchmark [path/to/smart-home.json]}
 * (default {@code assets/intents/smart-home.json}, then {@code ../assets/intents/smart-home.json}).
 */
public final class IntentBenchmark {

    /** The 20-word prompt timed. */
    public static final String PROMPT =
            "could you please switch on the lights in the kitchen and the living room because it is getting dark now";

    private static final int WARMUP = 30;
    private static final int RUNS = 300;

    private IntentBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : locate();
        try (InputStream in = Files.newInputStream(file)) {
            run(System.out, IntentSets.load(in));
        }
    }

    /** Runs with the smart-home set found under {@code assets/intents} (working directory or its parent). */
    public static void run(PrintStream out) {
        run(out, IntentSets.load(locate()));
    }

    static Path locate() {
        for (Path p : new Path[] {Path.of("assets/intents/smart-home.json"), Path.of("../assets/intents/smart-home.json")}) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IntentException(IntentException.Kind.IO,
                "assets/intents/smart-home.json not found from " + Path.of("").toAbsolutePath() + "; pass its path as the first argument.");
    }

    /** Runs the benchmark over {@code set}: 300 timed matches after 30 warm-up ones, with 1 and 2 intra-op threads. */
    public static void run(PrintStream out, IntentSet set) {
        run(out, set, RUNS, new int[] {1, 2});
    }

    /** Runs {@code runs} timed matches (after a warm-up) for each intra-op thread count in {@code threadCounts}. */
    public static void run(PrintStream out, IntentSet set, int runs, int[] threadCounts) {
        out.printf(Locale.ROOT, "Intent benchmark — all-MiniLM-L6-v2 int8, ONNX Runtime CPU, %d available processors, Java %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        out.printf(Locale.ROOT, "prompt (%d words): \"%s\"%n", PROMPT.split("\\s+").length, PROMPT);
        loadAverage().ifPresent(l -> out.println("load average (1/5/15 min) at start: " + l
                + " — other processes share these cores"));
        boolean first = true;
        for (int threads : threadCounts) {
            try (MiniLmEmbedder embedder = new MiniLmEmbedder(threads)) {
                long load = embedder.ensureLoaded();
                IntentModel model = new IntentModel(embedder);
                long t0 = System.nanoTime();
                model.prepare(set);
                double prepareMs = (System.nanoTime() - t0) / 1e6;
                for (int i = 0; i < WARMUP; i++) {
                    model.match(set, PROMPT);
                }
                double[] match = new double[runs];
                double[] embed = new double[runs];
                IntentMatch last = null;
                for (int i = 0; i < runs; i++) {
                    long a = System.nanoTime();
                    last = model.match(set, PROMPT);
                    long b = System.nanoTime();
                    embedder.embed(PROMPT);
                    long c = System.nanoTime();
                    match[i] = (b - a) / 1e6;
                    embed[i] = (c - b) / 1e6;
                }
                out.printf(Locale.ROOT, "intra-op threads %d: model load %d ms%s; embed %d examples of '%s' %.0f ms; "
                                + "prompt tokens %d%n", threads, load, first ? " (first in this JVM: includes ONNX Runtime native init)" : "", set.exampleCount(), set.name(), prepareMs,
                        embedder.countTokens(PROMPT));
                out.printf(Locale.ROOT, "  match (embed + score + slots + template), %d runs: p50 %.2f ms, p95 %.2f ms, max %.2f ms%n",
                        runs, pct(match, 50), pct(match, 95), pct(match, 100));
                out.printf(Locale.ROOT, "  embed only: p50 %.2f ms, p95 %.2f ms; result %s (confidence %.2f): \"%s\"%n",
                        pct(embed, 50), pct(embed, 95), last.intentName(), last.confidence(), last.reply());
            }
            first = false;
        }
    }

    private static java.util.Optional<String> loadAverage() {
        try {
            Path p = Path.of("/proc/loadavg");
            if (Files.isReadable(p)) {
                String[] parts = Files.readString(p).trim().split("\\s+");
                return java.util.Optional.of(parts[0] + " / " + parts[1] + " / " + parts[2]);
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux: no load figure
        }
        return java.util.Optional.empty();
    }

    private static double pct(double[] values, int p) {
        double[] v = values.clone();
        Arrays.sort(v);
        int idx = (int) Math.ceil(p / 100.0 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, idx))];
    }
}
