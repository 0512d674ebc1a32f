package dev.switchyard.cloud;

import static dev.switchyard.cloud.TestSupport.PLANTED_KEY;
import static dev.switchyard.cloud.TestSupport.request;
import static dev.switchyard.cloud.TestSupport.sse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiStreamingTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private MockWebServer server;
    private CloudClients clients;
    private CloudClient client;

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start();
        clients = CloudClients.create();
        client = clients.client(EndpointConfig.builder(ApiKind.OPENAI, server.url("/v1").toString())
                .apiKey(PLANTED_KEY).header("X-Title", "Switchyard").build());
    }

    @AfterEach
    void tearDown() {
        clients.close();
        server.close();
    }

    private JsonNode body(RecordedRequest r) throws Exception {
        return mapper.readTree(r.getBody().utf8());
    }

    @Test
    void streamsOpenAiChunksWithUsageInLastChunk() throws Exception {
        server.enqueue(sse("openai-gpt-4o-mini.sse"));
        Recorder rec = new Recorder();
        client.stream(request("gpt-4o-mini").system("Be brief.").temperature(0.2).topP(0.9).maxTokens(50)
                .seed(7L).stop(List.of("END")).build(), rec);
        rec.await();

        assertThat(rec.error).isNull();
        ChatResult r = rec.result;
        assertThat(r.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(r.text()).isEqualTo("Hello, world!");
        assertThat(rec.tokens).containsExactly("Hello", ",", " world", "!");
        assertThat(r.finishReason()).isEqualTo("stop");
        assertThat(r.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(r.usage()).isEqualTo(new Usage(19, 0, 0, 4, 0, false));
        assertThat(r.httpAttempts()).isEqualTo(1);
        assertThat(r.timings().ttftMillis()).isNotNull();
        assertThat(r.timings().totalMillis()).isGreaterThanOrEqualTo(r.timings().ttftMillis());
        assertThat(rec.terminals).hasValue(1);

        RecordedRequest req = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(req.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("Bearer " + PLANTED_KEY);
        assertThat(req.getHeaders().get("X-Title")).isEqualTo("Switchyard");
        JsonNode b = body(req);
        assertThat(b.get("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(b.get("stream").asBoolean()).isTrue();
        assertThat(b.get("stream_options").get("include_usage").asBoolean()).isTrue();
        assertThat(b.get("max_tokens").asInt()).isEqualTo(50);
        assertThat(b.has("max_completion_tokens")).isFalse();
        assertThat(b.get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(b.get("top_p").asDouble()).isEqualTo(0.9);
        assertThat(b.get("seed").asLong()).isEqualTo(7L);
        assertThat(b.get("stop").get(0).asText()).isEqualTo("END");
        assertThat(b.get("messages").get(0).get("content").asText()).isEqualTo("Say hello");
        assertThat(b.get("messages").get(1).get("role").asText()).isEqualTo("system");
    }

    @Test
    void gatewayKeepAlivesEmptyChoicesAndUsageWithFinish() throws Exception {
        server.enqueue(sse("gateway-keepalive.sse"));
        Recorder rec = new Recorder();
        client.stream(request("openai/gpt-4o-mini").build(), rec);
        rec.await();
        ChatResult r = rec.result;
        assertThat(r.text()).isEqualTo("Side by side.");
        assertThat(r.model()).isEqualTo("openai/gpt-4o-mini");
        assertThat(r.usage()).isEqualTo(new Usage(12, 8, 0, 3, 0, false));
        assertThat(r.timings().decodeTps()).isNotNull();
    }

    @Test
    void reasoningModelGetsMaxCompletionTokensNoTemperatureAndFoldedSystem() throws Exception {
        server.enqueue(sse("openai-o3-mini.sse"));
        Recorder rec = new Recorder();
        ModelCapabilities o1Like = ModelCapabilities.openAiReasoning(false, 128_000);
        client.stream(request("o1-mini").system("You are terse.").temperature(0.7).topP(0.5).maxTokens(500)
                .reasoningEffort("low").capabilities(o1Like).build(), rec);
        rec.await();
        ChatResult r = rec.result;
        assertThat(r.text()).isEqualTo("The answer is 42.");
        assertThat(r.usage()).isEqualTo(new Usage(1200, 1024, 0, 212, 192, false));
        JsonNode b = body(server.takeRequest(5, TimeUnit.SECONDS));
        assertThat(b.get("max_completion_tokens").asInt()).isEqualTo(500);
        assertThat(b.has("max_tokens")).isFalse();
        assertThat(b.has("temperature")).isFalse();
        assertThat(b.has("top_p")).isFalse();
        assertThat(b.get("reasoning_effort").asText()).isEqualTo("low");
        assertThat(b.get("messages")).hasSize(1);
        assertThat(b.get("messages").get(0).get("role").asText()).isEqualTo("user");
        assertThat(b.get("messages").get(0).get("content").asText()).isEqualTo("You are terse.\n\nSay hello");
    }

    @Test
    void deepSeekReasoningContentGoesToOnReasoningAndCountsForTtft() throws Exception {
        server.enqueue(sse("deepseek-reasoner.sse"));
        Recorder rec = new Recorder();
        client.stream(request("deepseek-reasoner").build(), rec);
        rec.await();
        ChatResult r = rec.result;
        assertThat(rec.reasoning).containsExactly("Okay, the user", " wants 2+2.");
        assertThat(r.reasoning()).isEqualTo("Okay, the user wants 2+2.");
        assertThat(r.text()).isEqualTo("4");
        assertThat(r.usage()).isEqualTo(new Usage(10, 0, 0, 25, 22, false));
        assertThat(r.timings().ttftMillis()).isNotNull();
    }

    @Test
    void openRouterReasoningFieldAndNoUsageIsEstimated() throws Exception {
        server.enqueue(sse("openrouter-reasoning.sse"));
        Recorder rec = new Recorder();
        client.stream(request("deepseek/deepseek-r1").build(), rec);
        rec.await();
        assertThat(rec.result.reasoning()).isEqualTo("Think");
        assertThat(rec.result.text()).isEqualTo("Done");
        assertThat(rec.result.usage().estimated()).isTrue();
    }

    @Test
    void noUsageFallsBackToTiktokenEstimateForGpt4oFamily() throws Exception {
        server.enqueue(sse("ollama-no-usage.sse"));
        Recorder rec = new Recorder();
        client.stream(request("gpt-4o-mini").build(), rec);
        rec.await();
        Usage u = rec.result.usage();
        assertThat(u.estimated()).isTrue();
        // "The quick brown fox jumps over the lazy dog." is 10 tokens in o200k_base.
        assertThat(u.outputTokens()).isEqualTo(10);
        // "Say hello" = 2 tokens + 4 per message + 3 primer.
        assertThat(u.inputTokens()).isEqualTo(9);
    }

    @Test
    void streamOptionsCanBeSwitchedOffPerEndpoint() throws Exception {
        server.enqueue(sse("ollama-no-usage.sse"));
        CloudClient plain = clients.client(EndpointConfig.builder(ApiKind.OPENAI, server.url("/v1").toString())
                .sendStreamOptions(false).build());
        Recorder rec = new Recorder();
        plain.stream(request("llama3.2").build(), rec);
        rec.await();
        RecordedRequest req = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(body(req).has("stream_options")).isFalse();
        assertThat(req.getHeaders().get("Authorization")).isNull();
        assertThat(rec.result.usage().estimated()).isTrue();
    }

    @Test
    void contentFilterEndsWithTypedErrorAndKeepsPartial() throws Exception {
        server.enqueue(sse("openai-content-filter.sse"));
        Recorder rec = new Recorder();
        client.stream(request("gpt-4o").build(), rec);
        rec.await();
        assertThat(rec.error.kind()).isEqualTo(CloudException.Kind.CONTENT_FILTERED);
        assertThat(rec.error.partial().status()).isEqualTo(RunStatus.INCOMPLETE);
        assertThat(rec.error.partial().text()).isEqualTo("I can");
        assertThat(rec.error.partial().finishReason()).isEqualTo("content_filter");
    }

    @Test
    void malformedChunkAfterFirstTokenEndsIncomplete() throws Exception {
        server.enqueue(sse("openai-malformed.sse"));
        Recorder rec = new Recorder();
        client.stream(request("gpt-4o-mini").build(), rec);
        rec.await();
        assertThat(rec.error.kind()).isEqualTo(CloudException.Kind.MALFORMED_RESPONSE);
        assertThat(rec.error.partial().status()).isEqualTo(RunStatus.INCOMPLETE);
        assertThat(rec.error.partial().text()).isEqualTo("Good start");
        assertThat(rec.error.partial().httpAttempts()).isEqualTo(1);
    }

    @Test
    void inBandErrorChunkMidStreamIsIncompleteAndNotRetried() throws Exception {
        server.enqueue(sse("openrouter-error-midstream.sse"));
        Recorder rec = new Recorder();
        client.stream(request("openai/gpt-4o").build(), rec);
        rec.await();
        assertThat(rec.error.kind()).isEqualTo(CloudException.Kind.SERVER);
        assertThat(rec.error.partial().status()).isEqualTo(RunStatus.INCOMPLETE);
        assertThat(rec.error.partial().text()).isEqualTo("Half");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void nonStreamingPathForModelsThatDoNotStream() throws Exception {
        server.enqueue(TestSupport.json(200, """
                {"id":"chatcmpl-9","object":"chat.completion","model":"gpt-4o-mini-2024-07-18",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Whole answer."},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":9,"completion_tokens":3,"total_tokens":12}}"""));
        ChatResult r = client.complete(request("gpt-4o-mini")
                .capabilities(ModelCapabilities.defaults().withStreaming(false)).build());
        assertThat(r.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(r.text()).isEqualTo("Whole answer.");
        assertThat(r.usage()).isEqualTo(new Usage(9, 0, 0, 3, 0, false));
        assertThat(r.timings().ttftMillis()).isNotNull();
        assertThat(r.timings().decodeTps()).isNull();
        JsonNode b = body(server.takeRequest(5, TimeUnit.SECONDS));
        assertThat(b.has("stream")).isFalse();
        assertThat(b.has("stream_options")).isFalse();
    }

    @Test
    void nonStreamingIsBoundByTotalNotFirstTokenLimit() throws Exception {
        server.enqueue(new mockwebserver3.MockResponse.Builder().headersDelay(600, TimeUnit.MILLISECONDS)
                .addHeader("Content-Type", "application/json")
                .body("{\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"content\":\"late\"},"
                        + "\"finish_reason\":\"stop\"}]}").build());
        ChatResult r = client.complete(request("m")
                .capabilities(ModelCapabilities.defaults().withStreaming(false))
                .timeouts(TestSupport.SHORT.withFirstToken(java.time.Duration.ofMillis(100))).build());
        assertThat(r.text()).isEqualTo("late");
        assertThat(r.usage().estimated()).isTrue();
    }

    @Test
    void geminiStyleModelIdsLoseTheirPrefix() throws Exception {
        server.enqueue(TestSupport.json(200, """
                {"object":"list","data":[{"id":"models/gemini-2.0-flash","object":"model","owned_by":"google"}]}"""));
        assertThat(client.listModels()).extracting(RemoteModel::id).containsExactly("gemini-2.0-flash");
    }

    @Test
    void listsModels() throws Exception {
        server.enqueue(TestSupport.json(200, """
                {"object":"list","data":[{"id":"gpt-4o-mini","object":"model","owned_by":"system"},
                {"id":"o3-mini","object":"model","owned_by":"system"}]}"""));
        List<RemoteModel> models = client.listModels();
        assertThat(models).extracting(RemoteModel::id).containsExactly("gpt-4o-mini", "o3-mini");
        RecordedRequest req = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(req.getMethod()).isEqualTo("GET");
        assertThat(req.getUrl().encodedPath()).isEqualTo("/v1/models");
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("Bearer " + PLANTED_KEY);
    }

    @Test
    void endpointToStringNeverShowsKey() {
        EndpointConfig cfg = EndpointConfig.builder(ApiKind.OPENAI, "https://x/v1").apiKey(PLANTED_KEY)
                .headers(Map.of("X-Secret-Header", PLANTED_KEY)).build();
        assertThat(cfg.toString()).doesNotContain(PLANTED_KEY).doesNotContain("PLANTED");
        assertThat(client.toString()).doesNotContain("PLANTED");
        assertThat(request("m").build().toString()).doesNotContain("PLANTED");
    }
}
