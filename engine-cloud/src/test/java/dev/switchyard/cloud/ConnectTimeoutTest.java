package dev.switchyard.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.cloud.CloudException.Kind;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** A loopback listener that never accepts and whose backlog is full: the kernel drops new SYNs. */
class ConnectTimeoutTest {

    @Test
    void connectTimeoutIsItsOwnKind() throws Exception {
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            for (int i = 0; i < 4; i++) {
                try {
                    Socket s = new Socket();
                    s.connect(listener.getLocalSocketAddress(), 200);
                    fillers.add(s);
                } catch (java.io.IOException full) {
                    break;
                }
            }
            Assumptions.assumeTrue(fillers.size() < 4, "this kernel accepts beyond the backlog; cannot stage");
            try (CloudClients clients = CloudClients.create()) {
                CloudClient client = clients.client(EndpointConfig.builder(ApiKind.OPENAI,
                        "http://127.0.0.1:" + listener.getLocalPort() + "/v1").build());
                Recorder rec = new Recorder();
                client.stream(ChatRequest.builder("gpt-4o-mini").user("hi").retryPolicy(RetryPolicy.NONE)
                        .timeouts(TestSupport.SHORT.withConnect(Duration.ofMillis(300))).build(), rec);
                rec.await();
                assertThat(rec.error.kind()).isEqualTo(Kind.CONNECT_TIMEOUT);
                assertThat(rec.error.partial().status()).isEqualTo(RunStatus.FAILED);
            }
        } finally {
            for (Socket s : fillers) {
                s.close();
            }
        }
    }
}
