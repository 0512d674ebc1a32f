package dev.switchyard.local.bench;

import dev.switchyard.local.LoadOptions;
import dev.switchyard.local.LocalEngineException;
import dev.switchyard.local.generate.LoadedDecoder;
import dev.switchyard.local.generate.ProcessMemory;
import dev.switchyard.local.onnx.KvRun;
import dev.switchyard.local.onnx.OrtRuntime;
import dev.switchyard.local.sampling.Sampler;
import dev.switchyard.local.tokenize.TextStreamer;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Speed of the local decoder loop on synthetic models with real layer shapes (random weights: the
 * output is nonsense, the speed is real). For each model: cold load, TTFT for a 128-token prompt
 * (prefill + first sample, warm, median of 3), decode tok/s at 128 and 1024 tokens of context
 * (64 greedy tokens, EOS ignored), peak RSS, and the share of each decode step spent outside
 * OrtSession.run (tensor set-up, logits read, sampling, detokenizing). In process, 2 intra-op threads,
 * the same KvRun / Sampler / TextStreamer code as a real run.
 *
 * <p>Missing models are written by engine-local/tools/make_test_models.py (shipped in this jar) with
 * /usr/bin/python3 (Debian's python3-onnx + numpy); if that is absent the model is skipped with a note.
 */
public final class LocalBenchmark {
    private static final String GENAI = "genai";
    /**
     * shape, precision, variant file (onnx-community layout) or {@link #GENAI} (an onnxruntime-genai folder with the
     * model builder's fused graph: same shapes and weights, ~11 instead of ~45 nodes a layer).
     */
    private static final String[][] MODELS = {
        {"smollm2-135m", "int4", "model_q4.onnx"},
        {"smollm2-135m", "int4", GENAI},
        {"smollm2-135m", "fp32", "model.onnx"},
        {"qwen2.5-0.5b", "int4", "model_q4.onnx"},
        {"qwen2.5-0.5b", "int4", GENAI},
        // the catalog's recommended Qwen2.5-0.5B file: onnx-community's dynamically quantized model_int8.onnx
        {"qwen2.5-0.5b", "dq8", "model_int8.onnx"},
    };
    /** Added with -Dswitchyard.bench.all=true (the 0.5B fp32 file is 2.5 GB and loads in ~25 s). */
    private static final String[][] EXTRA = {
        {"smollm2-135m", "int8", "model_int8.onnx"},
        {"qwen2.5-0.5b", "int8", "model_int8.onnx"},
        {"qwen2.5-0.5b", "fp32", "model.onnx"},
    };
    private static final int NEW_TOKENS = 64;
    private static final int THREADS = 2;

    private LocalBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/speed-models");
        run(dir, System.out);
    }

    /** Runs every model (generating missing ones under modelsDir) and prints a Markdown table to out. */
    public static void run(Path modelsDir, PrintStream out) throws IOException, InterruptedException {
        Files.createDirectories(modelsDir);
        out.printf(Locale.ROOT, "Local decoder benchmark — CPU: %s, %d cores visible, load average %s, ONNX Runtime %s, %d intra-op threads%n",
                cpuName(), Runtime.getRuntime().availableProcessors(), loadAverage(), ortVersion(), THREADS);
        out.println("Synthetic random-weight models with real layer shapes (nonsense output); greedy, EOS ignored.");
        out.println();
        out.println("| model | file MB | load ms | TTFT 128-tok prompt ms | prefill tok/s | decode tok/s @128 ctx | TTFT 1024 ms | decode tok/s @1024 ctx | peak RSS MB | outside session.run per token | TTFT 128 after 1 s idle ms | host steal ms |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        String only = System.getProperty("switchyard.bench.only", "");
        List<String[]> models = new ArrayList<>(Arrays.asList(MODELS));
        if (Boolean.getBoolean("switchyard.bench.all")) {
            models.addAll(Arrays.asList(EXTRA));
        }
        for (String[] m : models) {
            boolean genai = GENAI.equals(m[2]);
            String name = m[0] + "-" + m[1] + (genai ? "-genai" : "");
            String label = m[0] + " " + m[1] + (genai ? " (genai form)" : "");
            if (!only.isEmpty() && !name.contains(only)) {
                continue;
            }
            Path folder = modelsDir.resolve(name);
            if (!Files.isRegularFile(genai ? folder.resolve("model.onnx") : folder.resolve("onnx").resolve(m[2]))) {
                String problem = generate(folder, m[0], m[1], genai ? GENAI : "onnx-community", out);
                if (problem != null) {
                    out.printf("| %s | — | skipped: %s |%n", label, problem);
                    continue;
                }
            }
            try {
                long steal = hostStealMs();
                String row = benchOne(folder, label, genai ? null : m[2]);
                out.println(row + (steal < 0 ? " — |" : String.format(Locale.ROOT, " %d |", hostStealMs() - steal)));
            } catch (LocalEngineException | RuntimeException e) {
                out.printf("| %s | — | failed: %s |%n", label, e.getMessage());
            }
            out.flush();
        }
    }

    private static String benchOne(Path folder, String label, String variant) throws LocalEngineException {
        resetPeakRss();
        long rssBefore = ProcessMemory.rss();
        long t0 = System.nanoTime();
        try (LoadedDecoder d = LoadedDecoder.open(folder, new LoadOptions(variant, THREADS))) {
            double loadMs = (System.nanoTime() - t0) / 1e6;
            measure(d, 128, 8); // warm-up
            List<Sample> s128 = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                s128.add(measure(d, 128, NEW_TOKENS));
            }
            Sample s1024 = measure(d, 1024, NEW_TOKENS);
            // a user's next prompt comes after some thinking: the caches no longer hold the last decode's weights
            double[] idle = new double[3];
            for (int i = 0; i < idle.length; i++) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                idle[i] = measure(d, 128, 1).ttftMs();
            }
            double ttft = median(s128.stream().mapToDouble(Sample::ttftMs).toArray());
            double tps = median(s128.stream().mapToDouble(Sample::decodeTps).toArray());
            double outside = median(s128.stream().mapToDouble(Sample::outsideShare).toArray());
            long peak = ProcessMemory.peakRss();
            return String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.0f | %.1f | %.0f | %.1f | %.0f (load Δ %.0f) | %.1f %% (%.2f ms) | %.0f |",
                    label + (d.model().fusedLayers() > 0 ? " (attention fused at load)" : ""), d.info().fileBytes() / 1e6, loadMs, ttft, 128 / (ttft / 1000), tps, s1024.ttftMs(), s1024.decodeTps(),
                    peak / 1e6, (peak - rssBefore) / 1e6, outside * 100, median(s128.stream().mapToDouble(Sample::outsideMsPerToken).toArray()),
                    median(idle));
        }
    }

    private record Sample(double ttftMs, double decodeTps, double outsideShare, double outsideMsPerToken) {
    }

    /** One run: a prompt of promptLen ids, then newTokens greedy tokens. */
    private static Sample measure(LoadedDecoder d, int promptLen, int newTokens) throws LocalEngineException {
        int vocab = d.tokenizer().size();
        SplittableRandom r = new SplittableRandom(promptLen);
        long[] prompt = new long[promptLen];
        for (int i = 0; i < promptLen; i++) {
            long id;
            do {
                id = r.nextInt(vocab);
            } while (d.tokenizer().isSpecial(id));
            prompt[i] = id;
        }
        TextStreamer streamer = d.tokenizer().streamer();
        try (KvRun run = new KvRun(d.model(), promptLen + newTokens + 1, true)) {
            long start = System.nanoTime();
            float[] logits = run.feed(prompt);
            int next = Sampler.argmax(logits, d.samplableVocab(logits.length));
            streamer.push(next);
            long first = System.nanoTime();
            long runAtFirst = run.sessionRunNanos();
            for (int i = 1; i < newTokens; i++) {
                logits = run.feed(new long[] {next});
                next = Sampler.argmax(logits, d.samplableVocab(logits.length));
                streamer.push(next);
            }
            long last = System.nanoTime();
            double wall = last - first;
            double inRun = run.sessionRunNanos() - runAtFirst;
            return new Sample((first - start) / 1e6, (newTokens - 1) / (wall / 1e9), (wall - inRun) / wall,
                    (wall - inRun) / 1e6 / (newTokens - 1));
        } catch (ai.onnxruntime.OrtException e) {
            throw new LocalEngineException(LocalEngineException.Kind.RUNTIME_FAILURE, e.getMessage(), e);
        }
    }

    /** Writes a speed-shaped model with the bundled generator; returns a problem description or null. */
    static String generate(Path folder, String shape, String precision, String layout, PrintStream out)
            throws IOException, InterruptedException {
        Path python = Path.of("/usr/bin/python3");
        if (!Files.isExecutable(python)) {
            return "/usr/bin/python3 is absent (install python3-onnx and python3-numpy to generate the model)";
        }
        Path script = Files.createTempFile("make_test_models", ".py");
        try (InputStream in = LocalBenchmark.class.getResourceAsStream("make_test_models.py")) {
            if (in == null) {
                return "make_test_models.py is not on the class path";
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        out.printf("(generating %s %s, %s layout, into %s …)%n", shape, precision, layout, folder);
        out.flush();
        // onnx-community's q4 files have no accuracy_level (decision 11 gives them int8 compute at load); genai's have 4
        String level = layout.equals(GENAI) ? "4" : "0";
        Process p = new ProcessBuilder(python.toString(), script.toString(), "speed", folder.toString(), "--shape", shape,
                "--precision", precision, "--layout", layout, "--accuracy-level", level).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int code = p.waitFor();
        Files.deleteIfExists(script);
        if (code != 0) {
            String[] lines = log.strip().split("\n");
            return "generator failed (exit " + code + "): " + lines[lines.length - 1];
        }
        return null;
    }

    private static void resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5"); // resets VmHWM to the current RSS
        } catch (IOException | RuntimeException ignored) {
            // not Linux or not permitted: the peak is then the process's peak so far
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String cpuName() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    /**
     * Time the hypervisor ran other guests while this virtual machine's CPUs had work ("steal" in the first line of
     * {@code /proc/stat}, 10 ms ticks summed over all CPUs), or -1 where there is no such file. A row measured while
     * the host took CPU time away is slower for reasons outside the engine; the table shows how much it took.
     */
    private static long hostStealMs() {
        try (java.io.BufferedReader r = Files.newBufferedReader(Path.of("/proc/stat"))) {
            String[] f = r.readLine().trim().split("\\s+");
            return f.length > 8 ? Long.parseLong(f[8]) * 10 : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String ortVersion() {
        try {
            return OrtRuntime.environment().getVersion();
        } catch (RuntimeException e) {
            return "?";
        }
    }
}
