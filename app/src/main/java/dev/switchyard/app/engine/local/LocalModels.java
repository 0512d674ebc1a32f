package dev.switchyard.app.engine.local;

import dev.switchyard.local.LoadOptions;
import dev.switchyard.local.LocalEngine;
import dev.switchyard.local.LocalEngineException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The app's one local engine: a worker process started on first use (so a model that crashes ONNX
 * Runtime cannot take the app down), with every model loaded once and kept warm. Owned by
 * {@link dev.switchyard.app.AppContext}, closed with it.
 */
public final class LocalModels implements AutoCloseable {

    /** A model loaded for a run; {@code loadMillis} is non-zero only for the run that loaded it. */
    public record Loaded(String id, long loadMillis) {
    }

    /**
     * A load refused because of the model's files (damaged, not ONNX, missing, not this model's tokenizer …): the
     * engine's kind and sentence, remembered while the folder's files stay as they were, so that the picker stops
     * calling the model ready after its first run failed.
     */
    public record LoadFailure(LocalEngineException.Kind kind, String message) {
    }

    /** Failure kinds that come from the files: running again gives the same answer until they change. */
    private static final java.util.Set<LocalEngineException.Kind> FILE_KINDS = java.util.EnumSet.of(
            LocalEngineException.Kind.CORRUPT_MODEL, LocalEngineException.Kind.NOT_ONNX,
            LocalEngineException.Kind.MODEL_NOT_FOUND, LocalEngineException.Kind.CONFIG_INVALID,
            LocalEngineException.Kind.TOKENIZER_MISMATCH, LocalEngineException.Kind.NOT_A_DECODER,
            LocalEngineException.Kind.UNSUPPORTED_MODEL);

    private record Failed(LoadFailure failure, String files) {
    }

    private final Map<String, Failed> failedLoads = new ConcurrentHashMap<>();

    private final EngineStarter starter;
    /** The model files' integrity checks and their hash cache, shared by every check in this process. */
    private final dev.switchyard.local.catalog.ModelFileIntegrity integrity = new dev.switchyard.local.catalog.ModelFileIntegrity();
    private final Map<String, String> loadedIds = new ConcurrentHashMap<>();
    /** One lock per model file, so two runs of a model load it once without holding up anything else. */
    private final Map<String, Object> loading = new ConcurrentHashMap<>();
    private LocalEngine engine;
    /** Models being loaded now (keys as in {@link #ensureLoaded}), and who wants to hear when that changes. */
    private final java.util.Set<String> loadingNow = ConcurrentHashMap.newKeySet();
    private final java.util.List<Runnable> loadListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Runs handed to the engine and not ended: a run started meanwhile waits for the device. */
    private final AtomicInteger runsInFlight = new AtomicInteger();

    /** How the engine is started: a worker process in the app, in-process in some tests. */
    @FunctionalInterface
    public interface EngineStarter {
        LocalEngine start() throws LocalEngineException;
    }

    public LocalModels(EngineStarter starter) {
        this.starter = starter;
    }

    public static LocalModels inWorker() {
        return new LocalModels(LocalEngine::inWorker);
    }

    /**
     * Records and checks local models' files (sizes, times, checksums), with one cache of file hashes for the process
     * (INTENT-AND-CATALOG.md §2.5). Needs no engine.
     */
    public dev.switchyard.local.catalog.ModelFileIntegrity integrity() {
        return integrity;
    }

    public synchronized LocalEngine engine() throws LocalEngineException {
        if (engine == null) {
            engine = starter.start();
        }
        return engine;
    }

