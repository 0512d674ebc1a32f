package dev.switchyard.cloud.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.cloud.ChatMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenEstimatorTest {
    private final TokenEstimator est = TokenEstimator.shared();

    @Test
    void encodingByModelFamily() {
        assertThat(TokenEstimator.encodingForModel("gpt-4o-mini")).isEqualTo("o200k_base");
        assertThat(TokenEstimator.encodingForModel("openai/gpt-4.1-mini")).isEqualTo("o200k_base");
        assertThat(TokenEstimator.encodingForModel("o1-mini")).isEqualTo("o200k_base");
        assertThat(TokenEstimator.encodingForModel("o3-mini-2025-01-31")).isEqualTo("o200k_base");
        assertThat(TokenEstimator.encodingForModel("gpt-4-turbo")).isEqualTo("cl100k_base");
        assertThat(TokenEstimator.encodingForModel("gpt-3.5-turbo")).isEqualTo("cl100k_base");
        assertThat(TokenEstimator.encodingForModel("claude-3-5-haiku-latest")).isEqualTo("approx");
        assertThat(TokenEstimator.resolve("cl100k_base", "gpt-4o")).isEqualTo("cl100k_base");
        assertThat(TokenEstimator.resolve("auto", "gpt-4o")).isEqualTo("o200k_base");
    }

    @Test
    void exactAndApproximateCounts() {
        assertThat(est.count("Hello, world!", "o200k_base")).isEqualTo(4);
        assertThat(est.count("Hello, world!", "cl100k_base")).isEqualTo(4);
        assertThat(est.count("Hello, world!", "approx")).isEqualTo(4); // 13 chars → ceil(13/4)
        assertThat(est.count("abcd", "approx")).isEqualTo(1);
        assertThat(est.count("abcde", "approx")).isEqualTo(2);
        assertThat(est.count("", "o200k_base")).isZero();
        assertThat(est.countChat(List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hi")), "approx"))
                .isEqualTo(3 + (4 + 3) + (4 + 1));
    }
}
