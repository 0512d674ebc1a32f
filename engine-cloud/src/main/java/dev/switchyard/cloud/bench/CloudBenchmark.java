package dev.switchyard.cloud.bench;

import dev.switchyard.cloud.ApiKind;
import dev.switchyard.cloud.ChatListener;
import dev.switchyard.cloud.ChatRequest;
import dev.switchyard.cloud.ChatResult;
import dev.switchyard.cloud.CloudClient;
import dev.switchyard.cloud.CloudClients;
import dev.switchyard.cloud.CloudException;
import dev.switchyard.cloud.EndpointConfig;
import dev.switchyard.cloud.RetryPolicy;
import dev.switchyard.cloud.internal.OpenAiProtocol;
import dev.switchyard.cloud.internal.Protocol;
import dev.switchyard.cloud.internal.RunSink;
import dev.switchyard.cloud.internal.SseReader;
import dev.switchyard.cloud.internal.UsageParts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okio.Buffer;

/**
 * Benchmarks of the cloud client on loopback (the app's {@code bench cloud} command calls {@link #run}):
 * <ol>
 *   <li>TTFT overhead: time to the first content byte read with a raw {@link Socket} versus time to
 *       {@code onToken} through the client, same server, same stream, p50/p95 (target overhead &lt; 2 ms p50);</li>
 *   <li>parse throughput: SSE chunks/s end to end over loopback and for the reader + parser alone
 *       (target &gt; 50 000 chunks/s).</li>
 * </ol>
 */
public final class CloudBenchmark {

    private static final int WARMUP = 300;
    private static final int RUNS = 1000;
    private static final int THROUGHPUT_CHUNKS = 200_000;
    private static final String FIRST = chunk("Hello");
    private static final String TAIL = "data: {\"model\":\"bench\",\"choices\":[{\"index\":0,\"delta\":{},"
            + "\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";

