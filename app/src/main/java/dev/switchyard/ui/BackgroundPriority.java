package dev.switchyard.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Lowers the scheduling priority (nice 10) of the JVM's JIT compiler threads and G1's concurrent threads, on Linux, so
 * that on a two-core laptop the FX and render threads win the cores while answers stream (Decision 17 in the README).
 * The compiler still gets every idle moment, and GC pauses are untouched (their worker threads keep their priority).
 * Threads are found by name in {@code /proc/self/task/<tid>/comm}; HotSpot starts compiler threads on demand, so the
 * app scans again every few seconds, and each thread is reniced once ({@code renice}, util-linux). Lowering one's own
 * priority needs no privilege. Anywhere else (no {@code /proc}, no {@code renice}) nothing is done.
 */
public final class BackgroundPriority {

    /** HotSpot's thread names, cut to the 15 characters of {@code comm}: C1/C2 compilers, G1 marking and refinement. */
    public static final Pattern JIT_AND_CONCURRENT_GC = Pattern.compile("C[12] CompilerThre.*|G1 Conc#\\d+|G1 Refine#\\d+");
    static final int NICE = 10;

    private final Path tasks;
    private final Path renice;
    private final Pattern names;
    private final Set<String> done = new HashSet<>();

    BackgroundPriority(Path tasks, Path renice, Pattern names) {
        this.tasks = tasks;
        this.renice = renice;
        this.names = names;
    }

    /** For this process, if it runs on Linux with {@code renice} installed. */
    public static Optional<BackgroundPriority> forThisProcess(Pattern names) {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return Optional.empty();
        }
        return Stream.of("/usr/bin/renice", "/bin/renice").map(Path::of).filter(Files::isExecutable).findFirst()
                .map(r -> new BackgroundPriority(tasks, r, names));
    }

    /**
     * Renices the matching threads not seen before; returns how many were reniced. A thread that ended meanwhile or a
     * failing {@code renice} is skipped quietly: this is a scheduling hint, never a reason to fail.
     */
    public synchronized int scan() {
        List<String> fresh = new ArrayList<>();
        try (Stream<Path> list = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) list::iterator) {
                String tid = task.getFileName().toString();
                if (!done.contains(tid) && names.matcher(comm(task)).matches()) {
                    fresh.add(tid);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        if (fresh.isEmpty()) {
            return 0;
        }
        List<String> cmd = new ArrayList<>(List.of(renice.toString(), "-n", String.valueOf(NICE), "-p"));
        cmd.addAll(fresh);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return 0;
            }
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        done.addAll(fresh);
        return fresh.size();
    }

    private static String comm(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException e) {
            return ""; // the thread ended
        }
    }
}
