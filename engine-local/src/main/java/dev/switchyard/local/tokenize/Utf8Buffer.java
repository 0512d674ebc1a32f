package dev.switchyard.local.tokenize;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Collects bytes and releases only whole UTF-8 characters: a token that ends in the middle of a
 * multi-byte sequence is held until the rest arrives. Invalid bytes become U+FFFD when released.
 */
public final class Utf8Buffer {
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    /** Appends bytes; returns the text of every complete character now available ("" if none). */
    public String push(byte[] bytes) {
        pending.write(bytes, 0, bytes.length);
        byte[] all = pending.toByteArray();
        int cut = completePrefix(all);
        if (cut == 0) {
            return "";
        }
        pending.reset();
        pending.write(all, cut, all.length - cut);
        return new String(all, 0, cut, StandardCharsets.UTF_8);
    }

    /** Releases whatever is held, incomplete sequences as U+FFFD. */
    public String flush() {
        byte[] all = pending.toByteArray();
        pending.reset();
        return new String(all, StandardCharsets.UTF_8);
    }

    /** Length of the longest prefix that does not end inside an unfinished (but so far valid) sequence. */
    static int completePrefix(byte[] b) {
        int n = b.length;
        for (int back = 1; back <= Math.min(3, n); back++) {
            int c = b[n - back] & 0xff;
            if ((c & 0xc0) == 0x80) {
                continue; // continuation byte: look further back for the lead
            }
            int need = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 1;
            return need > back ? n - back : n;
        }
        return n;
    }
}
