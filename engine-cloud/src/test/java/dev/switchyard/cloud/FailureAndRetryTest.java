package dev.switchyard.cloud;

import static dev.switchyard.cloud.TestSupport.PLANTED_KEY;
import static dev.switchyard.cloud.TestSupport.json;
import static dev.switchyard.cloud.TestSupport.request;
import static dev.switchyard.cloud.TestSupport.sse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchyard.cloud.CloudException.Kind;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FailureAndRetryTest {
    private MockWebServer server;
    private CloudClients clients;
    private CloudClient client;

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start();
        clients = CloudClients.create();
        client = clients.client(EndpointConfig.builder(ApiKind.OPENAI, server.url("/v1").toString())
                .apiKey(PLANTED_KEY).build());
    }

    @AfterEach
    void tearDown() {
        clients.close();
        server.close();
    }

    private static void assertNoKey(CloudException e) {
        assertThat(e.getMessage()).doesNotContain(PLANTED_KEY).doesNotContain("PLANTED");
        assertThat(e.toString()).doesNotContain("PLANTED");
        assertThat(String.valueOf(e.providerDetail())).doesNotContain("PLANTED");
    }

    @Test
    void rateLimitThenSuccessHonoursRetryAfter() throws Exception {
        server.enqueue(json(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\","
                + "\"code\":\"rate_limit_exceeded\"}}", "Retry-After", "2"));
        server.enqueue(sse("openai-gpt-4o-mini.sse"));
        Recorder rec = new Recorder();
        client.stream(request("gpt-4o-mini").build(), rec);
        rec.await();
        assertThat(rec.result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(rec.result.httpAttempts()).isEqualTo(2);
        assertThat(rec.result.text()).isEqualTo("Hello, world!");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void retryAfterBeyondTheWaitBudgetFailsAtOnceWithRetryAfter() throws Exception {
        server.enqueue(json(429, "{\"error\":{\"message\":\"slow down\"}}", "Retry-After", "3600"));
        Recorder rec = new Recorder();
        client.stream(request("gpt-4o-mini").build(), rec);
        rec.await();
        assertThat(rec.error.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(rec.error.httpStatus()).isEqualTo(429);
        assertThat(rec.error.retryAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(rec.error.partial().status()).isEqualTo(RunStatus.FAILED);
        assertThat(rec.error.partial().httpAttempts()).isEqualTo(1);
    }

    @Test
    void serverErrorsExhaustTheRetries() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(503, "{\"error\":{\"message\":\"upstream unavailable\"}}"));
        }
        Recorder rec = new Recorder();
        client.stream(request("gpt-4o-mini").build(), rec);
        rec.await();
        assertThat(rec.error.kind()).isEqualTo(Kind.SERVER);
        assertThat(rec.error.httpStatus()).isEqualTo(503);
        assertThat(rec.error.partial().status()).isEqualTo(RunStatus.FAILED);
        assertThat(rec.error.partial().httpAttempts()).isEqualTo(3);
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(rec.terminals).hasValue(1);
    }

    @Test
    void xShouldRetryHeaderOverridesTheStatus() throws Exception {
        server.enqueue(json(503, "{\"error\":{\"message\":\"do not retry\"}}", "x-should-retry", "false"));
        Recorder rec = new Recorder();
        client.stream(request("gpt-4o-mini").build(), rec);
        rec.await();
        assertThat(rec.error.kind()).isEqualTo(Kind.SERVER);
        assertThat(rec.error.partial().httpAttempts()).isEqualTo(1);

        server.enqueue(json(400, "{\"error\":{\"message\":\"transient\"}}", "x-should-retry", "true"));
        server.enqueue(sse("openai-gpt-4o-mini.sse"));
        Recorder rec2 = new Recorder();
        client.stream(request("gpt-4o-mini").build(), rec2);
        rec2.await();
        assertThat(rec2.result.httpAttempts()).isEqualTo(2);
    }

    @Test
    void unauthorizedIsNotRetriedAndNeverEchoesTheKey() throws Exception {
        server.enqueue(json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + PLANTED_KEY
                + ". You can find your API key at https://platform.openai.com/account/api-keys.\","
                + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"));
        Recorder rec = new Recorder();
        client.stream(request("gpt-4o-mini").build(), rec);
        rec.await();
        assertThat(rec.error.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(rec.error.userMessage()).isEqualTo(Kind.AUTHENTICATION.userMessage());
        assertThat(rec.error.httpStatus()).isEqualTo(401);
        assertThat(rec.error.partial().httpAttempts()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertNoKey(rec.error);
    }

    /**
     * What a pane shows: a 403 is a key without access to the model (OpenAI's "Project … does not have access to
     * model"), not a wrong key; the provider's own words come along, redacted; a server-directed wait is said.
     */
    @Test
    void explanationsSayWhatTheProviderSaidAndHowLongToWait() throws Exception {
        server.enqueue(json(403, "{\"error\":{\"message\":\"Project proj_1 does not have access to model gpt-4o\","
                + "\"type\":\"invalid_request_error\",\"code\":\"model_not_found\"}}"));
        Recorder forbidden = new Recorder();
        client.stream(request("gpt-4o").build(), forbidden);
        forbidden.await();
        assertThat(forbidden.error.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(forbidden.error.userMessage()).doesNotContain("rejected the API key")
                .startsWith("The provider refused this API key access to the model or endpoint");
        assertThat(forbidden.error.explanation()).isEqualTo(forbidden.error.userMessage()
                + " The provider said: \u201cProject proj_1 does not have access to model gpt-4o\u201d (HTTP 403).");

        server.enqueue(json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + PLANTED_KEY + ".\"}}"));
        Recorder wrongKey = new Recorder();
        client.stream(request("gpt-4o").build(), wrongKey);
        wrongKey.await();
        assertThat(wrongKey.error.explanation()).startsWith(Kind.AUTHENTICATION.userMessage()
                + " The provider said: \u201cIncorrect API key provided: ").endsWith("(HTTP 401).")
                .doesNotContain("PLANTED");

        server.enqueue(json(429, "{\"error\":{\"message\":\"Rate limit reached\"}}", "Retry-After", "120"));
        Recorder limited = new Recorder();
        client.stream(request("gpt-4o").build(), limited);
        limited.await();
        assertThat(limited.error.userMessage())
                .isEqualTo("The provider is rate-limiting requests; it asks to wait 2 min before trying again.");
        assertThat(limited.error.explanation()).endsWith("The provider said: \u201cRate limit reached\u201d (HTTP 429).");

        CloudException offline = new CloudException(Kind.NETWORK, "ConnectException: Failed to connect to /127.0.0.1:9");
        assertThat(offline.explanation()).isEqualTo(Kind.NETWORK.userMessage()); // no exception names in a pane
    }

    @Test
    void contextLengthIsDetectedFromTheMessage() throws Exception {
        server.enqueue(json(400, "{\"error\":{\"message\":\"This model's maximum context length is 128000 tokens."
                + " However, your messages resulted in 130000 tokens.\",\"type\":\"invalid_request_error\","
                + "\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}"));
        Recorder rec = new Recorder();
        client.stream(request("gpt-4o-mini").build(), rec);
        rec.await();
        assertThat(rec.error.kind()).isEqualTo(Kind.CONTEXT_TOO_LONG);
        assertThat(rec.error.getMessage()).contains("maximum context length");
    }

    @Test
    void statusMapping() throws Exception {
        int[] statuses = {400, 403, 404, 422};
        Kind[] kinds = {Kind.BAD_REQUEST, Kind.AUTHENTICATION, Kind.MODEL_NOT_FOUND, Kind.BAD_REQUEST};
        for (int i = 0; i < statuses.length; i++) {
            server.enqueue(json(statuses[i], "{\"error\":{\"message\":\"nope\"}}"));
            Recorder rec = new Recorder();
            client.stream(request("m").build(), rec);
            rec.await();
            assertThat(rec.error.kind()).as("status " + statuses[i]).isEqualTo(kinds[i]);
            assertThat(rec.error.partial().httpAttempts()).isEqualTo(1);
        }
    }

    @Test
    void insufficientQuota429IsNotRetried() throws Exception {
        server.enqueue(json(429, "{\"error\":{\"message\":\"You exceeded your current quota\","
                + "\"type\":\"insufficient_quota\",\"code\":\"insufficient_quota\"}}"));
        Recorder rec = new Recorder();
        client.stream(request("gpt-4o-mini").build(), rec);
        rec.await();
        assertThat(rec.error.kind()).isEqualTo(Kind.QUOTA_EXCEEDED);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void stallBeforeFirstByteIsFirstTokenTimeout() throws Exception {
        server.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS)
                .addHeader("Content-Type", "text/event-stream").body(TestSupport.fixture("openai-gpt-4o-mini.sse"))
                .build());
        Recorder rec = new Recorder();
        client.stream(request("gpt-4o-mini").timeouts(TestSupport.SHORT.withFirstToken(Duration.ofMillis(300)))
                .build(), rec);
        rec.await();
        assertThat(rec.error.kind()).isEqualTo(Kind.FIRST_TOKEN_TIMEOUT);
        assertThat(rec.error.partial().status()).isEqualTo(RunStatus.FAILED);
        assertThat(rec.error.partial().timings().ttftMillis()).isNull();
        assertThat(rec.error.partial().httpAttempts()).isEqualTo(1);
    }

    @Test
    void idleGapAfterFirstTokenIsIdleTimeoutWithPartial() throws Exception {
        String fixture = TestSupport.fixture("openai-gpt-4o-mini.sse");
        int firstTwoEvents = fixture.indexOf("data:", fixture.indexOf("\"Hello\""));
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                .body(fixture).throttleBody(firstTwoEvents, 5, TimeUnit.SECONDS).build());
        Recorder rec = new Recorder();
        client.stream(request("gpt-4o-mini").timeouts(TestSupport.SHORT.withIdleGap(Duration.ofMillis(300)))
                .build(), rec);
        rec.await();
        assertThat(rec.error.kind()).isEqualTo(Kind.IDLE_TIMEOUT);
        assertThat(rec.error.partial().status()).isEqualTo(RunStatus.INCOMPLETE);
        assertThat(rec.error.partial().text()).isEqualTo("Hello");
        assertThat(rec.error.partial().usage().estimated()).isTrue();
        assertThat(rec.error.partial().usage().outputTokens()).isEqualTo(1);
    }

    @Test
    void slowTrickleHitsTotalTimeout() throws Exception {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                .body(TestSupport.fixture("openai-gpt-4o-mini.sse")).throttleBody(64, 100, TimeUnit.MILLISECONDS)
                .build());
        Recorder rec = new Recorder();
        client.stream(request("gpt-4o-mini").timeouts(TestSupport.SHORT.withTotal(Duration.ofMillis(400))).build(),
                rec);
        rec.await();
        assertThat(rec.error.kind()).isEqualTo(Kind.TOTAL_TIMEOUT);
        assertThat(rec.terminals).hasValue(1);
    }

    @Test
    void networkErrorsAreRetriedThenReported() throws Exception {
        int port = server.getPort();
        server.close();
        CloudClient dead = clients.client(EndpointConfig.builder(ApiKind.OPENAI, "http://127.0.0.1:" + port + "/v1")
                .apiKey(PLANTED_KEY).build());
        Recorder rec = new Recorder();
        dead.stream(request("gpt-4o-mini").build(), rec);
        rec.await();
        assertThat(rec.error.kind()).isEqualTo(Kind.NETWORK);
        assertThat(rec.error.partial().httpAttempts()).isEqualTo(3);
        assertNoKey(rec.error);
    }

    @Test
    void completeThrowsTypedException() {
        server.enqueue(json(401, "{\"error\":{\"message\":\"bad key\"}}"));
        assertThatThrownBy(() -> client.complete(request("gpt-4o-mini").build()))
                .isInstanceOfSatisfying(CloudException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
                    assertThat(e.partial()).isNotNull();
                });
    }

    @Test
    void listModelsErrorsAreTyped() {
        server.enqueue(json(401, "{\"error\":{\"message\":\"bad key " + PLANTED_KEY + "\"}}"));
        assertThatThrownBy(() -> client.listModels()).isInstanceOfSatisfying(CloudException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
            assertNoKey(e);
        });
    }
}
