package dev.switchyard.local.tokenize;

import dev.switchyard.local.TestModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalTokenizerTest {
    static LocalTokenizer tok;

    @BeforeAll
    static void load() throws Exception {
        tok = LocalTokenizer.load(TestModels.tiny().resolve("tokenizer.json"));
    }

    @AfterAll
    static void close() {
        tok.close();
    }

    @Test
    void specialTokensInTextBecomeSingleIds() {
        assertThat(tok.size()).isEqualTo(342);
        long[] ids = tok.encode("<|im_start|>user\nhello<|im_end|>", false);
        assertThat(ids[0]).isEqualTo(tok.idOf("<|im_start|>")).isEqualTo(1);
        assertThat(ids[ids.length - 1]).isEqualTo(tok.idOf("<|im_end|>")).isEqualTo(2);
        assertThat(tok.isSpecial(2)).isTrue();
        assertThat(tok.idOf("hello")).isPositive();
    }

    @Test
    void streamingByteLevelTokensGivesWholeCharactersOnlyAndTheSameTextAsDecode() {
        String text = "héllo wörld, the model costs 5 € — 😀 日本";
        long[] ids = tok.encode(text, false);
        assertThat(ids.length).as("multi-byte characters are split across byte tokens").isGreaterThan(text.length() / 2);
        TextStreamer s = tok.streamer();
        StringBuilder out = new StringBuilder();
        int emptyPieces = 0;
        for (long id : ids) {
            String piece = s.push(id);
            assertThat(piece).doesNotContain("\uFFFD");
            if (piece.isEmpty()) {
                emptyPieces++;
            }
            out.append(piece);
        }
        out.append(s.flush());
        assertThat(emptyPieces).as("bytes of unfinished characters were held back").isPositive();
        assertThat(out.toString()).isEqualTo(text).isEqualTo(tok.decode(ids));
    }

    @Test
    void specialTokensStreamAsNothing() {
        TextStreamer s = tok.streamer();
        assertThat(s.push(tok.idOf("<|im_end|>"))).isEmpty();
        assertThat(s.push(tok.idOf("hello"))).isEqualTo("hello");
    }
}
