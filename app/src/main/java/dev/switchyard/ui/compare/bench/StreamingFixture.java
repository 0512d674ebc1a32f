package dev.switchyard.ui.compare.bench;

import dev.switchyard.cloud.bench.LoopbackStreamServer;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback OpenAI-compatible server that streams a Markdown answer at a fixed token rate, and a workspace
 * whose models point at it (provider without a key). A model whose name contains "broken" drops the connection
 * after 60 tokens (to show a failed pane). Used by the FX pulse benchmark and for screenshots.
 *
 * <p>{@link #startProcess} runs it in a JVM of its own, as a local server (Ollama, a gateway) runs beside the app:
 * its threads, allocation and JIT compilations then stay out of the app's JVM. {@link #main} is that JVM's entry
 * point: it prints the base URL on one line and serves until its standard input closes (the benchmark ending, or
 * dying, closes it).
 */
public final class StreamingFixture implements AutoCloseable {

    /** Where the answers come from: this JVM's server, or the one of a server process. */
    public interface Server extends AutoCloseable {
        String baseUrl();

        /** CPU time the server process has used, in ms; -1 when the server runs in this JVM. */
        default long processCpuMs() {
            return -1;
        }

        @Override
        void close();
    }

    private static final Pattern MODEL = Pattern.compile("\"model\"\\s*:\\s*\"([^\"]+)\"");
    private static final String ANSWER = """
            ## Rollout plan

            Ship the **offline intent model** first, then route *complex* questions to the cloud.

            1. Measure `ttft` on the device
            2. Compare cost per 1,000 prompts
            3. Keep a fallback when offline

            ```java
            var policy = Policy.firstMatch(rules).orElse(cloud);
            ```

            - Local answers stay private
            - Cloud answers cost money but handle long context

            > Measure before you decide.

            """;

    private final LoopbackStreamServer server;
    private final int tokensPerSecond;
    private final int tokensPerAnswer;

    public StreamingFixture(int tokensPerSecond, int tokensPerAnswer) throws IOException {
        this.tokensPerSecond = tokensPerSecond;
        this.tokensPerAnswer = tokensPerAnswer;
        this.server = new LoopbackStreamServer(this::answer);
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** This fixture as a {@link Server} in this JVM. */
    public Server inThisJvm() {
        return new Server() {
            @Override
            public String baseUrl() {
                return StreamingFixture.this.baseUrl();
            }

            @Override
            public void close() {
                StreamingFixture.this.close();
            }
        };
    }

    /**
     * Starts the fixture in a JVM of its own (this JVM's launcher and class path; C1 only with one compiler thread,
     * the serial collector and a 64 MB heap: a small server process) and waits for its base URL.
     */
    public static Server startProcess(int tokensPerSecond, int tokensPerAnswer) throws IOException {
        Path launcher = dev.switchyard.app.UiJvm.javaLauncher(
                ProcessHandle.current().info().command().map(Path::of).orElse(null), Path.of(System.getProperty("java.home")));
        Process p = new ProcessBuilder(launcher.toString(), "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
                "-XX:+UseSerialGC", "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                StreamingFixture.class.getName(), String.valueOf(tokensPerSecond), String.valueOf(tokensPerAnswer))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        java.io.BufferedReader out = new java.io.BufferedReader(
                new java.io.InputStreamReader(p.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
        String url = out.readLine();
        if (url == null || !url.startsWith("http://")) {
            p.destroyForcibly();
            throw new IOException("the streaming server process did not start (it printed: " + url + ")");
        }
        return new Server() {
            @Override
            public String baseUrl() {
                return url;
            }

            @Override
            public long processCpuMs() {
                return p.info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
            }

            @Override
            public void close() {
                try {
                    p.getOutputStream().close(); // the server ends when its input closes
                    if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                } catch (IOException e) {
                    p.destroyForcibly();
                } catch (InterruptedException e) {
                    p.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    /** The server process: {@code StreamingFixture <tokens per second> <tokens per answer>}. */
    public static void main(String[] args) throws IOException {
        try (StreamingFixture f = new StreamingFixture(Integer.parseInt(args[0]), Integer.parseInt(args[1]))) {
            // a local server has been up for a while: its streaming code is compiled before the benchmark starts
            try (StreamingFixture warm = new StreamingFixture(100_000, 2_000)) {
                for (int i = 0; i < 5; i++) {
                    try (java.net.Socket s = new java.net.Socket("127.0.0.1", warm.server.port())) {
                        s.getOutputStream().write(("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 19\r\n\r\n"
                                + "{\"model\":\"warm-up\"}").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                        s.shutdownOutput();
                        s.getInputStream().readAllBytes();
                    }
                }
            }
            System.out.println(f.baseUrl());
            System.out.flush();
            while (System.in.read() != -1) {
                // serve until the benchmark closes our input (or ends)
            }
        }
        System.exit(0);
    }

    /** Creates (or reuses) a workspace with {@code names} as models of one keyless provider on this server. */
    public List<Model> workspace(Path file, List<String> names) {
        return workspace(file, names, baseUrl());
    }

    /** Creates (or reuses) a workspace with {@code names} as models of one keyless provider at {@code baseUrl}. */
    public static List<Model> workspace(Path file, List<String> names, String baseUrl) {
        List<Model> out = new ArrayList<>();
        try (Workspace ws = Workspace.open(file)) {
            Provider p = ws.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "Loopback gateway", baseUrl, null, null));
            int i = 0;
            for (String name : names) {
                Model m = ws.models().insert(Model.of(p.id(), name, name, dev.switchyard.workspace.model.ModelKind.CLOUD,
                        128_000, null, "{}"));
                ws.prices().insert(dev.switchyard.workspace.model.PriceRow.of(m.id(), BigDecimal.valueOf(0.15 * (i + 1)),
                        null, BigDecimal.valueOf(0.60 * (i + 1)), "benchmark", LocalDate.of(2026, 1, 1)));
                out.add(m);
                i++;
            }
        }
        return out;
    }

    private void answer(LoopbackStreamServer.Exchange ex) throws IOException {
        Matcher m = MODEL.matcher(ex.body());
        String model = m.find() ? m.group(1) : "model";
        ex.startChunked(200, "text/event-stream");
        List<String> pieces = pieces();
        long period = 1_000_000_000L / tokensPerSecond;
        long start = System.nanoTime();
        for (int i = 0; i < tokensPerAnswer; i++) {
            if (model.contains("broken") && i == 60) {
                ex.disconnect();
                return;
            }
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String piece = pieces.get(i % pieces.size());
            ex.chunk("data: {\"id\":\"b\",\"model\":\"" + model + "\",\"choices\":[{\"index\":0,\"delta\":{\"content\":"
                    + json(piece) + "},\"finish_reason\":null}]}\n\n");
        }
        ex.chunk("data: {\"id\":\"b\",\"model\":\"" + model + "\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        ex.chunk("data: {\"id\":\"b\",\"model\":\"" + model + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":42,"
                + "\"completion_tokens\":" + tokensPerAnswer + ",\"total_tokens\":" + (42 + tokensPerAnswer) + "}}\n\n");
        ex.chunk("data: [DONE]\n\n");
        ex.endChunked();
    }

    private static List<String> pieces() {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\S+|\\s+").matcher(ANSWER);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    @Override
    public void close() {
        server.close();
    }
}