    private CloudBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        run(System.out);
    }

    /** Runs both benchmarks and prints the figures. */
    public static void run(PrintStream out) throws Exception {
        out.println("Switchyard engine-cloud benchmark (loopback, no network)");
        out.println("machine: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
                + System.getProperty("java.version"));
        ttftOverhead(out);
        throughput(out);
        coldStart(out);
    }

    /**
     * The first stream of a fresh JVM, without and with {@link dev.switchyard.cloud.WarmUp} before it, in child JVMs
     * started alternately: with the default compilers (as the CLI runs) and with C1 only (as the window runs).
     */
    private static void coldStart(PrintStream out) throws Exception {
        String launcher = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        out.println("First stream of a fresh JVM (TTFT, ms; 5 child JVMs each, started alternately):");
        for (String[] flags : new String[][] {{}, {"-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.2"}}) {
            java.util.List<String> cold = new java.util.ArrayList<>();
            java.util.List<String> warm = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                cold.add(childTtft(launcher, flags, false));
                warm.add(childTtft(launcher, flags, true));
            }
            String jit = flags.length == 0 ? "default compilers" : "C1 only (the window's JVM)";
            out.printf("  %s: no warm-up %s; after the warm-up %s%n", jit, cold, warm);
        }
    }

    private static String childTtft(String launcher, String[] flags, boolean warmUp) throws Exception {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(launcher));
        cmd.addAll(java.util.List.of(flags));
        cmd.addAll(java.util.List.of("-cp", System.getProperty("java.class.path"), ColdStream.class.getName()));
        if (warmUp) {
            cmd.add("warm-up");
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        return output.startsWith("ttft ") ? output.substring(5) : "failed: " + output;
    }

    static String chunk(String content) {
        return "data: {\"id\":\"b\",\"object\":\"chat.completion.chunk\",\"model\":\"bench\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"content\":\"" + content + "\"},\"finish_reason\":null}]}\n\n";
    }

    private static void ttftOverhead(PrintStream out) throws Exception {
        try (LoopbackStreamServer server = new LoopbackStreamServer(ex -> {
            ex.startChunked(200, "text/event-stream");
            ex.chunk(FIRST);
            ex.chunk(TAIL);
            ex.endChunked();
        }); CloudClients clients = CloudClients.create()) {
            CloudClient client = clients.client(EndpointConfig.builder(ApiKind.OPENAI, server.baseUrl()).build());
            ChatRequest request = ChatRequest.builder("bench").user("hi").retryPolicy(RetryPolicy.NONE).build();
            byte[] rawRequest = rawRequest(server.port(), request);
            double[] raw = new double[RUNS];
            double[] viaClient = new double[RUNS];
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                socket.setTcpNoDelay(true);
                for (int i = 0; i < WARMUP + RUNS; i++) {
                    double r = rawOnce(socket, rawRequest);
                    double c = clientOnce(client, request);
                    if (i >= WARMUP) {
                        raw[i - WARMUP] = r;
                        viaClient[i - WARMUP] = c;
                    }
                }
            }
            Arrays.sort(raw);
            Arrays.sort(viaClient);
            out.printf("TTFT, %d runs after %d warm-up (persistent connections both ways):%n", RUNS, WARMUP);
            out.printf("  raw socket, request → first content byte: p50 %.3f ms, p95 %.3f ms%n",
                    pct(raw, 50), pct(raw, 95));
            out.printf("  client, stream() → onToken:               p50 %.3f ms, p95 %.3f ms%n",
                    pct(viaClient, 50), pct(viaClient, 95));
            out.printf("  client overhead: p50 %.3f ms, p95 %.3f ms (target < 2 ms at p50)%n",
                    pct(viaClient, 50) - pct(raw, 50), pct(viaClient, 95) - pct(raw, 95));
        }
    }

    private static byte[] rawRequest(int port, ChatRequest request) throws IOException {
        okhttp3.Request r = new OpenAiProtocol(EndpointConfig.builder(ApiKind.OPENAI, "http://127.0.0.1:" + port + "/v1")
                .build()).chatRequest(request, true);
        Buffer body = new Buffer();
        r.body().writeTo(body);
        byte[] b = body.readByteArray();
        String head = "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: application/json\r\nAccept: text/event-stream\r\nContent-Length: " + b.length
                + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(h, h.length + b.length);
        System.arraycopy(b, 0, all, h.length, b.length);
        return all;
    }

    /** Writes the request, returns ms to the first content bytes, then drains to the end of the response. */
    private static double rawOnce(Socket socket, byte[] request) throws IOException {
        OutputStream os = socket.getOutputStream();
        InputStream is = socket.getInputStream();
        long t0 = System.nanoTime();
        os.write(request);
        os.flush();
        byte[] buf = new byte[8192];
        StringBuilder seen = new StringBuilder();
        long first = 0;
        while (true) {
            int n = is.read(buf);
            if (n < 0) {
                throw new IOException("server closed");
            }
            seen.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
            if (first == 0 && seen.indexOf("data:") >= 0) {
                first = System.nanoTime();
            }
            if (seen.indexOf("\r\n0\r\n\r\n") >= 0) {
                return (first - t0) / 1e6;
            }
        }
    }

    private static double clientOnce(CloudClient client, ChatRequest request) throws Exception {
        CompletableFuture<Long> firstToken = new CompletableFuture<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        long t0 = System.nanoTime();
        client.stream(request, new ChatListener() {
            @Override
            public void onToken(String text) {
                firstToken.complete(System.nanoTime());
            }

            @Override
            public void onComplete(ChatResult result) {
                done.complete(null);
            }

            @Override
            public void onError(CloudException error) {
                done.completeExceptionally(error);
            }
        });
        long t1 = firstToken.get(10, TimeUnit.SECONDS);
        done.get(10, TimeUnit.SECONDS);
        return (t1 - t0) / 1e6;
    }

    private static void throughput(PrintStream out) throws Exception {
        StringBuilder sb = new StringBuilder(THROUGHPUT_CHUNKS * 120);
        for (int i = 0; i < THROUGHPUT_CHUNKS; i++) {
            sb.append(chunk("tok"));
        }
        sb.append(TAIL);
        String body = sb.toString();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        // Reader + parser alone, from memory.
        Protocol protocol = new OpenAiProtocol(EndpointConfig.builder(ApiKind.OPENAI, "http://127.0.0.1/v1").build());
        double best = 0;
        for (int round = 0; round < 8; round++) {
            CountingSink sink = new CountingSink();
            Protocol.StreamParser parser = protocol.newStreamParser();
            long t0 = System.nanoTime();
            SseReader.read(new Buffer().write(bytes), new SseReader.Handler() {
                @Override
                public void onActivity(long nanos) {
                }

                @Override
                public void onEvent(String type, String data, long nanos) {
                    parser.onEvent(type, data, nanos, sink);
                }

                @Override
                public boolean stopped() {
                    return sink.ended;
                }
            });
            double secs = (System.nanoTime() - t0) / 1e9;
            best = Math.max(best, sink.tokens / secs);
        }
        out.printf("Parse throughput, %d chunks (%.1f MB):%n", THROUGHPUT_CHUNKS, bytes.length / 1e6);
        out.printf("  SSE reader + JSON parser, in memory: %,.0f chunks/s (best of 8 rounds)%n", best);

        try (LoopbackStreamServer server = new LoopbackStreamServer(
                ex -> ex.respond(200, "text/event-stream", body)); CloudClients clients = CloudClients.create()) {
            CloudClient client = clients.client(EndpointConfig.builder(ApiKind.OPENAI, server.baseUrl()).build());
            ChatRequest request = ChatRequest.builder("bench").user("hi").retryPolicy(RetryPolicy.NONE).build();
            double bestE2e = 0;
            for (int round = 0; round < 8; round++) {
                int[] count = {0};
                CompletableFuture<ChatResult> done = new CompletableFuture<>();
                long t0 = System.nanoTime();
                client.stream(request, new ChatListener() {
                    @Override
                    public void onToken(String text) {
                        count[0]++;
                    }

                    @Override
                    public void onComplete(ChatResult result) {
                        done.complete(result);
                    }

                    @Override
                    public void onError(CloudException error) {
                        done.completeExceptionally(error);
                    }
                });
                done.get(120, TimeUnit.SECONDS);
                double secs = (System.nanoTime() - t0) / 1e9;
                bestE2e = Math.max(bestE2e, count[0] / secs);
            }
            out.printf("  client end to end over loopback (HTTP, SSE, JSON, listener): %,.0f chunks/s "
                    + "(best of 8 rounds; target > 50,000)%n", bestE2e);
        }
    }

    private static double pct(double[] sorted, int p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    /** Counts tokens for the in-memory parse benchmark. */
    private static final class CountingSink implements RunSink {
        private final UsageParts usage = new UsageParts();
        long tokens;
        boolean ended;

        @Override
        public void token(String text, long nanos) {
            tokens++;
        }

        @Override
        public void reasoning(String text, long nanos) {
            tokens++;
        }

        @Override
        public void model(String name) {
        }

        @Override
        public void finishReason(String reason) {
        }

        @Override
        public void end() {
            ended = true;
        }

        @Override
        public UsageParts usage() {
            return usage;
        }
    }
}
