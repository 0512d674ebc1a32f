package dev.switchyard.cloud.bench;

import dev.switchyard.cloud.ApiKind;
import dev.switchyard.cloud.ChatRequest;
import dev.switchyard.cloud.ChatResult;
import dev.switchyard.cloud.CloudClients;
import dev.switchyard.cloud.EndpointConfig;
import dev.switchyard.cloud.WarmUp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One fresh JVM's first stream over loopback, as the first cloud run of a session: {@code ColdStream [warm-up]}
 * prints {@code ttft <ms>} of that stream, after {@link WarmUp} when asked. The server's side is exercised first with
 * raw requests, so the figure is the client's. Started by {@link CloudBenchmark} in child JVMs.
 */
public final class ColdStream {

    private ColdStream() {
    }

    public static void main(String[] args) throws Exception {
        boolean warmUp = args.length > 0 && args[0].equals("warm-up");
        try (LoopbackStreamServer server = new LoopbackStreamServer(ex -> {
            ex.startChunked(200, "text/event-stream");
            ex.chunk(CloudBenchmark.chunk("first"));
            ex.chunk(CloudBenchmark.chunk(" token"));
            ex.chunk("data: [DONE]\n\n");
            ex.endChunked();
        }); CloudClients clients = CloudClients.create()) {
            for (int i = 0; i < 3; i++) {
                raw(server.port());
            }
            if (warmUp) {
                WarmUp.run(clients, 2);
            }
            ChatResult first = clients.client(EndpointConfig.builder(ApiKind.OPENAI, server.baseUrl()).build())
                    .complete(ChatRequest.builder("bench").user("hi").build());
            System.out.printf(java.util.Locale.ROOT, "ttft %.1f%n", first.timings().ttftMillis());
        }
        System.exit(0);
    }

    private static void raw(int port) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.getOutputStream().write("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            s.shutdownOutput();
            s.getInputStream().readAllBytes();
        }
    }
}
