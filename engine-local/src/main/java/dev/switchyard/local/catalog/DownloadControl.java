package dev.switchyard.local.catalog;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/** Lets another thread cancel a running {@link ModelDownloader#download}. One control per download. */
public final class DownloadControl {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile Closeable current;

    /** Requests cancellation: the download stops at the next buffer and ends with a CANCELLED error; part files are kept. */
    public void cancel() {
        cancelled.set(true);
        Closeable c = current;
        if (c != null) {
            try {
                c.close(); // unblocks a read waiting on the network
            } catch (IOException ignored) {
                // the download loop reports the cancellation
            }
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    void attach(Closeable stream) {
        current = stream;
        if (cancelled.get()) {
            cancel();
        }
    }

    void detach() {
        current = null;
    }
}
