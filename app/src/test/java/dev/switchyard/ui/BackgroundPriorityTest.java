package dev.switchyard.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Real threads of this JVM, real {@code renice}: only the named threads get the lower priority, each once. */
class BackgroundPriorityTest {

    @Test
    void renicesTheMatchingThreadsOnceAndLeavesTheOthers() throws Exception {
        Optional<BackgroundPriority> found = BackgroundPriority.forThisProcess(Pattern.compile("bg-prio-low-\\d"));
        assumeTrue(found.isPresent(), "Linux with renice only");
        CountDownLatch end = new CountDownLatch(1);
        Thread low = parked("bg-prio-low-1", end);
        Thread other = parked("bg-prio-keep-1", end);
        try {
            String lowTid = tidOf("bg-prio-low-1");
            String otherTid = tidOf("bg-prio-keep-1");
            int before = nice(otherTid);
            assertThat(found.get().scan()).isEqualTo(1);
            assertThat(nice(lowTid)).isEqualTo(BackgroundPriority.NICE);
            assertThat(nice(otherTid)).as("a thread of another name keeps its priority").isEqualTo(before);
            assertThat(found.get().scan()).as("each thread is reniced once").isZero();
        } finally {
            end.countDown();
            low.join();
            other.join();
        }
    }

    @Test
    void theJvmThreadNamesItLooksForExistInThisJvm() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            assertThat(tasks.map(BackgroundPriorityTest::comm))
                    .as("HotSpot's compiler threads are named as the pattern expects")
                    .anyMatch(n -> BackgroundPriority.JIT_AND_CONCURRENT_GC.matcher(n).matches() && n.startsWith("C"));
        }
    }

    private static Thread parked(String name, CountDownLatch end) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            started.countDown();
            try {
                end.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        t.setDaemon(true);
        t.start();
        started.await();
        return t;
    }

    private static String tidOf(String name) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(t -> comm(t).equals(name)).map(t -> t.getFileName().toString()).findFirst()
                    .orElseThrow(() -> new AssertionError("no thread named " + name));
        }
    }

    private static String comm(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** Field 19 of /proc/self/task/TID/stat (after the parenthesised name) is the nice value. */
    private static int nice(String tid) throws IOException {
        String stat = Files.readString(Path.of("/proc/self/task", tid, "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(f[16]);
    }
}
