package dev.switchyard.ui.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way view models start background work. Production runs work on a pool and delivers the
 * callbacks on the FX thread ({@link FxTaskRunner}); tests run everything synchronously
 * ({@link DirectTaskRunner}), so view models stay testable without a toolkit.
 */
public interface TaskRunner extends AutoCloseable {

    /** Runs {@code work} in the background; exactly one of the callbacks runs afterwards on the UI thread. */
    <T> void run(String title, Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);

    /** Posts a small action to the UI thread (used to deliver batched stream events). */
    void onUiThread(Runnable action);

    @Override
    void close();
}
