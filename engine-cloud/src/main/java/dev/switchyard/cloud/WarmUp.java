package dev.switchyard.cloud;

import dev.switchyard.cloud.bench.LoopbackStreamServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the streaming client's whole path once per protocol over loopback, before the first real run: request
 * building, OkHttp's call, connection and chunked-body code, the SSE reader, the JSON parsing of chunks and the run
 * state machine. In a fresh JVM the first stream spends 0.3–0.5 s loading and compiling that code, and all of it
 * falls between dispatch and the first token, so the first cloud run of a session reported a time to first token
 * hundreds of milliseconds too long (engine-cloud decision D7). Nothing leaves the machine: the server is this JVM's
 * own, on 127.0.0.1, and closed at the end.
 */
public final class WarmUp {

    /**
     * What the warm-up measured: the time to first token of each stream in order (the first is the cold one), and the
     * wall time of the whole warm-up.
     */
    public record Result(List<Double> ttftMillis, double millis) {
        public Result {
            ttftMillis = List.copyOf(ttftMillis);
        }
    }

    private static final String OPENAI_CHUNK = "data: {\"id\":\"w\",\"object\":\"chat.completion.chunk\",\"model\":\"warm-up\","
            + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"word \"},\"finish_reason\":null}]}\n\n";

    /**
     * Chunks per warm-up answer: enough that the per-chunk code (SSE reader, chunk parser, run state) is called past
     * the JIT's compile thresholds in the window's JVM (README decision 19) before the first Run, not during it.
     */
    static final int CHUNKS = 64;

    private static final Timeouts LIMITS = new Timeouts(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(10),
            java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(30));

    private WarmUp() {
    }

    /**
     * Streams {@code streamsPerProtocol} short answers per protocol (OpenAI-compatible, then Anthropic) through a
     * client on {@code clients}' transport, one after the other, and returns their figures. The runs are not counted
     * in {@code clients.activeRuns()} and never cancelled by its {@code close()}.
     *
     * @throws IOException when the loopback server cannot start or a warm-up stream does not complete
     */
    public static Result run(CloudClients clients, int streamsPerProtocol) throws IOException {
        long start = System.nanoTime();
        List<Double> ttft = new ArrayList<>();
        try (LoopbackStreamServer server = new LoopbackStreamServer(WarmUp::answer);
             CloudClients own = CloudClients.using(clients.httpClient())) {
            for (ApiKind kind : List.of(ApiKind.OPENAI, ApiKind.ANTHROPIC)) {
                CloudClient client = own.client(EndpointConfig.builder(kind, server.baseUrl()).apiKey("warm-up").build());
                for (int i = 0; i < streamsPerProtocol; i++) {
                    ttft.add(stream(client));
                }
            }
        }
        return new Result(ttft, (System.nanoTime() - start) / 1e6);
    }

    /** One warm-up stream to its end (within seconds: a loopback answer that stalls fails the warm-up). */
    private static double stream(CloudClient client) throws IOException {
        try {
            Double ttft = client.complete(ChatRequest.builder("warm-up").user("Warm up.").maxTokens(CHUNKS).timeouts(LIMITS)
                    .build()).timings().ttftMillis();
            return ttft == null ? Double.NaN : ttft;
        } catch (CloudException e) {
            throw new IOException("a warm-up stream over loopback did not complete: " + e.getMessage(), e);
        }
    }

    /** A short streamed answer in the request's protocol (Anthropic requests go to /messages). */
    private static void answer(LoopbackStreamServer.Exchange ex) throws IOException {
        ex.startChunked(200, "text/event-stream");
        if (ex.requestLine().contains("/messages")) {
            ex.chunk("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"w\",\"type\":\"message\","
                    + "\"role\":\"assistant\",\"model\":\"warm-up\",\"content\":[],\"usage\":{\"input_tokens\":3,"
                    + "\"output_tokens\":1}}}\n\n");
            ex.chunk("event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
                    + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
            for (int i = 0; i < CHUNKS; i++) {
                ex.chunk("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                        + "\"delta\":{\"type\":\"text_delta\",\"text\":\"word \"}}\n\n");
            }
            ex.chunk("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n");
            ex.chunk("event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
                    + "\"usage\":{\"output_tokens\":" + CHUNKS + "}}\n\n");
            ex.chunk("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        } else {
            for (int i = 0; i < CHUNKS; i++) {
                ex.chunk(OPENAI_CHUNK);
            }
            ex.chunk("data: {\"id\":\"w\",\"model\":\"warm-up\",\"choices\":[{\"index\":0,\"delta\":{},"
                    + "\"finish_reason\":\"stop\"}]}\n\n");
            ex.chunk("data: {\"id\":\"w\",\"model\":\"warm-up\",\"choices\":[],\"usage\":{\"prompt_tokens\":3,"
                    + "\"completion_tokens\":" + CHUNKS + ",\"total_tokens\":" + (CHUNKS + 3) + "}}\n\n");
            ex.chunk("data: [DONE]\n\n");
        }
        ex.endChunked();
    }
}
