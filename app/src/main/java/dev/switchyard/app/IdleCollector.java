package dev.switchyard.app;

import dev.switchyard.app.run.RunService;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Runs a full garbage collection while the window is quiet, in a JVM whose old generation only a full collection
 * reclaims (the parallel or serial collector; the window's JVM runs the parallel one, {@link UiJvm#COLLECTOR},
 * Decision 33 in the README). The answers a run shows are promoted while they stream and become garbage at the next
 * run; left alone, the old generation would fill with them and the JVM would stop for its full collection (133–179 ms
 * with ~45 MB live on two cores) whenever that happens, possibly while answers stream. Checked every second or so:
 * it collects when no run has been in flight and no input has come for {@link #QUIET_NANOS}, and the old generation
 * holds {@link #allowance} more than it kept at its last full collection. Under G1 and the other concurrent
 * collectors there is nothing to do and {@link #forThisJvm} is empty.
 */
public final class IdleCollector {

    /** How long nothing must have happened (no run in flight, no input) before a collection. */
    static final long QUIET_NANOS = 2_000_000_000L;
    /** At most one collection in this time, whatever the figures say. */
    static final long MIN_SPACING_NANOS = 10_000_000_000L;
    static final long MiB = 1024 * 1024;

    /** The old generation's figures, in bytes. */
    interface OldGeneration {
        long used();

        long committed();

        /** What the last full collection left (0 before the first). */
        long keptByLastFull();
    }

    private final OldGeneration old;
    private final LongSupplier nanoTime;
    private final BooleanSupplier quiet;
    private final Runnable collect;
    private long lastCollectionNanos;
    private boolean collectedOnce;

    IdleCollector(OldGeneration old, LongSupplier nanoTime, BooleanSupplier quiet, Runnable collect) {
        this.old = old;
        this.nanoTime = nanoTime;
        this.quiet = quiet;
        this.collect = collect;
    }

    /**
     * For this JVM, when its collector reclaims the old generation only in full collections; {@code lastInputNanos}
     * gives when the user last typed, clicked or moved the mouse ({@link System#nanoTime()}). Quiet also means no run
     * in flight in this JVM ({@link RunService#runsInFlight()}) for {@link #QUIET_NANOS}. Empty under any other
     * collector, or with {@code -Dswitchyard.idleGc=false}.
     */
    public static Optional<IdleCollector> forThisJvm(LongSupplier lastInputNanos) {
        if ("false".equals(System.getProperty("switchyard.idleGc"))) {
            return Optional.empty();
        }
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && fullCollectionOnly(p.getName()))
                .findFirst()
                .map(pool -> new IdleCollector(oldGeneration(pool), System::nanoTime, () -> {
                    long now = System.nanoTime();
                    long lastRun = RunService.lastRunStartOrEndNanos();
                    return RunService.runsInFlight() == 0 && now - lastInputNanos.getAsLong() >= QUIET_NANOS
                            && (lastRun == Long.MIN_VALUE || now - lastRun >= QUIET_NANOS);
                }, System::gc));
    }

    /** The parallel collector's and the serial collector's old generations: no concurrent cycle ever reclaims them. */
    static boolean fullCollectionOnly(String poolName) {
        return poolName.equals("PS Old Gen") || poolName.equals("Tenured Gen");
    }

    private static OldGeneration oldGeneration(MemoryPoolMXBean pool) {
        return new OldGeneration() {
            @Override
            public long used() {
                return pool.getUsage().getUsed();
            }

            @Override
            public long committed() {
                return pool.getUsage().getCommitted();
            }

            @Override
            public long keptByLastFull() {
                java.lang.management.MemoryUsage after = pool.getCollectionUsage();
                return after == null ? 0 : after.getUsed();
            }
        };
    }

    /**
     * How much the old generation may grow past what its last full collection kept before a quiet moment collects it:
     * half of the room left (so the JVM's own full collection, when the room is gone, stays far away), at most 64 MB
     * (~6 runs of six 800-token answers: a collection's cost grows with what it walks), at least 8 MB.
     */
    static long allowance(long committed, long kept) {
        return Math.max(8 * MiB, Math.min(64 * MiB, (committed - kept) / 2));
    }

    /** Collects if the window is quiet and the old generation has grown by its {@link #allowance}; true when it did. */
    public boolean check() {
        long now = nanoTime.getAsLong();
        if (collectedOnce && now - lastCollectionNanos < MIN_SPACING_NANOS) {
            return false;
        }
        long kept = old.keptByLastFull();
        if (old.used() - kept < allowance(old.committed(), kept) || !quiet.getAsBoolean()) {
            return false;
        }
        collect.run();
        lastCollectionNanos = nanoTime.getAsLong();
        collectedOnce = true;
        return true;
    }
}
