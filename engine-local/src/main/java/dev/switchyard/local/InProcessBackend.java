package dev.switchyard.local;

import dev.switchyard.local.generate.Generation;
import dev.switchyard.local.generate.LoadedDecoder;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs models in this JVM on one thread, so two runs never overlap (their timings would be false), and loads and
 * validations queue among the runs on that thread for the same reason.
 * Also the engine inside the worker process.
 */
public final class InProcessBackend implements Backend {
    private final Map<String, LoadedDecoder> models = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "switchyard-local-generate");
        t.setDaemon(true);
        return t;
    });

    @Override
    public ModelInfo validate(Path dir, LoadOptions options) throws LocalEngineException {
        return afterRuns(() -> {
            try (LoadedDecoder d = LoadedDecoder.open(dir, options)) {
                return d.info();
            }
        });
    }

    @Override
    public ModelInfo load(String modelId, Path dir, LoadOptions options) throws LocalEngineException {
        return afterRuns(() -> loadNow(modelId, dir, options));
    }

    /**
     * Does {@code work} (a load or a validation) on the run thread, after the run in flight and those queued before
     * it: building sessions (and the attention fusion's probe) next to a run would slow the run being measured.
     */
    private ModelInfo afterRuns(Callable<ModelInfo> work) throws LocalEngineException {
        Future<ModelInfo> result;
        try {
            result = runner.submit(() -> {
                if (closed) {
                    throw new LocalEngineException(LocalEngineException.Kind.BAD_REQUEST, "The local engine is closed.");
                }
                return work.call();
            });
        } catch (RejectedExecutionException e) {
            throw new LocalEngineException(LocalEngineException.Kind.BAD_REQUEST, "The local engine is closed.");
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalEngineException(LocalEngineException.Kind.RUNTIME_FAILURE, "Interrupted while loading a model.", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof LocalEngineException le) {
                throw le;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new LocalEngineException(LocalEngineException.Kind.RUNTIME_FAILURE, "Loading failed: " + cause, cause);
        }
    }

    private synchronized ModelInfo loadNow(String modelId, Path dir, LoadOptions options) throws LocalEngineException {
        LoadedDecoder old = models.get(modelId);
        if (old != null) {
            return old.info();
        }
        LoadedDecoder d = LoadedDecoder.open(dir, options);
        models.put(modelId, d);
        return d.info();
    }

    /** Whether a model id is loaded here. */
    public boolean isLoaded(String modelId) {
        return models.containsKey(modelId);
    }

    @Override
    public GenerationHandle generate(GenerationRequest request, TokenListener listener) {
        return generate(request, listener, 0L);
    }

    /** As {@link #generate(GenerationRequest, TokenListener)}, reporting loadMillis in the result. */
    public GenerationHandle generate(GenerationRequest request, TokenListener listener, long loadMillis) {
        AtomicBoolean cancel = new AtomicBoolean();
        OnceListener once = new OnceListener(listener);
        Runnable task = () -> {
            LoadedDecoder d = models.get(request.modelId());
            if (closed) {
                once.onError(new LocalEngineException(LocalEngineException.Kind.CANCELLED,
                        "The local engine was closed before the run started.", new LocalResult("", StopReason.CANCELLED,
                        0, 0, 0, 0, 0, 0, 0, -1, 0), null));
                return;
            }
            if (d == null) {
                once.onError(new LocalEngineException(LocalEngineException.Kind.BAD_REQUEST,
                        "Model " + request.modelId() + " is not loaded."));
                return;
            }
            new Generation(d, request, once, () -> cancel.get() || closed, loadMillis).run();
        };
        try {
            runner.execute(task);
        } catch (RejectedExecutionException e) {
            once.onError(new LocalEngineException(LocalEngineException.Kind.BAD_REQUEST, "The local engine is closed."));
        }
        return new GenerationHandle() {
            @Override
            public void cancel() {
                cancel.set(true);
            }

            @Override
            public boolean isDone() {
                return once.done();
            }
        };
    }

    @Override
    public synchronized void unload(String modelId) {
        LoadedDecoder d = models.remove(modelId);
        if (d != null) {
            runner.execute(d::close); // after any run in flight
        }
    }

    /** Cancels runs in flight, ends queued ones, then unloads every model after them. */
    @Override
    public void close() {
        closed = true;
        for (Runnable r : runner.shutdownNow()) {
            r.run(); // queued generations: the model is still loaded, the cancel flag ends them at once
        }
        for (String id : models.keySet().toArray(new String[0])) {
            LoadedDecoder d = models.remove(id);
            if (d != null) {
                closeAfterRuns(d);
            }
        }
    }

    private void closeAfterRuns(LoadedDecoder d) {
        try {
            runner.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        d.close();
    }
}
