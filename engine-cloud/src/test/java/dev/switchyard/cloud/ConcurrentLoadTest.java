package dev.switchyard.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.cloud.bench.LoopbackStreamServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 200 concurrent streams against a loopback server that injects 429s, 5xx, stalls and disconnects,
 * while the test cancels some runs at random: every run must reach exactly one terminal callback.
 */
class ConcurrentLoadTest {
    private static final int RUNS = 200;
    private static final int TOKENS = 20;

    @Test
    void everyRunReachesExactlyOneTerminalCallback() throws Exception {
        try (LoopbackStreamServer server = new LoopbackStreamServer(ConcurrentLoadTest::chaos);
             CloudClients clients = CloudClients.create()) {
            CloudClient client = clients.client(EndpointConfig.builder(ApiKind.OPENAI, server.baseUrl())
                    .apiKey("sk-load").build());
            Timeouts timeouts = new Timeouts(Duration.ofSeconds(5), Duration.ofMillis(2500), Duration.ofMillis(1500),
                    Duration.ofSeconds(20));
            RetryPolicy retry = RetryPolicy.DEFAULT.withDelayScale(0.01);

            AtomicInteger[] perRun = new AtomicInteger[RUNS];
            AtomicInteger completes = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            AtomicInteger lateTokens = new AtomicInteger();
            Map<RunStatus, AtomicInteger> byStatus = new EnumMap<>(RunStatus.class);
            for (RunStatus s : RunStatus.values()) {
                byStatus.put(s, new AtomicInteger());
            }
            Map<CloudException.Kind, AtomicInteger> byKind = new ConcurrentHashMap<>();
            CountDownLatch all = new CountDownLatch(RUNS);
            List<StreamHandle> handles = new ArrayList<>();

            for (int i = 0; i < RUNS; i++) {
                AtomicInteger count = perRun[i] = new AtomicInteger();
                AtomicInteger ended = new AtomicInteger();
                ChatListener listener = new ChatListener() {
                    @Override
                    public void onToken(String text) {
                        if (ended.get() > 0) {
                            lateTokens.incrementAndGet();
                        }
                    }

                    @Override
                    public void onComplete(ChatResult result) {
                        ended.incrementAndGet();
                        completes.incrementAndGet();
                        byStatus.get(result.status()).incrementAndGet();
                        assertThat(result.text()).hasSize(TOKENS * 2);
                        if (count.incrementAndGet() == 1) {
                            all.countDown();
                        }
                    }

                    @Override
                    public void onError(CloudException error) {
                        ended.incrementAndGet();
                        errors.incrementAndGet();
                        byStatus.get(error.partial().status()).incrementAndGet();
                        byKind.computeIfAbsent(error.kind(), k -> new AtomicInteger()).incrementAndGet();
                        if (count.incrementAndGet() == 1) {
                            all.countDown();
                        }
                    }
                };
                ChatRequest req = ChatRequest.builder("gpt-4o-mini").user("run " + i).timeouts(timeouts)
                        .retryPolicy(retry).build();
                StreamHandle handle = client.stream(req, listener);
                handles.add(handle);
                if (i % 20 == 7) {
                    handle.cancel(); // races with dispatch and the first attempt
                }
            }
            // Cancel one run in ten more at a random moment.
            for (int i = 0; i < RUNS; i += 10) {
                Thread.sleep(ThreadLocalRandom.current().nextInt(20));
                handles.get(i).cancel();
            }
            assertThat(all.await(60, TimeUnit.SECONDS)).as("all runs ended").isTrue();
            Thread.sleep(3000); // let stalled exchanges and stray timers play out: no second callback may come

            for (int i = 0; i < RUNS; i++) {
                assertThat(perRun[i].get()).as("terminal callbacks of run " + i).isEqualTo(1);
            }
            assertThat(completes.get() + errors.get()).isEqualTo(RUNS);
            assertThat(byStatus.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(RUNS);
            assertThat(lateTokens).hasValue(0);
            assertThat(completes.get()).isGreaterThan(0);
            assertThat(byStatus.get(RunStatus.CANCELLED).get()).isGreaterThanOrEqualTo(RUNS / 20);
            assertThat(handles).allMatch(StreamHandle::isDone);
            System.out.println("load: completes=" + completes + " errors=" + errors + " status=" + byStatus
                    + " kinds=" + byKind + " requests=" + server.requestCount());
        }
    }

    private static void chaos(LoopbackStreamServer.Exchange ex) throws java.io.IOException, InterruptedException {
        int mode = ThreadLocalRandom.current().nextInt(10);
        switch (mode) {
            case 0 -> ex.respond(429, "application/json", "{\"error\":{\"message\":\"slow down\"}}",
                    "retry-after-ms: 20");
            case 1 -> ex.respond(503, "application/json", "{\"error\":{\"message\":\"busy\"}}");
            case 2 -> {
                Thread.sleep(4000); // stall before the first byte
                ex.disconnect();
            }
            case 3 -> {
                ex.startChunked(200, "text/event-stream");
                ex.chunk(DisconnectAndCancelTest.chunk("ab"));
                ex.disconnect();
            }
            case 4 -> {
                ex.startChunked(200, "text/event-stream");
                ex.chunk(DisconnectAndCancelTest.chunk("ab"));
                Thread.sleep(4000); // idle gap after the first token
                ex.disconnect();
            }
            default -> {
                ex.startChunked(200, "text/event-stream");
                for (int t = 0; t < TOKENS; t++) {
                    ex.chunk(DisconnectAndCancelTest.chunk("ab"));
                    if (t % 5 == 0) {
                        Thread.sleep(2);
                    }
                }
                ex.chunk("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
                ex.chunk("data: [DONE]\n\n");
                ex.endChunked();
            }
        }
    }
}
