package dev.switchyard.app.replay.bench;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.models.ModelDirectory;
import dev.switchyard.app.models.RunLimits;
import dev.switchyard.app.replay.Prepared;
import dev.switchyard.app.replay.ReplayService;
import dev.switchyard.app.replay.engine.ItemRequest;
import dev.switchyard.app.replay.engine.ReplayOptions;
import dev.switchyard.app.replay.engine.ReplayResult;
import dev.switchyard.app.replay.engine.Sourcing;
import dev.switchyard.app.replay.policy.ReplayPolicies;
import dev.switchyard.app.replay.results.Summary;
import dev.switchyard.app.replay.results.Sweep;
import dev.switchyard.app.routing.PolicyStore;
import dev.switchyard.app.run.RunService;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.CostKind;
import dev.switchyard.workspace.model.DatasetItem;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.PriceRow;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunCost;
import dev.switchyard.workspace.model.RunMetrics;
import dev.switchyard.workspace.model.RunStatus;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * {@code switchyard bench replay}: seeds a workspace with a dataset of N items and a stored run of each item on
 * three models (batch inserts), then times a replay of a routing policy (prompt-token threshold, cascade-free)
 * over the stored runs — decisions, answers, grading, storage and summary — and slider moves of the sweep.
 */
public final class ReplayBenchmark {

    private static final String POLICY = """
            {"schema_version": 1, "name": "bench-length",
             "rules": [{"name": "short stays local", "when": {"type": "prompt_tokens", "op": "le", "value": 24},
                        "then": {"type": "route", "target": "bench-local"}},
                       {"name": "code goes strong", "when": {"type": "keywords", "words": ["function", "sql"]},
                        "then": {"type": "route", "target": "bench-strong"}}],
             "default": {"type": "route", "target": "bench-cheap"}}
            """;
    private static final String[] WORDS = ("turn on the kitchen lights please summarize this report about quarterly"
            + " revenue and costs write a function that sorts a list what is the return policy for shoes extract the"
            + " name and email from this message how many apples are left after selling half of them").split(" ");

    private ReplayBenchmark() {
    }

    public static void run(AppContext app, Path dir, int items, PrintStream out) throws Exception {
        Path file = dir.resolve("replay-bench.switchyard");
        Files.deleteIfExists(file);
        out.printf(Locale.ROOT, "Replay benchmark: %d items, 3 models, machine: %s, %d cores visible%n", items,
                cpuModel(), Runtime.getRuntime().availableProcessors());
        try (Workspace ws = Workspace.open(file)) {
            long t0 = System.nanoTime();
            List<Model> models = seedModels(ws);
            long datasetId = seed(ws, app.directory(ws), models, items);
            out.printf(Locale.ROOT, "seed: %d items + %d stored runs in %d ms (batch inserts)%n", items, 3 * items,
                    ms(t0));
            new PolicyStore(ws).save("bench-length", POLICY, "benchmark");
            ReplayService service = ReplayService.of(app, ws);
            for (int round = 1; round <= 3; round++) {
                long start = System.nanoTime();
                long cpu0 = cpu();
                var policy = new ReplayPolicies(app, ws).load("bench-length", null);
                Prepared p = service.prepare(policy, datasetId, ReplayOptions.defaults().withSourcing(Sourcing.CACHED_ONLY));
                long decided = System.nanoTime();
                ReplayResult r = service.start(p, false, null).result().get(10, TimeUnit.MINUTES);
                Summary s = Summary.of(r);
                long end = System.nanoTime();
                out.printf(Locale.ROOT, "replay %d (cached, %d items): %d ms wall (process CPU %d ms) = decisions +"
                        + " stored-run lookup %d ms, answers/grading/storage/summary %d ms; pass rate %.3f, $%.4f per"
                        + " 1k; load average %.1f%n", round, items, (end - start) / 1_000_000, (cpu() - cpu0) / 1_000_000,
                        (decided - start) / 1_000_000, (end - decided) / 1_000_000, s.policy().passRate(),
                        s.policy().costPer1k(), java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                                .getSystemLoadAverage());
                if (round == 3) {
                    sweep(r, out);
                }
            }
        }
    }

