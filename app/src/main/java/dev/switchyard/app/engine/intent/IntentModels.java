package dev.switchyard.app.engine.intent;

import dev.switchyard.app.routing.CachingEmbedder;
import dev.switchyard.local.intent.IntentModel;
import dev.switchyard.local.intent.MiniLmEmbedder;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The embedded all-MiniLM-L6-v2 model (shipped inside a Maven artifact, so it works on a fresh machine
 * with no download) and the intent model on top of it. It runs in the app's process: it is a fixed,
 * shipped model, unlike user-supplied decoder files, which run in the worker process. Loaded lazily
 * once, shared by the intent engine, routing features and graders; owned by AppContext. The intent model
 * embeds through a {@link CachingEmbedder}, so one prompt is embedded once for its routing decision (intent,
 * similarity and complexity conditions) and its intent run, and an intent set's examples are embedded once per
 * process whether routing or the intent engine needs them first.
 */
public final class IntentModels implements AutoCloseable {

    private MiniLmEmbedder embedder;
    private IntentModel intentModel;
    private ExecutorService executor;

    public synchronized MiniLmEmbedder embedder() {
        if (embedder == null) {
            embedder = new MiniLmEmbedder(1);
        }
        return embedder;
    }

    public synchronized IntentModel intentModel() {
        if (intentModel == null) {
            intentModel = new IntentModel(new CachingEmbedder(embedder()));
        }
        return intentModel;
    }

    /** Threads that stream intent replies word by word. */
    public synchronized ExecutorService executor() {
        if (executor == null) {
            executor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "switchyard-intent");
                t.setDaemon(true);
                return t;
            });
        }
        return executor;
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
        if (embedder != null) {
            embedder.close();
        }
        embedder = null;
        intentModel = null;
        executor = null;
    }
}
