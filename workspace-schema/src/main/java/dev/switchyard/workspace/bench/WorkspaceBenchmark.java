package dev.switchyard.workspace.bench;

import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Capabilities;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import dev.switchyard.workspace.model.RunQuery;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Workspace benchmark (the app's {@code bench workspace} command): batched insert of 100k runs in one
 * transaction; open of a 1M-run workspace (first open in this process, then warm); one history page of 100 runs
 * sorted by time and filtered by model and text. Prints figures; asserts nothing.
 */
public final class WorkspaceBenchmark {

    /** Sizes of a benchmark run; {@link #DEFAULT} is the documented one. */
    public record Sizes(int insertRuns, int historyRuns, int repeats) {
        public static final Sizes DEFAULT = new Sizes(100_000, 1_000_000, 200);
    }

    private static final int BATCH = 50_000;

    private WorkspaceBenchmark() {
    }

    public static void run(Path dir, PrintStream out) {
        run(dir, out, Sizes.DEFAULT);
    }

    public static void run(Path dir, PrintStream out, Sizes sizes) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.printf("workspace benchmark — %d cores, Java %s, SQLite via sqlite-jdbc%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        long firstOpen = insertBenchmark(dir.resolve("bench-insert.switchyard"), sizes.insertRuns(), out);
        Path big = dir.resolve("bench-" + sizes.historyRuns() + ".switchyard");
        build(big, sizes.historyRuns(), out);
        openBenchmark(big, firstOpen, out);
        HistoryBenchmark.run(big, sizes.repeats(), out);
    }

    /**
     * Inserts {@code runs} runs as one batch into a new workspace, twice: first in this (fresh) JVM, then again into
     * another new file once the JIT has compiled the insert path. Returns the time (ns) of the very first open in
     * this process (driver and native library loading included).
     */
    private static long insertBenchmark(Path file, int runs, PrintStream out) {
        long firstOpen = 0;
        for (String when : new String[] {"first batch in this JVM", "second batch, JIT warm"}) {
            delete(file);
            long t0 = System.nanoTime();
            try (Workspace ws = Workspace.open(file)) {
                if (firstOpen == 0) {
                    firstOpen = System.nanoTime() - t0;
                }
                SyntheticRuns gen = new SyntheticRuns(1, models(ws));
                var batch = gen.next(runs);
                long cpu = CpuClock.now();
                long steal = CpuClock.hostStealMs();
                long start = System.nanoTime();
                ws.runs().insertAll(batch);
                long ns = System.nanoTime() - start;
                cpu = CpuClock.now() - cpu;
                steal = steal < 0 ? -1 : CpuClock.hostStealMs() - steal;
                out.printf("insert %,d runs (one batch, one transaction; %s): wall %,d ms = %,.0f runs/s; CPU %,d ms; %s; host steal %s%n",
                        runs, when, ns / 1_000_000, runs / (ns / 1e9), cpu / 1_000_000, CpuClock.load(),
                        steal < 0 ? "unknown" : steal + " ms");
            } finally {
                delete(file);
            }
        }
        return firstOpen;
    }

    private static void build(Path file, int runs, PrintStream out) {
        if (Files.exists(file)) {
            int version = userVersion(file);
            long t0 = System.nanoTime();
            try (Workspace ws = Workspace.open(file)) {
                long openMs = (System.nanoTime() - t0) / 1_000_000;
                if (ws.runs().count() == runs) {
                    String upgrade = version == ws.schemaVersion() ? "" : String.format(
                            "; upgraded from schema v%d to v%d on this open: %,d ms including the backup copy",
                            version, ws.schemaVersion(), openMs);
                    out.printf("history workspace %s: reused (%,d runs)%s%n", file.getFileName(), runs, upgrade);
                    return;
                }
            }
            delete(file);
        }
        long start = System.nanoTime();
        long cpu = CpuClock.now();
        try (Workspace ws = Workspace.open(file)) {
            SyntheticRuns gen = new SyntheticRuns(2, models(ws));
            for (int done = 0; done < runs; done += BATCH) {
                ws.runs().insertAll(gen.next(Math.min(BATCH, runs - done)));
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        out.printf("build history workspace of %,d runs (batches of %,d): wall %,d ms, CPU %,d ms, file %,d MB; %s%n",
                runs, BATCH, ms, (CpuClock.now() - cpu) / 1_000_000, size(file) / 1_000_000, CpuClock.load());
    }

    private static void openBenchmark(Path file, long firstOpenNs, PrintStream out) {
        long coldish = timeOpen(file);
        long[] warm = new long[20];
        for (int i = 0; i < warm.length; i++) {
            warm[i] = timeOpen(file);
        }
        Arrays.sort(warm);
        out.printf("open: first in process (empty workspace, JDBC driver + native library load) %.1f ms%n",
                firstOpenNs / 1e6);
        out.printf("open %s: first open of the file %.1f ms; warm p50 %.1f ms, p95 %.1f ms (n=%d); %s%n",
                file.getFileName(), coldish / 1e6, warm[warm.length / 2] / 1e6, warm[(int) (warm.length * 0.95)] / 1e6,
                warm.length, CpuClock.load());
    }

    private static long timeOpen(Path file) {
        long start = System.nanoTime();
        try (Workspace ws = Workspace.open(file)) {
            long ns = System.nanoTime() - start;
            ws.runs().page(RunQuery.latest().page(0, 1));
            return ns;
        }
    }

    static long[] models(Workspace ws) {
        List<Model> existing = ws.models().list();
        if (!existing.isEmpty()) {
            return existing.stream().mapToLong(Model::id).toArray();
        }
        Provider p = ws.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "Bench", "http://localhost",
                null, null));
        long[] ids = new long[10];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = ws.models().insert(Model.of(p.id(), "model-" + i, "Model " + i, ModelKind.CLOUD, 8192,
                    Capabilities.CHAT, null)).id();
        }
        return ids;
    }

    /** {@code PRAGMA user_version} read without opening the file as a workspace (which would migrate it). */
    private static int userVersion(Path file) {
        org.sqlite.SQLiteConfig readOnly = new org.sqlite.SQLiteConfig();
        readOnly.setReadOnly(true);
        try (var c = readOnly.createConnection("jdbc:sqlite:" + file);
             var rs = c.createStatement().executeQuery("PRAGMA user_version")) {
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            return -1;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file) + (Files.exists(Path.of(file + "-wal")) ? Files.size(Path.of(file + "-wal")) : 0);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void delete(Path file) {
        try {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code WorkspaceBenchmark [dir [queryRepeats]]} — default dir: {@code $TMPDIR/switchyard-bench}, 200 repeats. */
    public static void main(String[] args) {
        Path dir = args.length > 0 ? Path.of(args[0]) : Path.of(System.getProperty("java.io.tmpdir"), "switchyard-bench");
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : Sizes.DEFAULT.repeats();
        run(dir, System.out, new Sizes(Sizes.DEFAULT.insertRuns(), Sizes.DEFAULT.historyRuns(), repeats));
    }
}
