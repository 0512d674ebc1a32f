package dev.switchyard.local.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.local.Backend;
import dev.switchyard.local.GenerationHandle;
import dev.switchyard.local.GenerationRequest;
import dev.switchyard.local.LoadOptions;
import dev.switchyard.local.LocalEngineException;
import dev.switchyard.local.LocalEngineException.Kind;
import dev.switchyard.local.LocalResult;
import dev.switchyard.local.ModelInfo;
import dev.switchyard.local.StopReason;
import dev.switchyard.local.TokenListener;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Host side of the worker process. Keeps one worker warm, reloads models into a restarted worker on
 * demand, runs generations one at a time (a dispatcher thread waits for each run's terminal event),
 * and turns a worker death into a WORKER_CRASHED error for whatever was in flight.
 */
public final class WorkerBackend implements Backend {
    private final WorkerOptions options;
    private final Map<String, Registered> registry = new ConcurrentHashMap<>();
    private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(r -> daemon(r, "switchyard-worker-dispatch"));
    private final AtomicInteger requestIds = new AtomicInteger();
    private volatile WorkerProcess worker;
    private volatile boolean closed;

    private record Registered(Path dir, LoadOptions options) {
    }

    public WorkerBackend(WorkerOptions options) throws LocalEngineException {
        this.options = options;
        this.worker = WorkerProcess.start(options, this::restartAfterCrash);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Called on the dead worker's reader thread: start a fresh worker (models reload on their next run). */
    private synchronized void restartAfterCrash(WorkerProcess dead) {
        if (closed || worker != dead) {
            return;
        }
        try {
            worker = WorkerProcess.start(options, this::restartAfterCrash);
        } catch (LocalEngineException e) {
            System.err.println("switchyard: " + e.getMessage() + " (will retry on the next request)");
        }
    }

    /** The worker's process id (tests use it to check restarts). */
    public long workerPid() {
        return alive().pid();
    }

    private synchronized WorkerProcess alive() {
        if (closed) {
            throw new IllegalStateException("The local engine is closed.");
        }
        if (!worker.isAlive()) {
            try {
                worker = WorkerProcess.start(options, this::restartAfterCrash);
            } catch (LocalEngineException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return worker;
    }

    private JsonNode call(ObjectNode cmd, String what) throws LocalEngineException {
        WorkerProcess w;
        try {
            w = alive();
        } catch (IllegalStateException e) {
            throw new LocalEngineException(Kind.WORKER_CRASHED, e.getMessage(), e);
        }
        String id = "r" + requestIds.incrementAndGet();
        cmd.put("id", id);
        CompletableFuture<JsonNode> reply = w.call(id, cmd, what);
        try {
            JsonNode r = reply.get();
            if (r.path("type").asText().equals("error")) {
                throw Protocol.error(r);
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalEngineException(Kind.RUNTIME_FAILURE, "Interrupted while " + what + ".", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LocalEngineException) {
                throw (LocalEngineException) e.getCause();
            }
            throw new LocalEngineException(Kind.RUNTIME_FAILURE, what + " failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public ModelInfo validate(Path dir, LoadOptions opts) throws LocalEngineException {
        ObjectNode cmd = Protocol.obj().put("op", "validate").put("dir", dir.toAbsolutePath().toString())
                .put("threads", opts.intraThreads()).put("fuseAttention", opts.fuseAttention());
        cmd.put("variant", opts.variant());
        return Protocol.info(call(cmd, "validating " + dir).get("info"));
    }

    @Override
    public ModelInfo load(String modelId, Path dir, LoadOptions opts) throws LocalEngineException {
        registry.put(modelId, new Registered(dir, opts));
        ModelInfo info = loadInto(modelId);
        return info;
    }

    private ModelInfo loadInto(String modelId) throws LocalEngineException {
        Registered r = registry.get(modelId);
        ObjectNode cmd = Protocol.obj().put("op", "load").put("model", modelId).put("dir", r.dir().toString())
                .put("threads", r.options().intraThreads()).put("fuseAttention", r.options().fuseAttention());
        cmd.put("variant", r.options().variant());
        ModelInfo info = Protocol.info(call(cmd, "loading " + r.dir()).get("info"));
        alive().markLoaded(modelId);
        return info;
    }

    @Override
    public GenerationHandle generate(GenerationRequest request, TokenListener listener) {
        AtomicBoolean cancelled = new AtomicBoolean();
        RemoteRun run = new RemoteRun(request, listener);
        try {
            dispatcher.execute(new DispatchTask(run, () -> dispatch(run, cancelled)));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            run.fail(new LocalEngineException(Kind.BAD_REQUEST, "The local engine is closed."));
        }
        return new GenerationHandle() {
            @Override
            public void cancel() {
                cancelled.set(true);
                run.cancel();
            }

            @Override
            public boolean isDone() {
                return run.isDone();
            }
        };
    }

    private void dispatch(RemoteRun run, AtomicBoolean cancelled) {
        String modelId = run.request().modelId();
        String modelName = String.valueOf(registry.containsKey(modelId) ? registry.get(modelId).dir().getFileName() : modelId);
        if (cancelled.get()) {
            run.fail(new LocalEngineException(Kind.CANCELLED, "The run on " + modelName + " was cancelled before it started.",
                    LocalResultFactory.empty(StopReason.CANCELLED), null));
            return;
        }
        long loadMillis = 0;
        try {
            WorkerProcess w = alive();
            if (!w.hasLoaded(modelId)) {
                if (!registry.containsKey(modelId)) {
                    throw new LocalEngineException(Kind.BAD_REQUEST, "Model " + modelId + " is not loaded.");
                }
                loadMillis = loadInto(modelId).loadMillis();
            }
            w = alive();
            String id = "g" + requestIds.incrementAndGet();
            ObjectNode cmd = Protocol.obj().put("op", "generate").put("id", id).put("loadMillis", loadMillis);
            cmd.set("request", Protocol.tree(run.request()));
            w.startRun(id, cmd, run, modelName);
            run.awaitDone();
        } catch (LocalEngineException e) {
            run.fail(e);
        } catch (RuntimeException e) {
            run.fail(new LocalEngineException(Kind.WORKER_CRASHED, "The local model worker could not run " + modelName + ": " + e, e));
        }
    }

    @Override
    public void unload(String modelId) {
        registry.remove(modelId);
        WorkerProcess w = worker;
        if (w.isAlive()) {
            w.send(Protocol.obj().put("op", "unload").put("model", modelId));
            w.markUnloaded(modelId);
        }
    }

    /**
     * Test hook: arms the worker to die with Runtime.halt right after it sends the next token of any run, so a run
     * started after this call is surely cut mid-stream (only honoured with testHooks).
     */
    public void crashWorkerForTest() {
        worker.send(Protocol.obj().put("op", "crash"));
    }

    /** Test hook: arms the worker to fill its heap right after it sends the next token (only honoured with testHooks). */
    public void exhaustWorkerHeapForTest() {
        worker.send(Protocol.obj().put("op", "exhaust-heap"));
    }

    /** A queued run, so close() can end the runs that never started. */
    private record DispatchTask(RemoteRun remote, Runnable body) implements Runnable {
        @Override
        public void run() {
            body.run();
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Runnable r : dispatcher.shutdownNow()) {
            if (r instanceof DispatchTask) {
                ((DispatchTask) r).remote().fail(new LocalEngineException(Kind.CANCELLED,
                        "The local engine was closed before the run started.", LocalResultFactory.empty(StopReason.CANCELLED), null));
            }
        }
        worker.shutdown();
    }
}
