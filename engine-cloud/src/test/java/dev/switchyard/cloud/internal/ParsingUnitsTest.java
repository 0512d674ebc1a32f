package dev.switchyard.cloud.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchyard.cloud.CloudException.Kind;
import dev.switchyard.cloud.RetryPolicy;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Headers;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class ParsingUnitsTest {

    @Test
    void sseReaderFollowsFieldRules() throws IOException {
        String raw = ": comment\r\nevent: a\r\ndata: one\r\ndata:two\r\nid: 7\r\n\r\ndata: [DONE]\n\n"
                + "data\ndata:  x\n\ndataX: y\nevents: e\ndata: z\n\n";
        List<String> events = new ArrayList<>();
        int[] activity = {0};
        SseReader.read(new Buffer().writeUtf8(raw), new SseReader.Handler() {
            @Override
            public void onActivity(long nanos) {
                activity[0]++;
            }

            @Override
            public void onEvent(String type, String data, long nanos) {
                events.add(type + "|" + data);
            }

            @Override
            public boolean stopped() {
                return false;
            }
        });
        assertThat(events).containsExactly("a|one\ntwo", "null|[DONE]", "null|\n x", "null|z");
        assertThat(activity[0]).isEqualTo(15);
    }

    /** Streamed chunks are read with Jackson's streaming parser; what it reads must be what the tree says. */
    @Test
    void streamedChunkReadsWhatItsTreeSays() throws IOException {
        List<String> chunks = new ArrayList<>(List.of(
                "{\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}",
                // fields in another order, finish reason before the delta, extra nested values skipped
                "{\"choices\":[{\"finish_reason\":\"stop\",\"logprobs\":{\"content\":[{\"t\":[1,2]}]},"
                        + "\"delta\":{\"tool_calls\":[{\"function\":{\"content\":\"no\"}}],\"content\":\"a\"}}],\"model\":\"x\"}",
                // reasoning: reasoning_content wins, null falls back to reasoning; refusal
                "{\"choices\":[{\"delta\":{\"reasoning_content\":\"r1\",\"reasoning\":\"r2\"}}]}",
                "{\"choices\":[{\"delta\":{\"reasoning_content\":null,\"reasoning\":\"r2\",\"refusal\":\"no\"}}]}",
                // not strings: null
                "{\"model\":7,\"choices\":[{\"delta\":{\"content\":[\"a\"],\"refusal\":{\"x\":1}},\"finish_reason\":1}]}",
                // only the first choice counts; empty choices; choices not an array; delta not an object
                "{\"choices\":[{\"delta\":{\"content\":\"first\"}},{\"delta\":{\"content\":\"second\"}}]}",
                "{\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":8,"
                        + "\"prompt_tokens_details\":{\"cached_tokens\":1}}}",
                "{\"choices\":{\"delta\":{\"content\":\"a\"}}}",
                "{\"choices\":[{\"delta\":\"a\",\"finish_reason\":\"length\"}]}",
                "{\"choices\":[7,{\"delta\":{\"content\":\"a\"}}]}",
                // repeated keys: the last one counts, as in a tree
                "{\"choices\":[{\"delta\":{\"content\":\"a\"},\"delta\":{\"refusal\":\"b\"}}]}",
                "{\"choices\":[{\"delta\":{\"content\":\"a\"},\"finish_reason\":\"stop\"}],\"choices\":[]}",
                "{\"usage\":{\"completion_tokens\":2},\"usage\":null}",
                // errors, usage not an object, not an object at all
                "{\"error\":{\"code\":\"x\",\"message\":\"m\"},\"choices\":[{\"delta\":{\"content\":\"a\"}}]}",
                "{\"error\":null,\"usage\":5}",
                "[1,{\"model\":\"m\"}]",
                "\"text\""));
        for (String fixture : List.of("openai-gpt-4o-mini", "deepseek-reasoner", "openai-o3-mini", "openrouter-reasoning",
                "openrouter-error-midstream", "gateway-keepalive", "ollama-no-usage", "openai-content-filter")) {
            try (var in = getClass().getResourceAsStream("/fixtures/" + fixture + ".sse")) {
                new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                        .filter(l -> l.startsWith("data: {")).map(l -> l.substring(6)).forEach(chunks::add);
            }
        }
        for (String chunk : chunks) {
            assertThat(OpenAiChunk.parse(chunk)).as(chunk).isEqualTo(OpenAiChunk.of(Json.parse(chunk), "delta"));
        }
        assertThat(OpenAiChunk.parse(chunks.get(1)))
                .isEqualTo(new OpenAiChunk("x", null, "a", null, "stop", null, false));
        for (String broken : List.of("{\"choices\":[{\"delta\":{\"content\":\"a", "{\"model\":}", "nope")) {
            assertThatThrownBy(() -> OpenAiChunk.parse(broken)).isInstanceOf(dev.switchyard.cloud.CloudException.class)
                    .hasMessageContaining("invalid JSON");
            assertThatThrownBy(() -> Json.parse(broken)).hasMessageContaining("invalid JSON");
        }
    }

    @Test
    void streamedAnthropicDeltaReadsWhatItsTreeSays() throws IOException {
        List<String> events = new ArrayList<>(List.of(
                "{\"delta\":{\"text\":\"a\",\"type\":\"text_delta\"},\"type\":\"content_block_delta\",\"index\":0}",
                "{\"type\":\"content_block_delta\",\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"t\",\"x\":[{}]}}",
                "{\"delta\":{\"type\":\"signature_delta\",\"signature\":\"s\"}}",
                "{\"delta\":{\"type\":\"text_delta\",\"text\":null}}",
                "{\"delta\":{\"type\":1,\"text\":{\"a\":\"b\"}}}",
                "{\"delta\":\"text\"}",
                "{\"delta\":{\"type\":\"text_delta\",\"text\":\"a\"},\"delta\":{\"type\":\"text_delta\"}}",
                "{\"delta\":{\"type\":\"text_delta\",\"text\":\"a\"},\"delta\":[1]}",
                "{}",
                "[{\"delta\":{}}]"));
        for (String fixture : List.of("anthropic-plain", "anthropic-thinking", "anthropic-error-midstream")) {
            try (var in = getClass().getResourceAsStream("/fixtures/" + fixture + ".sse")) {
                new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                        .filter(l -> l.startsWith("data: {")).map(l -> l.substring(6)).forEach(events::add);
            }
        }
        for (String event : events) {
            assertThat(AnthropicDelta.parse(event)).as(event).isEqualTo(AnthropicDelta.of(Json.parse(event)));
        }
        assertThat(AnthropicDelta.parse(events.get(1))).isEqualTo(new AnthropicDelta("thinking_delta", null, "t"));
        assertThatThrownBy(() -> AnthropicDelta.parse("{\"delta\":{\"text\":\"a")).hasMessageContaining("invalid JSON");
    }

    @Test
    void retryAfterForms() {
        assertThat(ErrorMapper.retryAfter(Headers.of("Retry-After", "7"))).isEqualTo(Duration.ofSeconds(7));
        assertThat(ErrorMapper.retryAfter(Headers.of("retry-after-ms", "250", "Retry-After", "7")))
                .isEqualTo(Duration.ofMillis(250));
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(30));
        assertThat(ErrorMapper.retryAfter(Headers.of("Retry-After", date))).isBetween(Duration.ofSeconds(25),
                Duration.ofSeconds(31));
        assertThat(ErrorMapper.retryAfter(Headers.of("Retry-After", "soon"))).isNull();
        assertThat(ErrorMapper.retryAfter(Headers.of())).isNull();
    }

    @Test
    void backoffIsExponentialCappedAndJittered() {
        RetryPolicy p = RetryPolicy.DEFAULT;
        for (int i = 0; i < 50; i++) {
            assertThat(RetryDelays.delay(p, 1, null)).isBetween(Duration.ofMillis(375), Duration.ofMillis(500));
            assertThat(RetryDelays.delay(p, 2, null)).isBetween(Duration.ofMillis(750), Duration.ofMillis(1000));
            assertThat(RetryDelays.delay(p, 10, null)).isBetween(Duration.ofSeconds(6), Duration.ofSeconds(8));
        }
        assertThat(RetryDelays.delay(p, 1, Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
        assertThat(RetryDelays.scaledNanos(p.withDelayScale(0.001), Duration.ofSeconds(1))).isEqualTo(1_000_000L);
    }

    @Test
    void statusAndCodeMapping() {
        assertThat(ErrorMapper.kindForStatus(401, null, null)).isEqualTo(Kind.AUTHENTICATION);
        assertThat(ErrorMapper.kindForStatus(408, null, null)).isEqualTo(Kind.SERVER);
        assertThat(ErrorMapper.kindForStatus(409, null, null)).isEqualTo(Kind.SERVER);
        assertThat(ErrorMapper.kindForStatus(413, null, null)).isEqualTo(Kind.CONTEXT_TOO_LONG);
        assertThat(ErrorMapper.kindForStatus(400, "invalid_request_error", "prompt is too long: 210000 tokens > 200000"))
                .isEqualTo(Kind.CONTEXT_TOO_LONG);
        assertThat(ErrorMapper.kindForStatus(402, null, null)).isEqualTo(Kind.QUOTA_EXCEEDED);
        assertThat(ErrorMapper.inBand("overloaded_error", "Overloaded", null).kind()).isEqualTo(Kind.SERVER);
        assertThat(ErrorMapper.inBand("rate_limit_error", "x", null).kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(ErrorMapper.inBand("429", "x", null).kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(ErrorMapper.fromIo(new SocketTimeoutException("Connect timed out"), false, null).kind())
                .isEqualTo(Kind.CONNECT_TIMEOUT);
        assertThat(ErrorMapper.fromIo(new IOException("unexpected end of stream"), true, null).kind())
                .isEqualTo(Kind.STREAM_BROKEN);
    }

    @Test
    void redactorMasksKeysAndTruncates() {
        String key = "sk-proj-PLANTED0123456789";
        assertThat(Redactor.redact("bad key " + key + " here", null)).isEqualTo("bad key ██ here");
        assertThat(Redactor.redact("Authorization: Bearer abc.def", null)).doesNotContain("abc.def");
        assertThat(Redactor.redact("custom-secret-value-xyz", "custom-secret-value-xyz")).isEqualTo("██");
        assertThat(Redactor.redact("x".repeat(1000), null)).hasSize(301);
    }
}
