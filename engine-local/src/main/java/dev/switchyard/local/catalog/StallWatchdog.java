package dev.switchyard.local.catalog;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a response stream that has delivered no byte for a while, so a stalled read (the JDK client
 * has no per-read timeout) turns into an IOException the downloader retries with resume.
 */
final class StallWatchdog {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "switchyard-download-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final Closeable stream;
    private final long timeoutNanos;
    private volatile long lastByte = System.nanoTime();
    private volatile boolean fired;
    private ScheduledFuture<?> task;

    private StallWatchdog(Closeable stream, Duration timeout) {
        this.stream = stream;
        this.timeoutNanos = timeout.toNanos();
    }

    static StallWatchdog watch(Closeable stream, Duration timeout) {
        StallWatchdog dog = new StallWatchdog(stream, timeout);
        long period = Math.max(10, Math.min(1000, timeout.toMillis() / 4));
        dog.task = TIMER.scheduleAtFixedRate(dog::check, period, period, TimeUnit.MILLISECONDS);
        return dog;
    }

    void touch() {
        lastByte = System.nanoTime();
    }

    boolean fired() {
        return fired;
    }

    void stop() {
        task.cancel(false);
    }

    private void check() {
        if (!fired && System.nanoTime() - lastByte > timeoutNanos) {
            fired = true;
            task.cancel(false);
            try {
                stream.close();
            } catch (IOException ignored) {
                // the reader sees the closed stream and retries
            }
        }
    }
}
