package dev.switchyard.workspace.bench;

import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Page;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunQuery;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Times history pages of 100 runs on a large workspace: p50/p95 over repeated, varied queries. A page includes its
 * total, which text and date filters count only up to 1,000 ("avg total 1,000+").
 */
final class HistoryBenchmark {

    private HistoryBenchmark() {
    }

    static void run(Path file, int repeats, PrintStream out) {
        try (Workspace ws = Workspace.open(file)) {
            long[] models = WorkspaceBenchmark.models(ws);
            SyntheticRuns vocabulary = new SyntheticRuns(0, models);
            // measured on the 1M workspace: a word of rank 40..140 occurs in ~10-22% of runs, rank 1000..4000 in <1%
            IntFunction<String> midWord = i -> vocabulary.word(40 + (i * 7) % 100);
            IntFunction<String> rareWord = i -> vocabulary.word(1000 + (i * 13) % 3000);
            time(out, "page 100, newest first, no filter", repeats, i -> RunQuery.latest(), ws);
            time(out, "page 100, model filter", repeats, i -> RunQuery.latest().model(models[i % models.length]), ws);
            time(out, "page 100, text filter (common word)", repeats,
                    i -> RunQuery.latest().text(midWord.apply(i)), ws);
            time(out, "page 100, model + text (common word)", repeats,
                    i -> RunQuery.latest().model(models[i % models.length]).text(midWord.apply(i)), ws);
            time(out, "page 100, text filter (rare word)", repeats, i -> RunQuery.latest().text(rareWord.apply(i)), ws);
            time(out, "page 100, model + text (rare word)", repeats,
                    i -> RunQuery.latest().model(models[i % models.length]).text(rareWord.apply(i)), ws);
            time(out, "page 100 at offset 5,000, model + text (common)", repeats,
                    i -> RunQuery.latest().model(models[i % models.length]).text(midWord.apply(i)).page(5_000, 100), ws);
        }
    }

    private static void time(PrintStream out, String label, int repeats, IntFunction<RunQuery> query, Workspace ws) {
        for (int i = 0; i < Math.min(20, repeats); i++) {
            ws.runs().page(query.apply(i));
        }
        long[] ns = new long[repeats];
        long[] cpu = new long[repeats];
        long totalMatches = 0;
        boolean capped = false;
        for (int i = 0; i < repeats; i++) {
            RunQuery q = query.apply(i);
            long cpu0 = CpuClock.now();
            long start = System.nanoTime();
            Page<Run> page = ws.runs().page(q);
            ns[i] = System.nanoTime() - start;
            cpu[i] = CpuClock.now() - cpu0;
            totalMatches += page.total();
            capped |= !page.totalExact();
        }
        Arrays.sort(ns);
        Arrays.sort(cpu);
        out.printf("%-48s wall p50 %6.2f ms p95 %6.2f ms | CPU p50 %6.2f ms (n=%d, avg total %,d%s)%n", label,
                ns[repeats / 2] / 1e6, ns[(int) (repeats * 0.95)] / 1e6, cpu[repeats / 2] / 1e6, repeats,
                totalMatches / repeats, capped ? "+, counted up to the cap" : "");
    }
}
