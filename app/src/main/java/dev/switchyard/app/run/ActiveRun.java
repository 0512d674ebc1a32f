package dev.switchyard.app.run;

import dev.switchyard.app.engine.RunHandle;
import dev.switchyard.workspace.model.Run;
import java.util.concurrent.CompletableFuture;

/** A run in flight: cancel it, or wait for its stored terminal row. */
public final class ActiveRun {

    private final Run created;
    private final CompletableFuture<Run> finished;
    private volatile RunHandle handle;

    ActiveRun(Run created, CompletableFuture<Run> finished) {
        this.created = created;
        this.finished = finished;
    }

    void attach(RunHandle h) {
        this.handle = h;
    }

    /** The row as stored when the run started (id, uid, STREAMING). */
    public Run created() {
        return created;
    }

    /** Completes with the stored terminal row; never completes exceptionally for run failures. */
    public CompletableFuture<Run> finished() {
        return finished;
    }

    public void cancel() {
        RunHandle h = handle;
        if (h != null) {
            h.cancel();
        }
    }
}