    /**
     * Loads the model folder (with this ONNX file variant, null = default) unless it is loaded already. The engine
     * queues a load behind the runs in flight (so it does not slow one being measured); meanwhile only this model's
     * other runs wait here — never a run that ends, which may need {@link #forgetLoaded} on its way out.
     * {@code onLoad} runs first when the model is not loaded yet (this call loads it, or waits for the one that does).
     */
    public Loaded ensureLoaded(Path folder, String variant, Runnable onLoad) throws LocalEngineException {
        String key = key(folder, variant);
        String id = loadedIds.get(key);
        if (id != null) {
            return new Loaded(id, 0);
        }
        onLoad.run();
        synchronized (loading.computeIfAbsent(key, k -> new Object())) {
            id = loadedIds.get(key);
            if (id != null) {
                return new Loaded(id, 0);
            }
            loadingNow.add(key);
            loadListeners.forEach(Runnable::run);
            try {
                LocalEngine.LoadedModel m;
                try {
                    m = engine().load(folder, variant == null ? LoadOptions.defaults() : LoadOptions.variant(variant));
                } catch (LocalEngineException e) {
                    if (FILE_KINDS.contains(e.kind())) {
                        failedLoads.put(key, new Failed(new LoadFailure(e.kind(), e.getMessage()), filesState(folder)));
                    }
                    throw e;
                }
                failedLoads.remove(key);
                loadedIds.put(key, m.id());
                // the engine's own figure: a wall clock here would also count the wait behind a run in flight
                return new Loaded(m.id(), Math.max(1, m.info().loadMillis()));
            } finally {
                loadingNow.remove(key);
                loadListeners.forEach(Runnable::run);
            }
        }
    }

    /**
     * The last load of this model that its files made fail, while the folder's files (names, sizes, times of the folder
     * and its onnx/ subfolder) are as they were then; empty once they changed or a load succeeded. Reads two listings.
     */
    public java.util.Optional<LoadFailure> loadFailure(Path folder, String variant) {
        String key = key(folder, variant);
        Failed f = failedLoads.get(key);
        if (f == null) {
            return java.util.Optional.empty();
        }
        if (!f.files().equals(filesState(folder))) {
            failedLoads.remove(key, f);
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(f.failure());
    }

    /** Names, sizes and times of the regular files in the folder and its onnx/ subfolder (hidden files left out). */
    private static String filesState(Path folder) {
        StringBuilder sb = new StringBuilder();
        for (Path dir : java.util.List.of(folder, folder.resolve("onnx"))) {
            if (!java.nio.file.Files.isDirectory(dir)) {
                sb.append(dir.getFileName()).append(":none;");
                continue;
            }
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
                files.filter(p -> !p.getFileName().toString().startsWith(".") && java.nio.file.Files.isRegularFile(p))
                        .sorted().forEach(p -> {
                            try {
                                sb.append(p.getFileName()).append(',').append(java.nio.file.Files.size(p)).append(',')
                                        .append(java.nio.file.Files.getLastModifiedTime(p).toMillis()).append(';');
                            } catch (java.io.IOException e) {
                                sb.append(p.getFileName()).append(",?;");
                            }
                        });
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                sb.append(dir.getFileName()).append(":unreadable;");
            }
        }
        return sb.toString();
    }

    /** True while this model is being loaded for a run. */
    public boolean isLoading(Path folder, String variant) {
        return loadingNow.contains(key(folder, variant));
    }

    /** Calls {@code listener} (on the loading thread) when a load begins and when it ends. */
    public void onLoadsChanged(Runnable listener) {
        loadListeners.add(listener);
    }

    private static String key(Path folder, String variant) {
        return folder.toAbsolutePath().normalize() + "#" + (variant == null ? "" : variant);
    }

    /** Unloads every loaded variant of the model in {@code folder} (before its files are deleted). */
    public synchronized void unload(Path folder) {
        String prefix = key(folder, null); // every variant's key starts with the default one's
        failedLoads.keySet().removeIf(k -> k.startsWith(prefix)); // imported or downloaded again: its files are new
        loadedIds.entrySet().removeIf(e -> {
            if (!e.getKey().startsWith(prefix)) {
                return false;
            }
            if (engine != null) {
                engine.unload(e.getValue());
            }
            return true;
        });
    }

    /** Counts a run handed to the engine; true when another one is in flight (the new one waits for it). */
    boolean runBegins() {
        return runsInFlight.getAndIncrement() > 0;
    }

    /** Counts a run that ended (once per {@link #runBegins}). */
    void runEnded() {
        runsInFlight.decrementAndGet();
    }

    /** Forgets loaded models after the worker restarted (it lost them). */
    public void forgetLoaded() {
        loadedIds.clear();
    }

    @Override
    public synchronized void close() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
        loadedIds.clear();
    }
}
