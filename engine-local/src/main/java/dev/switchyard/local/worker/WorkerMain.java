package dev.switchyard.local.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.local.GenerationHandle;
import dev.switchyard.local.GenerationRequest;
import dev.switchyard.local.InProcessBackend;
import dev.switchyard.local.LoadOptions;
import dev.switchyard.local.LocalEngineException;
import dev.switchyard.local.LocalResult;
import dev.switchyard.local.ModelInfo;
import dev.switchyard.local.TokenListener;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The worker process: reads commands from stdin, runs them on an {@link InProcessBackend}, writes
 * events to stdout. System.out is redirected to stderr so only protocol lines reach stdout.
 */
public final class WorkerMain {
    private final PrintStream out;
    private final InProcessBackend backend = new InProcessBackend();
    private final Map<String, GenerationHandle> runs = new ConcurrentHashMap<>();
    private final ExecutorService ops = Executors.newSingleThreadExecutor();
    private final boolean testHooks = Boolean.getBoolean("switchyard.worker.testHooks");
    /** Test hooks only: a fault armed by a "crash" or "exhaust-heap" command, fired right after the next token is sent. */
    private final AtomicReference<Runnable> armedFault = new AtomicReference<>();

    private WorkerMain(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        new WorkerMain(protocol).serve();
    }

    private void serve() throws IOException {
        send(Protocol.obj().put("type", "ready").put("pid", ProcessHandle.current().pid()));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode cmd;
            try {
                cmd = Protocol.JSON.readTree(line);
            } catch (IOException e) {
                System.err.println("switchyard worker: ignoring a line that is not JSON: " + e.getMessage());
                continue;
            }
            String id = cmd.path("id").asText("");
            try {
                if (handle(cmd, id, line)) {
                    return;
                }
            } catch (RuntimeException e) {
                send(Protocol.error(id, new LocalEngineException(LocalEngineException.Kind.BAD_REQUEST,
                        "The worker could not handle a " + cmd.path("op").asText() + " command: " + e, e)));
            }
        }
        backend.close();
        ops.shutdown();
    }

    /** Handles one command; returns true on shutdown. */
    private boolean handle(JsonNode cmd, String id, String line) {
        switch (cmd.path("op").asText()) {
            case "validate":
            case "load":
                ops.execute(() -> loadOrValidate(cmd, id));
                break;
            case "generate":
                generate(cmd, id);
                break;
            case "cancel":
                GenerationHandle h = runs.get(id);
                if (h != null) {
                    h.cancel();
                }
                break;
            case "unload":
                backend.unload(cmd.path("model").asText());
                break;
            case "crash":
                if (testHooks) {
                    armedFault.set(() -> {
                        System.err.println("switchyard worker: test hook halting with exit code 134");
                        Runtime.getRuntime().halt(134);
                    });
                }
                break;
            case "exhaust-heap":
                if (testHooks) {
                    armedFault.set(WorkerMain::exhaustHeap);
                }
                break;
            case "shutdown":
                backend.close();
                ops.shutdown();
                return true;
            default:
                System.err.println("switchyard worker: unknown command " + line);
        }
        return false;
    }

    /** Test hook: fills the heap; with -XX:+ExitOnOutOfMemoryError the JVM then exits (code 3). */
    private static void exhaustHeap() {
        java.util.List<long[]> hog = new java.util.ArrayList<>();
        while (true) {
            hog.add(new long[1 << 20]);
        }
    }

    private void loadOrValidate(JsonNode cmd, String id) {
        LoadOptions opts = new LoadOptions(cmd.hasNonNull("variant") ? cmd.get("variant").asText() : null,
                cmd.path("threads").asInt(0), cmd.path("fuseAttention").asBoolean(true));
        Path dir = Path.of(cmd.path("dir").asText());
        try {
            ModelInfo info = cmd.path("op").asText().equals("load")
                    ? backend.load(cmd.path("model").asText(), dir, opts) : backend.validate(dir, opts);
            ObjectNode ok = Protocol.obj().put("id", id).put("type", "ok");
            ok.set("info", Protocol.info(info));
            send(ok);
        } catch (LocalEngineException e) {
            send(Protocol.error(id, e));
        } catch (RuntimeException | OutOfMemoryError e) {
            send(Protocol.error(id, new LocalEngineException(LocalEngineException.Kind.RUNTIME_FAILURE,
                    "Loading " + dir + " failed: " + e, e)));
        }
    }

    private void generate(JsonNode cmd, String id) {
        GenerationRequest request = Protocol.read(cmd.get("request"), GenerationRequest.class);
        long loadMillis = cmd.path("loadMillis").asLong(0);
        TokenListener listener = new TokenListener() {
            @Override
            public void onStarted() {
                send(Protocol.obj().put("id", id).put("type", "started"));
            }

            @Override
            public void onToken(String text) {
                send(Protocol.obj().put("id", id).put("type", "token").put("text", text));
                Runnable fault = armedFault.getAndSet(null);
                if (fault != null) {
                    fault.run(); // on the generation thread, so the run is surely still going
                }
            }

            @Override
            public void onComplete(LocalResult result) {
                runs.remove(id);
                ObjectNode n = Protocol.obj().put("id", id).put("type", "complete");
                n.set("result", Protocol.tree(result));
                send(n);
            }

            @Override
            public void onError(LocalEngineException error) {
                runs.remove(id);
                send(Protocol.error(id, error));
            }
        };
        GenerationHandle handle = backend.generate(request, listener, loadMillis);
        runs.put(id, handle);
        if (handle.isDone()) {
            runs.remove(id);
        }
    }

    private synchronized void send(JsonNode node) {
        out.println(Protocol.line(node));
    }
}
