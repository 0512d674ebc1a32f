package dev.switchyard.local.tokenize;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;

/** GPT-2's byte-to-unicode table, reversed: a byte-level BPE token string back to its bytes. */
final class ByteLevel {
    private ByteLevel() {
    }

    static Map<Character, Integer> unicodeToByte() {
        Map<Character, Integer> map = new HashMap<>();
        int n = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = b >= '!' && b <= '~' || b >= 0xa1 && b <= 0xac || b >= 0xae && b <= 0xff;
            if (printable) {
                map.put((char) b, b);
            } else {
                map.put((char) (256 + n), b);
                n++;
            }
        }
        return map;
    }

    static byte[] decode(String token, Map<Character, Integer> table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(token.length());
        for (int i = 0; i < token.length(); i++) {
            Integer b = table.get(token.charAt(i));
            if (b == null) {
                byte[] raw = String.valueOf(token.charAt(i)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.write(raw, 0, raw.length);
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }
}
