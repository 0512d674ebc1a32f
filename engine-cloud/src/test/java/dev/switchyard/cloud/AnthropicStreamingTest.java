package dev.switchyard.cloud;

import static dev.switchyard.cloud.TestSupport.PLANTED_KEY;
import static dev.switchyard.cloud.TestSupport.request;
import static dev.switchyard.cloud.TestSupport.sse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnthropicStreamingTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private MockWebServer server;
    private CloudClients clients;
    private CloudClient client;

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start();
        clients = CloudClients.create();
        client = clients.client(EndpointConfig.builder(ApiKind.ANTHROPIC, server.url("/v1").toString())
                .apiKey(PLANTED_KEY).build());
    }

    @AfterEach
    void tearDown() {
        clients.close();
        server.close();
    }

    @Test
    void streamsThinkingAndTextWithCacheUsageAndHeaders() throws Exception {
        server.enqueue(sse("anthropic-thinking.sse"));
        Recorder rec = new Recorder();
        client.stream(ChatRequest.builder("claude-sonnet-4-20250514").system("Be exact.").user("2+2?")
                .maxTokens(2000).thinkingBudgetTokens(1024).temperature(0.3).stop(List.of("###"))
                .retryPolicy(TestSupport.FAST_RETRY).build(), rec);
        rec.await();
        ChatResult r = rec.result;
        assertThat(r.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(r.text()).isEqualTo("2 + 2 = 4");
        assertThat(r.reasoning()).isEqualTo("Let me add the numbers: 2 + 2 = 4.");
        assertThat(r.finishReason()).isEqualTo("end_turn");
        assertThat(r.model()).isEqualTo("claude-sonnet-4-20250514");
        assertThat(r.usage().inputTokens()).isEqualTo(21 + 2048);
        assertThat(r.usage().cachedInputTokens()).isEqualTo(2048);
        assertThat(r.usage().outputTokens()).isEqualTo(37);
        assertThat(r.usage().reasoningTokens()).isBetween(1, 37);
        assertThat(r.usage().estimated()).isFalse();

        RecordedRequest req = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(req.getUrl().encodedPath()).isEqualTo("/v1/messages");
        assertThat(req.getHeaders().get("x-api-key")).isEqualTo(PLANTED_KEY);
        assertThat(req.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(req.getHeaders().get("Authorization")).isNull();
        JsonNode b = mapper.readTree(req.getBody().utf8());
        assertThat(b.get("system").asText()).isEqualTo("Be exact.");
        assertThat(b.get("messages")).hasSize(1);
        assertThat(b.get("messages").get(0).get("role").asText()).isEqualTo("user");
        assertThat(b.get("max_tokens").asInt()).isEqualTo(2000);
        assertThat(b.get("stream").asBoolean()).isTrue();
        assertThat(b.get("thinking").get("budget_tokens").asInt()).isEqualTo(1024);
        assertThat(b.has("temperature")).as("thinking forbids temperature").isFalse();
        assertThat(b.get("stop_sequences").get(0).asText()).isEqualTo("###");
    }

    @Test
    void defaultMaxTokensIsSentBecauseTheApiRequiresIt() throws Exception {
        server.enqueue(sse("anthropic-plain.sse"));
        Recorder rec = new Recorder();
        client.stream(request("claude-3-5-haiku-latest").temperature(0.5).build(), rec);
        rec.await();
        assertThat(rec.result.text()).isEqualTo("Hi there");
        assertThat(rec.result.usage()).isEqualTo(new Usage(15, 0, 0, 3, 0, false));
        JsonNode b = mapper.readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
        assertThat(b.get("max_tokens").asInt()).isEqualTo(4096);
        assertThat(b.get("temperature").asDouble()).isEqualTo(0.5);
        assertThat(b.has("system")).isFalse();
    }

    @Test
    void errorEventAfterFirstTokenEndsIncompleteWithPartial() throws Exception {
        server.enqueue(sse("anthropic-error-midstream.sse"));
        Recorder rec = new Recorder();
        client.stream(request("claude-3-5-haiku-latest").build(), rec);
        rec.await();
        assertThat(rec.error.kind()).isEqualTo(CloudException.Kind.SERVER);
        assertThat(rec.error.getMessage()).contains("overloaded_error");
        ChatResult p = rec.error.partial();
        assertThat(p.status()).isEqualTo(RunStatus.INCOMPLETE);
        assertThat(p.text()).isEqualTo("Partial answer");
        assertThat(p.usage().inputTokens()).isEqualTo(15);
        assertThat(p.usage().estimated()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void overloadedBeforeFirstTokenIsRetried() throws Exception {
        server.enqueue(sse("anthropic-overloaded-early.sse"));
        server.enqueue(sse("anthropic-plain.sse"));
        Recorder rec = new Recorder();
        client.stream(request("claude-3-5-haiku-latest").build(), rec);
        rec.await();
        assertThat(rec.result.text()).isEqualTo("Hi there");
        assertThat(rec.result.httpAttempts()).isEqualTo(2);
    }

    @Test
    void http529OverloadedIsRetriedThenSucceeds() throws Exception {
        server.enqueue(TestSupport.json(529,
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"));
        server.enqueue(sse("anthropic-plain.sse"));
        Recorder rec = new Recorder();
        client.stream(request("claude-3-5-haiku-latest").build(), rec);
        rec.await();
        assertThat(rec.result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(rec.result.httpAttempts()).isEqualTo(2);
    }

    @Test
    void nonStreamingMessagesResponse() throws Exception {
        server.enqueue(TestSupport.json(200, """
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-3-5-haiku-20241022",
                 "content":[{"type":"text","text":"Fine."}],"stop_reason":"end_turn",
                 "usage":{"input_tokens":10,"cache_read_input_tokens":4,"cache_creation_input_tokens":2,"output_tokens":2}}"""));
        ChatResult r = client.complete(request("claude-3-5-haiku-latest")
                .capabilities(ModelCapabilities.defaults().withStreaming(false)).build());
        assertThat(r.text()).isEqualTo("Fine.");
        assertThat(r.usage()).isEqualTo(new Usage(16, 4, 2, 2, 0, false));
    }

    @Test
    void refusalStopReasonIsContentFiltered() throws Exception {
        server.enqueue(TestSupport.json(200, """
                {"id":"msg_2","type":"message","role":"assistant","model":"claude-sonnet-4-20250514",
                 "content":[],"stop_reason":"refusal","usage":{"input_tokens":10,"output_tokens":0}}"""));
        Recorder rec = new Recorder();
        client.stream(request("claude-sonnet-4-20250514")
                .capabilities(ModelCapabilities.defaults().withStreaming(false)).build(), rec);
        rec.await();
        assertThat(rec.error.kind()).isEqualTo(CloudException.Kind.CONTENT_FILTERED);
        assertThat(rec.error.partial().status()).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void listsModelsAcrossPages() throws Exception {
        server.enqueue(TestSupport.json(200, """
                {"data":[{"type":"model","id":"claude-sonnet-4-20250514","display_name":"Claude Sonnet 4","created_at":"2025-05-22T00:00:00Z"}],
                 "has_more":true,"first_id":"claude-sonnet-4-20250514","last_id":"claude-sonnet-4-20250514"}"""));
        server.enqueue(TestSupport.json(200, """
                {"data":[{"type":"model","id":"claude-3-5-haiku-20241022","display_name":"Claude Haiku 3.5","created_at":"2024-10-22T00:00:00Z"}],
                 "has_more":false,"first_id":"claude-3-5-haiku-20241022","last_id":"claude-3-5-haiku-20241022"}"""));
        List<RemoteModel> models = client.listModels();
        assertThat(models).extracting(RemoteModel::displayName).containsExactly("Claude Sonnet 4", "Claude Haiku 3.5");
        RecordedRequest first = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(first.getHeaders().get("x-api-key")).isEqualTo(PLANTED_KEY);
        assertThat(first.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
        RecordedRequest second = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(second.getUrl().queryParameter("after_id")).isEqualTo("claude-sonnet-4-20250514");
    }
}
