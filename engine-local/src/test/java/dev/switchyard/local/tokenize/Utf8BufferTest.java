package dev.switchyard.local.tokenize;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8BufferTest {
    @Test
    void holdsAMultiByteCharacterUntilItIsComplete() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8); // 3 bytes
        byte[] smile = "😀".getBytes(StandardCharsets.UTF_8); // 4 bytes
        Utf8Buffer b = new Utf8Buffer();
        assertThat(b.push(new byte[] {'a', euro[0]})).isEqualTo("a");
        assertThat(b.push(new byte[] {euro[1]})).isEmpty();
        assertThat(b.push(new byte[] {euro[2], smile[0], smile[1]})).isEqualTo("€");
        assertThat(b.push(Arrays.copyOfRange(smile, 2, 4))).isEqualTo("😀");
        assertThat(b.flush()).isEmpty();
    }

    @Test
    void flushReleasesAnUnfinishedSequenceAsAReplacementCharacter() {
        Utf8Buffer b = new Utf8Buffer();
        assertThat(b.push(new byte[] {(byte) 0xe2, (byte) 0x82})).isEmpty();
        assertThat(b.flush()).isEqualTo("\uFFFD");
    }

    @Test
    void everySplitOfAMixedStringStreamsBackToTheSameText() {
        String text = "héllo wörld €5 — 😀 ok 日本語";
        byte[] all = text.getBytes(StandardCharsets.UTF_8);
        for (int chunk = 1; chunk <= 5; chunk++) {
            Utf8Buffer b = new Utf8Buffer();
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < all.length; i += chunk) {
                String s = b.push(Arrays.copyOfRange(all, i, Math.min(all.length, i + chunk)));
                assertThat(s).doesNotContain("\uFFFD");
                out.append(s);
            }
            out.append(b.flush());
            assertThat(out.toString()).isEqualTo(text);
        }
    }
}
