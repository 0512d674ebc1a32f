package dev.switchyard.cloud;

import static dev.switchyard.cloud.TestSupport.request;
import static dev.switchyard.cloud.TestSupport.sse;
import static org.assertj.core.api.Assertions.assertThat;

import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** The warm-up streams both protocols to the end over loopback and leaves the shared transport as it was. */
class WarmUpTest {

    @Test
    void streamsEachProtocolToTheEndAndLeavesTheTransportWorking() throws Exception {
        try (CloudClients clients = CloudClients.create(); MockWebServer server = new MockWebServer()) {
            WarmUp.Result result = WarmUp.run(clients, 2);

            // two OpenAI-compatible streams, then two Anthropic ones, each with a first token
            assertThat(result.ttftMillis()).hasSize(4).allSatisfy(t -> assertThat(t).isFinite().isPositive());
            assertThat(result.millis()).isPositive();
            assertThat(clients.activeRuns()).isZero();

            // a real run afterwards on the same transport
            server.start();
            server.enqueue(sse("openai-gpt-4o-mini.sse"));
            Recorder rec = new Recorder();
            clients.client(EndpointConfig.builder(ApiKind.OPENAI, server.url("/v1").toString()).apiKey("k").build())
                    .stream(request("gpt-4o-mini").build(), rec);
            rec.await();
            assertThat(rec.error).isNull();
            assertThat(rec.result.text()).isEqualTo("Hello, world!");
        }
    }
}
