package dev.switchyard.cloud.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
        String raw = ": comment\r\nevent: a\r\ndata: one\r\ndata:two\r\nid: 7\r\n\r\ndata: [DONE]\n\n";
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
        assertThat(events).containsExactly("a|one\ntwo", "null|[DONE]");
        assertThat(activity[0]).isEqualTo(8);
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
