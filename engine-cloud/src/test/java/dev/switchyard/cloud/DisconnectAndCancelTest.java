package dev.switchyard.cloud;

import static dev.switchyard.cloud.TestSupport.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.cloud.CloudException.Kind;
import dev.switchyard.cloud.bench.LoopbackStreamServer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DisconnectAndCancelTest {
    private static final String SSE = "text/event-stream";
    private final CloudClients clients = CloudClients.create();
    private LoopbackStreamServer server;

    @AfterEach
    void tearDown() {
        clients.close();
        if (server != null) {
            server.close();
        }
    }

    static String chunk(String content) {
        return "data: {\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
                + content + "\"},\"finish_reason\":null}]}\n\n";
    }

    private CloudClient client() {
        return clients.client(EndpointConfig.builder(ApiKind.OPENAI, server.baseUrl()).apiKey("k").build());
    }

    @Test
    void disconnectMidBodyEndsIncompleteWithPartialTextAndIsNotRetried() throws Exception {
        server = new LoopbackStreamServer(ex -> {
            ex.startChunked(200, SSE);
            ex.chunk(chunk("Partial"));
            ex.chunk(chunk(" text"));
            Thread.sleep(50);
            ex.disconnect();
        });
        Recorder rec = new Recorder();
        client().stream(request("gpt-4o-mini").build(), rec);
        rec.await();
        assertThat(rec.error.kind()).isEqualTo(Kind.STREAM_BROKEN);
        assertThat(rec.error.partial().status()).isEqualTo(RunStatus.INCOMPLETE);
        assertThat(rec.error.partial().text()).isEqualTo("Partial text");
        assertThat(rec.error.partial().httpAttempts()).isEqualTo(1);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void disconnectBeforeFirstTokenIsRetried() throws Exception {
        server = new LoopbackStreamServer(ex -> {
            ex.startChunked(200, SSE);
            if (ex.index() == 0) {
                ex.chunk(": keep-alive\n\n");
                ex.disconnect();
                return;
            }
            ex.chunk(chunk("ok"));
            ex.chunk("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
            ex.chunk("data: [DONE]\n\n");
            ex.endChunked();
        });
        Recorder rec = new Recorder();
        client().stream(request("gpt-4o-mini").build(), rec);
        rec.await();
        assertThat(rec.result.text()).isEqualTo("ok");
        assertThat(rec.result.httpAttempts()).isEqualTo(2);
    }

    @Test
    void streamEndingWithoutMarkerAfterTokensIsBroken() throws Exception {
        server = new LoopbackStreamServer(ex -> {
            ex.startChunked(200, SSE);
            ex.chunk(chunk("cut"));
            ex.endChunked();
        });
        Recorder rec = new Recorder();
        client().stream(request("gpt-4o-mini").build(), rec);
        rec.await();
        assertThat(rec.error.kind()).isEqualTo(Kind.STREAM_BROKEN);
        assertThat(rec.error.partial().text()).isEqualTo("cut");
    }

    @Test
    void finishReasonThenSilenceCompletesAfterTheIdleGap() throws Exception {
        server = new LoopbackStreamServer(ex -> {
            ex.startChunked(200, SSE);
            ex.chunk(chunk("done"));
            ex.chunk("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
            Thread.sleep(5000);
            ex.disconnect();
        });
        Recorder rec = new Recorder();
        client().stream(request("gpt-4o-mini").timeouts(TestSupport.SHORT.withIdleGap(Duration.ofMillis(300)))
                .build(), rec);
        rec.await();
        assertThat(rec.result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(rec.result.text()).isEqualTo("done");
        assertThat(rec.result.usage().estimated()).isTrue();
    }

    @Test
    void cancelMidStreamStopsTheCallAndKeepsPartial() throws Exception {
        CountDownLatch serverSawClose = new CountDownLatch(1);
        server = new LoopbackStreamServer(ex -> {
            ex.startChunked(200, SSE);
            ex.chunk(chunk("Before"));
            ex.chunk(chunk(" cancel"));
            try {
                for (int i = 0; i < 200; i++) {
                    Thread.sleep(50);
                    ex.chunk(": keep-alive\n\n");
                }
            } catch (java.io.IOException e) {
                serverSawClose.countDown();
                throw e;
            }
        });
        Recorder rec = new Recorder();
        StreamHandle handle = client().stream(request("gpt-4o-mini").build(), rec);
        assertThat(rec.firstToken.await(10, TimeUnit.SECONDS)).isTrue();
        while (rec.tokens.size() < 2) {
            Thread.sleep(5);
        }
        handle.cancel();
        handle.cancel();
        rec.await();
        assertThat(handle.isDone()).isTrue();
        assertThat(rec.error.kind()).isEqualTo(Kind.CANCELLED);
        assertThat(rec.error.partial().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(rec.error.partial().text()).isEqualTo("Before cancel");
        assertThat(rec.error.partial().usage().estimated()).isTrue();
        assertThat(serverSawClose.await(10, TimeUnit.SECONDS)).as("server saw the connection closed").isTrue();
        Thread.sleep(100);
        assertThat(rec.terminals).hasValue(1);
        assertThat(rec.tokensAfterTerminal).hasValue(0);
    }

    @Test
    void closingTheFactoryCancelsRunningStreams() throws Exception {
        server = new LoopbackStreamServer(ex -> {
            ex.startChunked(200, SSE);
            ex.chunk(chunk("open"));
            Thread.sleep(10_000);
        });
        CloudClients own = CloudClients.create();
        Recorder rec = new Recorder();
        own.client(EndpointConfig.builder(ApiKind.OPENAI, server.baseUrl()).build())
                .stream(request("gpt-4o-mini").build(), rec);
        assertThat(rec.firstToken.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(own.activeRuns()).isEqualTo(1);
        own.close();
        rec.await();
        assertThat(rec.error.kind()).isEqualTo(Kind.CANCELLED);
        assertThat(rec.error.partial().text()).isEqualTo("open");
        assertThat(own.activeRuns()).isZero();
        Thread.sleep(100);
        assertThat(rec.terminals).hasValue(1);
    }

    @Test
    void cancelDuringRetryBackoffStopsRetrying() throws Exception {
        server = new LoopbackStreamServer(ex -> ex.respond(503, "application/json", "{\"error\":{\"message\":\"x\"}}"));
        Recorder rec = new Recorder();
        RetryPolicy slow = new RetryPolicy(5, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMinutes(5), 1.0);
        StreamHandle handle = client().stream(request("gpt-4o-mini").retryPolicy(slow).build(), rec);
        while (server.requestCount() < 1) {
            Thread.sleep(5);
        }
        Thread.sleep(100);
        handle.cancel();
        rec.await();
        assertThat(rec.error.kind()).isEqualTo(Kind.CANCELLED);
        assertThat(rec.error.partial().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(rec.error.partial().text()).isEmpty();
        Thread.sleep(200);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void cancelFromInsideOnTokenIsSafe() throws Exception {
        server = new LoopbackStreamServer(ex -> {
            ex.startChunked(200, SSE);
            for (int i = 0; i < 50; i++) {
                ex.chunk(chunk("t" + i));
            }
            ex.chunk("data: [DONE]\n\n");
            ex.endChunked();
        });
        Recorder rec = new Recorder();
        StreamHandle[] handle = new StreamHandle[1];
        CountDownLatch ready = new CountDownLatch(1);
        handle[0] = client().stream(request("gpt-4o-mini").build(), new ChatListener() {
            @Override
            public void onToken(String text) {
                rec.onToken(text);
                try {
                    ready.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                handle[0].cancel();
            }

            @Override
            public void onComplete(ChatResult result) {
                rec.onComplete(result);
            }

            @Override
            public void onError(CloudException error) {
                rec.onError(error);
            }
        });
        ready.countDown();
        rec.await();
        Thread.sleep(100);
        assertThat(rec.error.kind()).isEqualTo(Kind.CANCELLED);
        assertThat(rec.tokens).hasSize(1);
        assertThat(rec.terminals).hasValue(1);
    }
}
