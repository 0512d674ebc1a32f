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
        assertStreamsWholeCharacters(tok, ids, text);
    }

    /** Streaming {@code ids} one by one gives whole characters only, holds some bytes back, and ends as {@code text}. */
    private static void assertStreamsWholeCharacters(LocalTokenizer t, long[] ids, String text) {
        TextStreamer s = t.streamer();
        StringBuilder out = new StringBuilder();
        int held = 0;
        for (long id : ids) {
            String piece = s.push(id);
            assertThat(piece).doesNotContain("\uFFFD");
            held += piece.isEmpty() ? 1 : 0;
            out.append(piece);
        }
        out.append(s.flush());
        assertThat(held).as("bytes of unfinished characters were held back").isPositive();
        assertThat(out.toString()).isEqualTo(text).isEqualTo(t.decode(ids));
    }

    @Test
    void aSentencePieceTokenizerWithByteFallbackStreamsWholeCharactersAndTheSameTextAsDecode() throws Exception {
        try (LocalTokenizer sp = LocalTokenizer.load(TestModels.tinyPhi3().resolve("tokenizer.json"))) {
            String text = "Hello wörld, the local model — 😀 phi";
            long[] ids = sp.encode(text, false);
            // "▁hello"-style pieces for known words, <0xNN> byte pieces for characters outside the vocabulary
            assertThat(ids).contains(sp.idOf("\u2581the"), sp.idOf("\u2581local"), sp.idOf("<0xF0>"), sp.idOf("<0x9F>"));
            // (the "▁" the normalizer puts before the first word is not streamed, as the decoder's Strip drops it)
            assertStreamsWholeCharacters(sp, ids, text);
        }
    }

    @Test
    void aSentencePieceTokenizerAddsItsBosOnlyWhenAskedAndKeepsChatTokensWhole() throws Exception {
        try (LocalTokenizer sp = LocalTokenizer.load(TestModels.tinyPhi3().resolve("tokenizer.json"))) {
            assertThat(sp.size()).isEqualTo(396);
            long[] plain = sp.encode("<|user|>\nhello<|end|>", false);
            long[] withBos = sp.encode("<|user|>\nhello<|end|>", true);
            assertThat(withBos[0]).isEqualTo(sp.idOf("<s>")).isEqualTo(1);
            assertThat(java.util.Arrays.copyOfRange(withBos, 1, withBos.length)).containsExactly(plain);
            assertThat(plain[0]).isEqualTo(sp.idOf("<|user|>"));
            assertThat(plain[plain.length - 1]).isEqualTo(sp.idOf("<|end|>"));
            assertThat(sp.isSpecial(sp.idOf("<|end|>"))).isTrue();
            TextStreamer s = sp.streamer();
            assertThat(s.push(sp.idOf("<s>"))).isEmpty();
            assertThat(s.push(sp.idOf("\u2581hello"))).as("the first word's space is dropped").isEqualTo("hello");
            assertThat(s.push(sp.idOf("\u2581world"))).isEqualTo(" world");
        }
    }

    @Test
    void specialTokensStreamAsNothing() {
        TextStreamer s = tok.streamer();
        assertThat(s.push(tok.idOf("<|im_end|>"))).isEmpty();
        assertThat(s.push(tok.idOf("hello"))).isEqualTo("hello");
    }
}
