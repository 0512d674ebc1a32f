package dev.switchyard.ui.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs work and callbacks synchronously on the calling thread: for view-model tests. */
public final class DirectTaskRunner implements TaskRunner {

    @Override
    public <T> void run(String title, Callable<T> work, Consumer<? super T> onSuccess,
                        Consumer<? super Exception> onFailure) {
        T value;
        try {
            value = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(value);
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }

    @Override
    public void close() {
        // nothing to release
    }
}
