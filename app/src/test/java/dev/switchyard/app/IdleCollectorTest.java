package dev.switchyard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A full collection runs when the window is quiet and old runs' answers have piled up; never while it is busy. */
class IdleCollectorTest {

    private static final long MB = IdleCollector.MiB;
    private static final long SECOND = 1_000_000_000L;

    /** A JVM with the parallel collector: old garbage piles up, then one check while quiet collects it. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            List<byte[]> held = new ArrayList<>();
            for (int i = 0; i < 96 * 1024; i++) { // held across young collections: promoted to the old generation
                held.add(new byte[1024]);
            }
            held = null; // now garbage in the old generation, as an earlier run's answers are
            java.util.function.LongSupplier lastInput = () -> System.nanoTime() - 10 * SECOND; // no run, no input
            long before = fullCollections();
            System.out.println("while typing " + IdleCollector.forThisJvm(System::nanoTime).map(IdleCollector::check).orElse(false)
                    + ", full collections " + (fullCollections() - before));
            boolean collected = IdleCollector.forThisJvm(lastInput).map(IdleCollector::check).orElse(false);
            System.out.println("collected " + collected + ", full collections " + (fullCollections() - before));
            System.out.println("again " + IdleCollector.forThisJvm(lastInput).map(IdleCollector::check).orElse(false));
        }

        private static long fullCollections() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream().filter(b -> b.getName().equals("PS MarkSweep"))
                    .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
        }
    }

    @Test
    void theAllowanceIsHalfTheRoomLeftBetweenEightAndSixtyFourMegabytes() {
        assertThat(IdleCollector.allowance(340 * MB, 40 * MB)).isEqualTo(64 * MB);
        assertThat(IdleCollector.allowance(96 * MB, 40 * MB)).isEqualTo(28 * MB);
        assertThat(IdleCollector.allowance(50 * MB, 45 * MB)).isEqualTo(8 * MB);
        assertThat(IdleCollector.fullCollectionOnly("PS Old Gen")).isTrue();
        assertThat(IdleCollector.fullCollectionOnly("Tenured Gen")).isTrue();
        assertThat(IdleCollector.fullCollectionOnly("G1 Old Gen")).isFalse();
    }

    @Test
    void collectsOnlyWhenQuietAndGrownAndNotTwiceWithinTheSpacing() {
        AtomicLong used = new AtomicLong(50 * MB);
        AtomicLong kept = new AtomicLong(40 * MB);
        AtomicBoolean quiet = new AtomicBoolean(false);
        AtomicLong now = new AtomicLong(100 * SECOND);
        AtomicInteger collections = new AtomicInteger();
        IdleCollector collector = new IdleCollector(new IdleCollector.OldGeneration() {
            @Override
            public long used() {
                return used.get();
            }

            @Override
            public long committed() {
                return 340 * MB;
            }

            @Override
            public long keptByLastFull() {
                return kept.get();
            }
        }, now::get, quiet::get, () -> {
            collections.incrementAndGet();
            kept.set(42 * MB);
            used.set(42 * MB);
        });

        quiet.set(true);
        assertThat(collector.check()).as("grown by 10 MB of the 64 allowed").isFalse();
        used.set(110 * MB);
        quiet.set(false);
        assertThat(collector.check()).as("grown enough, but a run streams or the user types").isFalse();
        quiet.set(true);
        assertThat(collector.check()).isTrue();
        assertThat(collections).hasValue(1);

        used.set(200 * MB);
        now.addAndGet(5 * SECOND);
        assertThat(collector.check()).as("5 s after the last one").isFalse();
        now.addAndGet(6 * SECOND);
        assertThat(collector.check()).isTrue();
        assertThat(collections).hasValue(2);
    }

    @Test
    void inAJvmWithTheParallelCollectorAQuietCheckCollectsTheOldGarbageOnce() throws Exception {
        String out = child(List.of("-XX:+UseParallelGC", "-Xmn8m", "-Xmx512m"));
        assertThat(out).contains("while typing false, full collections 0").contains("collected true, full collections 1")
                .contains("again false");
    }

    @Test
    void underGarbageFirstThereIsNothingToDo() throws Exception {
        assertThat(child(List.of("-XX:+UseG1GC", "-Xmn8m", "-Xmx512m"))).contains("collected false, full collections 0");
        assertThat(child(List.of("-XX:+UseParallelGC", "-Xmn8m", "-Xmx512m", "-Dswitchyard.idleGc=false")))
                .contains("collected false, full collections 0");
    }

    private static String child(List<String> jvmArgs) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
