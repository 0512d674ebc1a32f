package dev.switchyard.local;

import dev.switchyard.local.worker.WorkerBackend;
import dev.switchyard.local.worker.WorkerOptions;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The facade the app uses. {@link #inWorker()} (the default for the app) runs models in a separate
 * JVM so a model that crashes ONNX Runtime or exhausts memory cannot take the app down;
 * {@link #inProcess()} runs them in this JVM (tests, benchmarks).
 *
 * <pre>
 * try (LocalEngine engine = LocalEngine.inWorker()) {
 *     ModelInfo info = engine.validate(dir);
 *     LoadedModel m = engine.load(dir, LoadOptions.defaults());
 *     engine.generate(GenerationRequest.of(m.id(), "Hello", 64), listener);
 * }
 * </pre>
 */
public final class LocalEngine implements AutoCloseable {
    private final Backend backend;
    private final Map<String, LoadedModel> loaded = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    /** A loaded model: the id to put in requests and what validation found. */
    public record LoadedModel(String id, ModelInfo info) {
    }

    LocalEngine(Backend backend) {
        this.backend = backend;
    }

    /** For tests in this package (e.g. the worker crash hook). */
    Backend backend() {
        return backend;
    }

    /** Models run in a worker process started now (same java binary and class path). */
    public static LocalEngine inWorker() throws LocalEngineException {
        return inWorker(WorkerOptions.defaults());
    }

    public static LocalEngine inWorker(WorkerOptions options) throws LocalEngineException {
        return new LocalEngine(new WorkerBackend(options));
    }

    /** Models run in this JVM: no crash isolation. */
    public static LocalEngine inProcess() {
        return new LocalEngine(new InProcessBackend());
    }

    /** Checks a folder fully (files, ONNX session, decoder I/O, tokenizer vs logits) and unloads it again. */
    public ModelInfo validate(Path dir) throws LocalEngineException {
        return backend.validate(dir, LoadOptions.defaults());
    }

    public ModelInfo validate(Path dir, LoadOptions options) throws LocalEngineException {
        return backend.validate(dir, options);
    }

    /** Loads a model and keeps it loaded (warm) until {@link #unload}. */
    public LoadedModel load(Path dir, LoadOptions options) throws LocalEngineException {
        String id = "m" + ids.incrementAndGet() + "-" + dir.getFileName();
        ModelInfo info = backend.load(id, dir.toAbsolutePath(), options == null ? LoadOptions.defaults() : options);
        LoadedModel m = new LoadedModel(id, info);
        loaded.put(id, m);
        return m;
    }

    /**
     * Starts a generation; tokens and exactly one terminal callback arrive on an engine thread.
     * Runs on the engine are sequential: a second call waits for the first to end.
     */
    public GenerationHandle generate(GenerationRequest request, TokenListener listener) {
        if (!loaded.containsKey(request.modelId())) {
            OnceListener once = new OnceListener(listener);
            once.onError(new LocalEngineException(LocalEngineException.Kind.BAD_REQUEST,
                    "Model " + request.modelId() + " is not loaded; load it first."));
            return new GenerationHandle() {
                @Override
                public void cancel() {
                }

                @Override
                public boolean isDone() {
                    return true;
                }
            };
        }
        return backend.generate(request, listener);
    }

    public void unload(String modelId) {
        if (loaded.remove(modelId) != null) {
            backend.unload(modelId);
        }
    }

    @Override
    public void close() {
        loaded.clear();
        backend.close();
    }
}
