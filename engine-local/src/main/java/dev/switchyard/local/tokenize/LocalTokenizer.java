package dev.switchyard.local.tokenize;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchyard.local.LocalEngineException;
import dev.switchyard.local.LocalEngineException.Kind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The model's tokenizer: DJL's HuggingFaceTokenizer (native HF tokenizers) loaded from the
 * tokenizer.json path only, never by hub name. Decoding for streaming uses the raw bytes of each token
 * (byte-level BPE or SentencePiece byte fallback) so partial UTF-8 sequences can be held back.
 */
public final class LocalTokenizer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HuggingFaceTokenizer hf;
    private final Path file;
    private final Map<String, Long> vocab;
    private final byte[][] tokenBytes;
    private final Set<Long> specialIds;
    private final boolean stripFirstSpace;
    private final int size;

    private LocalTokenizer(HuggingFaceTokenizer hf, Path file, Map<String, Long> vocab, byte[][] tokenBytes,
                           Set<Long> specialIds, boolean stripFirstSpace, int size) {
        this.hf = hf;
        this.file = file;
        this.vocab = vocab;
        this.tokenBytes = tokenBytes;
        this.specialIds = specialIds;
        this.stripFirstSpace = stripFirstSpace;
        this.size = size;
    }

    public static LocalTokenizer load(Path tokenizerJson) throws LocalEngineException {
        JsonNode root;
        try {
            root = JSON.readTree(tokenizerJson.toFile());
        } catch (IOException e) {
            throw new LocalEngineException(Kind.TOKENIZER_MISMATCH, tokenizerJson + " is not a readable tokenizer.json: "
                    + e.getMessage().split("\n")[0], e);
        }
        JsonNode model = root.path("model");
        if (!model.path("vocab").isObject()) {
            throw new LocalEngineException(Kind.TOKENIZER_MISMATCH, tokenizerJson
                    + " has no model.vocab object; only BPE tokenizer.json files (GPT-2, Llama, Qwen, Phi-3 …) are supported.");
        }
        Map<String, Long> vocab = new HashMap<>();
        long max = -1;
        for (Map.Entry<String, JsonNode> e : model.path("vocab").properties()) {
            vocab.put(e.getKey(), e.getValue().asLong());
            max = Math.max(max, e.getValue().asLong());
        }
        Set<Long> special = new HashSet<>();
        Map<Long, String> added = new HashMap<>();
        for (JsonNode t : root.path("added_tokens")) {
            long id = t.path("id").asLong();
            vocab.put(t.path("content").asText(), id);
            added.put(id, t.path("content").asText());
            if (t.path("special").asBoolean(false)) {
                special.add(id);
            }
            max = Math.max(max, id);
        }
        int size = (int) (max + 1);
        String decoder = root.path("decoder").path("type").asText("");
        boolean byteLevel = decoder.equals("ByteLevel");
        boolean strip = root.path("decoder").toString().contains("\"Strip\"") || decoder.equals("Metaspace");
        byte[][] bytes = new byte[size][];
        Map<Character, Integer> unByte = ByteLevel.unicodeToByte();
        for (Map.Entry<String, Long> e : vocab.entrySet()) {
            int id = e.getValue().intValue();
            String s = e.getKey();
            if (special.contains((long) id)) {
                bytes[id] = new byte[0];
            } else if (added.containsKey((long) id)) {
                bytes[id] = s.getBytes(StandardCharsets.UTF_8);
            } else if (byteLevel) {
                bytes[id] = ByteLevel.decode(s, unByte);
            } else {
                bytes[id] = sentencePieceBytes(s);
            }
        }
        DjlLogs.quiet();
        HuggingFaceTokenizer hf;
        try {
            hf = HuggingFaceTokenizer.newInstance(tokenizerJson, Map.of("truncation", "false", "padding", "false",
                    "addSpecialTokens", "false"));
        } catch (IOException | RuntimeException e) {
            throw new LocalEngineException(Kind.TOKENIZER_MISMATCH, tokenizerJson + " cannot be loaded by the HF tokenizer: "
                    + e.getMessage(), e);
        }
        return new LocalTokenizer(hf, tokenizerJson, vocab, bytes, special, strip, size);
    }

    private static byte[] sentencePieceBytes(String piece) {
        if (piece.length() == 6 && piece.startsWith("<0x") && piece.endsWith(">")) {
            try {
                return new byte[] {(byte) Integer.parseInt(piece.substring(3, 5), 16)};
            } catch (NumberFormatException ignored) {
                // a normal piece that looks like a byte
            }
        }
        return piece.replace('\u2581', ' ').getBytes(StandardCharsets.UTF_8);
    }

    public Path file() {
        return file;
    }

    /** Vocabulary size: highest token id + 1, added tokens included. */
    public int size() {
        return size;
    }

    /** The id of a token string (a special token such as "<|im_end|>"), or -1. */
    public long idOf(String token) {
        Long id = vocab.get(token);
        return id == null ? -1 : id;
    }

    public boolean isSpecial(long id) {
        return specialIds.contains(id);
    }

    /** Encodes text; special-token strings in the text become their ids. */
    public long[] encode(String text, boolean addSpecialTokens) {
        return hf.encode(text, addSpecialTokens, false).getIds();
    }

    /** Full decode via the HF tokenizer, skipping special tokens. */
    public String decode(long[] ids) {
        return hf.decode(ids, true);
    }

    /** A streamer for one run. */
    public TextStreamer streamer() {
        return new TextStreamer() {
            private final Utf8Buffer buffer = new Utf8Buffer();
            private boolean first = true;

            @Override
            public String push(long id) {
                byte[] b = id >= 0 && id < tokenBytes.length ? tokenBytes[(int) id] : null;
                if (b == null || b.length == 0) {
                    return "";
                }
                if (first && stripFirstSpace && b[0] == ' ') {
                    b = java.util.Arrays.copyOfRange(b, 1, b.length);
                }
                first = false;
                return buffer.push(b);
            }

            @Override
            public String flush() {
                return buffer.flush();
            }
        };
    }

    @Override
    public void close() {
        hf.close();
    }
}
