package dev.switchyard.cloud;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import mockwebserver3.MockResponse;

final class TestSupport {
    static final String PLANTED_KEY = "sk-test-PLANTED-9f8e7d6c5b4a39281716";
    static final RetryPolicy FAST_RETRY = RetryPolicy.DEFAULT.withDelayScale(0.001);
    static final Timeouts SHORT = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(5), Duration.ofSeconds(20));

    private TestSupport() {
    }

    static String fixture(String name) {
        try (InputStream in = TestSupport.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MockResponse sse(String fixture) {
        return new MockResponse.Builder()
                .addHeader("Content-Type", "text/event-stream; charset=utf-8")
                .body(fixture(fixture))
                .build();
    }

    static MockResponse json(int code, String body, String... headers) {
        MockResponse.Builder b = new MockResponse.Builder().code(code)
                .addHeader("Content-Type", "application/json").body(body);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.addHeader(headers[i], headers[i + 1]);
        }
        return b.build();
    }

    static ChatRequest.Builder request(String model) {
        return ChatRequest.builder(model).user("Say hello").retryPolicy(FAST_RETRY).timeouts(SHORT);
    }
}
