package dev.switchyard.local.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.local.LocalEngineException;
import dev.switchyard.local.LocalEngineException.Kind;
import dev.switchyard.local.LocalResult;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** One worker JVM: the pipe, a reader thread routing events, and the in-flight calls and runs. */
final class WorkerProcess {
    private final Process process;
    private final Writer stdin;
    private final Map<String, CompletableFuture<JsonNode>> calls = new ConcurrentHashMap<>();
    private final Map<String, String> callWhat = new ConcurrentHashMap<>();
    private final Map<String, RemoteRun> runs = new ConcurrentHashMap<>();
    private final Map<String, String> runModel = new ConcurrentHashMap<>();
    private final Set<String> loaded = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile Consumer<WorkerProcess> onDeath = w -> { };
    private volatile boolean shuttingDown;

    private WorkerProcess(Process process) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    static WorkerProcess start(WorkerOptions o, Consumer<WorkerProcess> onDeath) throws LocalEngineException {
        List<String> cmd = new ArrayList<>();
        cmd.add(o.javaCommand());
        cmd.addAll(o.jvmArgs());
        if (o.testHooks()) {
            cmd.add("-Dswitchyard.worker.testHooks=true");
        }
        cmd.add("-cp");
        cmd.add(o.classPath());
        cmd.add(WorkerMain.class.getName());
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new LocalEngineException(Kind.WORKER_CRASHED, "Cannot start the local model worker (" + o.javaCommand()
                    + "): " + e.getMessage(), e);
        }
        WorkerProcess w = new WorkerProcess(p);
        w.onDeath = onDeath;
        Thread reader = new Thread(w::readLoop, "switchyard-worker-reader-" + p.pid());
        reader.setDaemon(true);
        reader.start();
        try {
            w.ready.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new LocalEngineException(Kind.WORKER_CRASHED, "The local model worker did not start: " + e, e);
        }
        return w;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive() && !shuttingDown;
    }

    boolean hasLoaded(String modelId) {
        return loaded.contains(modelId);
    }

    void markLoaded(String modelId) {
        loaded.add(modelId);
    }

    void markUnloaded(String modelId) {
        loaded.remove(modelId);
    }

    CompletableFuture<JsonNode> call(String id, ObjectNode cmd, String what) {
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        calls.put(id, f);
        callWhat.put(id, what);
        if (!send(cmd)) {
            calls.remove(id);
            f.completeExceptionally(new LocalEngineException(Kind.WORKER_CRASHED,
                    "The local model worker is not running (while " + what + ")."));
        }
        return f;
    }

    void startRun(String id, ObjectNode cmd, RemoteRun run, String modelName) {
        runs.put(id, run);
        runModel.put(id, modelName);
        run.started(() -> send(Protocol.obj().put("op", "cancel").put("id", id)));
        if (!send(cmd)) {
            runs.remove(id);
            run.fail(new LocalEngineException(Kind.WORKER_CRASHED, "The local model worker is not running.", run.partialSoFar(), null));
        }
    }

    synchronized boolean send(JsonNode cmd) {
        try {
            stdin.write(Protocol.line(cmd));
            stdin.write('\n');
            stdin.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void readLoop() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("{")) {
                    System.err.println("[worker stdout] " + line);
                    continue;
                }
                route(Protocol.JSON.readTree(line));
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("switchyard: worker pipe failed: " + e);
        }
        died();
    }

    private void route(JsonNode n) {
        String type = n.path("type").asText();
        String id = n.path("id").asText("");
        if (type.equals("ready")) {
            ready.complete(null);
            return;
        }
        CompletableFuture<JsonNode> call = calls.remove(id);
        if (call != null) {
            callWhat.remove(id);
            call.complete(n);
            return;
        }
        RemoteRun run = runs.get(id);
        if (run == null) {
            return;
        }
        switch (type) {
            case "started":
                run.begun();
                break;
            case "token":
                run.token(n.path("text").asText());
                break;
            case "complete":
                runs.remove(id);
                run.complete(Protocol.read(n.get("result"), LocalResult.class));
                break;
            case "error":
                runs.remove(id);
                LocalEngineException e = Protocol.error(n);
                run.fail(e.partial().isPresent() ? e : e.withPartial(run.partialSoFar()));
                break;
            default:
                break;
        }
    }

    private void died() {
        int code;
        try {
            code = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = -1;
        }
        ready.completeExceptionally(new IllegalStateException("worker exited with code " + code + " before it was ready"));
        if (shuttingDown) {
            return;
        }
        onDeath.accept(this); // restarts the worker first, so the messages below are true
        for (Map.Entry<String, CompletableFuture<JsonNode>> c : calls.entrySet()) {
            c.getValue().completeExceptionally(new LocalEngineException(Kind.WORKER_CRASHED,
                    "The local model worker stopped unexpectedly (exit code " + code + ") while " + callWhat.get(c.getKey())
                            + "; it has been restarted."));
        }
        calls.clear();
        for (Map.Entry<String, RemoteRun> e : runs.entrySet()) {
            RemoteRun run = e.getValue();
            run.fail(new LocalEngineException(Kind.WORKER_CRASHED, "The local model worker stopped unexpectedly (exit code "
                    + code + ") while running " + runModel.get(e.getKey()) + "; it has been restarted.", run.partialSoFar(), null));
        }
        runs.clear();
    }

    void shutdown() {
        shuttingDown = true;
        for (RemoteRun run : runs.values()) {
            run.fail(new LocalEngineException(Kind.CANCELLED, "The local engine was closed during the run.",
                    run.partialSoFar().withStopReason(dev.switchyard.local.StopReason.CANCELLED), null));
        }
        runs.clear();
        for (CompletableFuture<JsonNode> c : calls.values()) {
            c.completeExceptionally(new LocalEngineException(Kind.CANCELLED, "The local engine was closed."));
        }
        calls.clear();
        send(Protocol.obj().put("op", "shutdown"));
        try {
            stdin.close();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