    private static void sweep(ReplayResult r, PrintStream out) {
        long b0 = System.nanoTime();
        Sweep sweep = Sweep.of(r).orElseThrow();
        long built = System.nanoTime() - b0;
        long cpu0 = cpu();
        double[] times = new double[41];
        Random rnd = new Random(1);
        for (int i = 0; i < times.length; i++) {
            double t = sweep.spec().min() + rnd.nextDouble() * (sweep.spec().max() - sweep.spec().min());
            long s0 = System.nanoTime();
            sweep.at(t);
            sweep.changes(sweep.spec().current(), t, 0);
            times[i] = (System.nanoTime() - s0) / 1e6;
        }
        long movesCpu = cpu() - cpu0;
        Arrays.sort(times);
        long c0 = System.nanoTime();
        sweep.curve(21);
        out.printf(Locale.ROOT, "sweep over %s: built once in %d ms; slider move (figures + changed prompts) median"
                + " %.2f ms, max %.2f ms over %d moves (process CPU %.2f ms per move); full 21-position curve %d ms%n",
                sweep.spec().label(), built / 1_000_000, times[times.length / 2], times[times.length - 1], times.length,
                movesCpu / 1e6 / times.length,
                (System.nanoTime() - c0) / 1_000_000);
    }

    private static List<Model> seedModels(Workspace ws) {
        Provider device = ws.providers().insert(Provider.of(ProviderKind.LOCAL, "bench device", null, null, null));
        Provider gw = ws.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "bench gateway",
                "http://127.0.0.1:9/v1", null, null));
        Model local = ws.models().insert(Model.of(device.id(), "bench-local", "bench-local",
                ModelKind.LOCAL_GENERATIVE, 2048, null, "{}"));
        Model cheap = ws.models().insert(Model.of(gw.id(), "bench-cheap", "bench-cheap", ModelKind.CLOUD, 8192, null, "{}"));
        Model strong = ws.models().insert(Model.of(gw.id(), "bench-strong", "bench-strong", ModelKind.CLOUD, 8192, null,
                "{}"));
        ws.prices().insert(PriceRow.of(cheap.id(), new BigDecimal("0.15"), null, new BigDecimal("0.60"), "bench",
                LocalDate.now().minusDays(1)));
        ws.prices().insert(PriceRow.of(strong.id(), new BigDecimal("2.50"), null, new BigDecimal("10"), "bench",
                LocalDate.now().minusDays(1)));
        return List.of(local, cheap, strong);
    }

    private static long seed(Workspace ws, ModelDirectory directory, List<Model> models, int n) {
        Random rnd = new Random(42);
        long datasetId = ws.datasets().create("bench-" + n, "synthetic").id();
        List<DatasetItem> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int len = 3 + rnd.nextInt(40);
            StringBuilder p = new StringBuilder("#" + i);
            for (int w = 0; w < len; w++) {
                p.append(' ').append(WORDS[rnd.nextInt(WORDS.length)]);
            }
            items.add(DatasetItem.of(p.toString(), null, "{}", "ok" + (i % 7), "[\"grader:contains\"]"));
        }
        List<DatasetItem> stored = ws.datasets().addItems(datasetId, items);
        double[] quality = {0.6, 0.8, 0.95};
        double[] cost = {0, 0.0002, 0.003};
        long[] latency = {120, 600, 1400};
        Instant now = Instant.now();
        for (int m = 0; m < models.size(); m++) {
            List<Run> runs = new ArrayList<>(n);
            // the time limits its engine would stop it at, as the run service stores them (none for the local model)
            Model model = models.get(m);
            String limits = RunLimits.json(model.kind() == ModelKind.CLOUD ? directory.timeouts(model) : null);
            for (DatasetItem it : stored) {
                String answer = rnd.nextDouble() < quality[m] ? "answer " + it.referenceAnswer() : "something else";
                long ms = latency[m] / 2 + rnd.nextInt((int) latency[m]);
                // stored as a replay of the item stores its run (the cached replay looks runs up by their text and
                // parameters)
                runs.add(RunService.created(model.id(), ItemRequest.of(it, null))
                        .withLimits(limits)
                        .withOutput(RunStatus.COMPLETED, answer, null)
                        .finished(RunStatus.COMPLETED, null, RunMetrics.of(0, ms / 5, ms, 30, 40),
                                new RunCost(cost[m] * (0.5 + rnd.nextDouble()), m == 0 ? CostKind.DEVICE : CostKind.API,
                                        null), false, 1, now));
                if (runs.size() == 5000) {
                    ws.runs().insertAll(runs);
                    runs.clear();
                }
            }
            ws.runs().insertAll(runs);
        }
        return datasetId;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
        } catch (Exception e) {
            return System.getProperty("os.arch");
        }
    }

    /** CPU time of the whole process (all threads, GC included), ns; wall time on a shared machine overstates work. */
    private static long cpu() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
