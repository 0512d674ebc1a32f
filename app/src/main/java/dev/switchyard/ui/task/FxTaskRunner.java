package dev.switchyard.ui.task;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;

/** Runs work on a small daemon pool and hands results to the FX application thread. */
public final class FxTaskRunner implements TaskRunner {

    private static final Logger LOG = Logger.getLogger(FxTaskRunner.class.getName());
    private final AtomicInteger counter = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "switchyard-task-" + counter.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> void run(String title, Callable<T> work, Consumer<? super T> onSuccess,
                        Consumer<? super Exception> onFailure) {
        try {
            pool.execute(() -> {
                try {
                    T value = work.call();
                    Platform.runLater(() -> onSuccess.accept(value));
                } catch (Exception e) {
                    LOG.log(Level.FINE, "Task failed: " + title, e);
                    Platform.runLater(() -> onFailure.accept(e));
                }
            });
        } catch (RejectedExecutionException e) {
            // closed: the window is going away (a stream's last batch may still arrive); nobody waits for the result
            LOG.log(Level.FINE, "Task after close dropped: " + title);
        }
    }

    @Override
    public void onUiThread(Runnable action) {
        Platform.runLater(action);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
