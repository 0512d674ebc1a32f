package dev.switchyard.cloud.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.cloud.ApiKind;
import dev.switchyard.cloud.ChatListener;
import dev.switchyard.cloud.ChatRequest;
import dev.switchyard.cloud.ChatResult;
import dev.switchyard.cloud.CloudClient;
import dev.switchyard.cloud.CloudClients;
import dev.switchyard.cloud.CloudException;
import dev.switchyard.cloud.EndpointConfig;
import dev.switchyard.cloud.RetryPolicy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

class RedactionTest {
    private static final String KEY = "sk-test-PLANTED-logcheck-0123456789";

    @Test
    void logsNeverCarryKeysOrBodies() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (MockWebServer server = new MockWebServer(); CloudClients clients = CloudClients.create(log::add)) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                    .addHeader("Set-Cookie", "session=PLANTED-cookie")
                    .body("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}").build());
            server.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                    .body("{\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}").build());
            for (ApiKind kind : ApiKind.values()) {
                CloudClient client = clients.client(EndpointConfig.builder(kind, server.url("/v1").toString())
                        .apiKey(KEY).header("api-key", KEY).build());
                CountDownLatch done = new CountDownLatch(1);
                AtomicReference<CloudException> error = new AtomicReference<>();
                client.stream(ChatRequest.builder("m").user("secret prompt text").retryPolicy(RetryPolicy.NONE).build(),
                        new ChatListener() {
                            @Override
                            public void onToken(String text) {
                            }

                            @Override
                            public void onComplete(ChatResult result) {
                                done.countDown();
                            }

                            @Override
                            public void onError(CloudException e) {
                                error.set(e);
                                done.countDown();
                            }
                        });
                assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(error.get().getMessage()).doesNotContain("PLANTED");
                assertThat(String.valueOf(error.get().partial())).doesNotContain("PLANTED");
            }
        }
        String all = String.join("\n", log);
        assertThat(all).contains("--> POST").contains("<-- 401").contains("██");
        assertThat(all).doesNotContain("PLANTED").doesNotContain("secret prompt text");
    }
}
