package dev.switchyard.local.onnx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rewrites a decoder's ONNX graph at load so that its lm_head projects only the last position: exported decoders
 * compute logits for every prompt row ({@code [B, S, vocab]}), though generation samples only the last one, and for a
 * 128-token prompt that projection was 62–67 ms of a ~350 ms SmolLM2-135M prefill (more with Qwen's 151,936-word
 * vocabulary). The rewrite puts a {@code Gather(axis=1, indices=[-1])} in front of the node that produces
 * {@code logits} and declares {@code logits} as {@code [B, 1, vocab]}; nothing else changes, so every other node
 * computes exactly what it did.
 *
 * <p>Done on the protobuf wire format (ONNX's {@code ModelProto}), without a protobuf library, into a small file
 * written next to the model and deleted once loaded: the graph's node list and one output are re-encoded, and every
 * initializer stored in the file becomes an ONNX external-data reference to its bytes in the original file (location,
 * offset, length), so no weight is copied and ONNX Runtime reads them as it reads any external data. It applies when
 * the node producing {@code logits} is a {@code MatMul} or {@code com.microsoft MatMulNBits} (Optimum,
 * onnx-community and onnxruntime-genai exports), no initializer is already external, and the model's folder is
 * writable; otherwise the model loads as it is.
 */
final class LastRowLogits {

    private static final String MS_DOMAIN = "com.microsoft";
    /** Name prefix of the rewritten file in the model's folder (hidden; deleted once the session is created). */
    static final String PREFIX = ".switchyard-last-row-";
    /** The rewritten file holds the graph, not the weights; a larger one means weights it cannot reference. */
    private static final long MAX_KEPT_BYTES = 64L << 20;

    private LastRowLogits() {
    }

    /**
     * Writes the rewritten model next to {@code file} and returns its path (the caller loads it, then deletes it), or
     * empty when the graph is not of that form.
     */
    static Optional<Path> write(Path file, String logitsName) throws IOException {
        String original = file.getFileName().toString();
        List<Object> pieces;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() > Integer.MAX_VALUE - 4096) {
                return Optional.empty(); // a protobuf file cannot be larger
            }
            MappedByteBuffer src = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
            try {
                pieces = plan(src, logitsName, original);
                if (pieces == null || length(pieces) > MAX_KEPT_BYTES) {
                    return Optional.empty(); // (weights kept inline, e.g. as float_data: not worth a copy)
                }
                // the byte ranges kept as they are (nodes, inputs, metadata) are small: copy them out before unmapping
                for (int i = 0; i < pieces.size(); i++) {
                    if (pieces.get(i) instanceof int[] r) {
                        pieces.set(i, copy(src, r[0], r[1]));
                    }
                }
            } catch (RuntimeException malformed) {
                return Optional.empty(); // not a well-formed ModelProto: ONNX Runtime reports the real problem on load
            } finally {
                free(src); // unmapped now: its pages would otherwise count in the process's memory until a GC
            }
        }
        Path folder = file.toAbsolutePath().getParent();
        deleteStale(folder);
        Path out = Files.createTempFile(folder, PREFIX, ".onnx");
        try (FileChannel w = FileChannel.open(out, StandardOpenOption.WRITE)) {
            for (Object p : pieces) {
                ByteBuffer b = ByteBuffer.wrap((byte[]) p);
                while (b.hasRemaining()) {
                    w.write(b);
                }
            }
        } catch (IOException e) {
            Files.deleteIfExists(out);
            throw e;
        }
        return Optional.of(out);
    }

    /** Rewritten files left by a process that died while loading (older than an hour: none is still being loaded). */
    private static void deleteStale(Path folder) {
        long hourAgo = System.currentTimeMillis() - 3_600_000L;
        try (var files = Files.newDirectoryStream(folder, PREFIX + "*.onnx")) {
            for (Path p : files) {
                if (Files.getLastModifiedTime(p).toMillis() < hourAgo) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // best effort: a hidden file stays behind
        }
    }

    /** Unmaps a mapped buffer now rather than at some later GC; nothing may use it afterwards. */
    private static void free(MappedByteBuffer buffer) {
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            java.lang.reflect.Field f = unsafeClass.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            unsafeClass.getMethod("invokeCleaner", ByteBuffer.class).invoke(f.get(null), buffer);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // the garbage collector frees it later
        }
    }

    /**
     * The new file as pieces: byte arrays, and {@code int[] {from, to}} ranges of {@code m} to copy; null when the
     * graph is not of the form this rewrite handles.
     */
    private static List<Object> plan(ByteBuffer m, String logitsName, String originalFileName) {
        Field graph = null;
        List<Field> top = fields(m, 0, m.limit());
        for (Field f : top) {
            if (f.number == 7 && f.wire == 2) {
                graph = f;
            }
        }
        if (graph == null) {
            return null;
        }
        List<Field> graphFields = fields(m, graph.valueStart, graph.end);
        Field head = null;
        Node headNode = null;
        Field output = null;
        for (Field f : graphFields) {
            if (f.number == 1 && f.wire == 2) {
                Node n = Node.parse(m, f);
                if (n.outputs.contains(logitsName)) {
                    head = f;
                    headNode = n;
                }
            } else if (f.number == 12 && f.wire == 2 && logitsName.equals(firstString(m, f, 1))) {
                output = f;
            } else if (f.number == 5 && f.wire == 2 && isExternal(m, f)) {
                return null;
            }
        }
        if (head == null || output == null || headNode.inputs.isEmpty()
                || !(headNode.opType.equals("MatMul") && headNode.domain.isEmpty()
                    || headNode.opType.equals("MatMulNBits") && headNode.domain.equals(MS_DOMAIN))) {
            return null;
        }
        byte[] newOutput = withMiddleDimOne(m, output);
        if (newOutput == null) {
            return null;
        }
        String x = headNode.inputs.get(0);
        String index = x + "/switchyard_last_index";
        String lastRow = x + "/switchyard_last_row";
        byte[] constant = field(1, node(List.of(), List.of(index), "switchyard_last_index", "Constant",
                attribute("value", 4, 5, int64Tensor(-1L))));
        byte[] gather = field(1, node(List.of(x, index), List.of(lastRow), "switchyard_last_row", "Gather",
                attribute("axis", 2, 3, varint(1))));
        byte[] newHead = field(1, replaceFirstInput(m, head, lastRow));

        List<Object> graphPieces = new ArrayList<>();
        for (Field f : graphFields) {
            if (f == head) {
                graphPieces.add(constant);
                graphPieces.add(gather);
                graphPieces.add(newHead);
            } else if (f == output) {
                graphPieces.add(field(12, newOutput));
            } else if (f.number == 5 && f.wire == 2) {
                graphPieces.add(externalized(m, f, originalFileName));
            } else {
                graphPieces.add(new int[] {f.start, f.end});
            }
        }
        long graphLength = length(graphPieces);
        List<Object> pieces = new ArrayList<>();
        for (Field f : top) {
            if (f == graph) {
                pieces.add(concat(varint(7 << 3 | 2), varint(graphLength)));
                pieces.addAll(graphPieces);
            } else {
                pieces.add(new int[] {f.start, f.end});
            }
        }
        return pieces;
    }

    // ------------------------------------------------------------------ reading the wire format

    /** One field of a message: its number, wire type, where it starts (tag), where its value starts and ends. */
    private record Field(int number, int wire, int start, int valueStart, int end) {
    }

    private static List<Field> fields(ByteBuffer m, int from, int to) {
        List<Field> out = new ArrayList<>();
        int[] pos = {from};
        while (pos[0] < to) {
            int start = pos[0];
            long tag = readVarint(m, pos);
            int number = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            int valueStart = pos[0];
            switch (wire) {
                case 0 -> readVarint(m, pos);
                case 1 -> pos[0] += 8;
                case 2 -> {
                    long len = readVarint(m, pos);
                    valueStart = pos[0];
                    pos[0] = Math.addExact(pos[0], Math.toIntExact(len));
                }
                case 5 -> pos[0] += 4;
                default -> throw new IllegalArgumentException("wire type " + wire);
            }
            if (pos[0] > to || number == 0) {
                throw new IllegalArgumentException("truncated field");
            }
            out.add(new Field(number, wire, start, valueStart, pos[0]));
        }
        return out;
    }

    private static long readVarint(ByteBuffer m, int[] pos) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = m.get(pos[0]++);
            v |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("varint too long");
    }

    private static String string(ByteBuffer m, Field f) {
        byte[] b = new byte[f.end - f.valueStart];
        m.get(f.valueStart, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static String firstString(ByteBuffer m, Field message, int number) {
        for (Field f : fields(m, message.valueStart, message.end)) {
            if (f.number == number && f.wire == 2) {
                return string(m, f);
            }
        }
        return null;
    }

    /** TensorProto.data_location (field 14) == EXTERNAL (1). Only the tags are read, not the weights. */
    private static boolean isExternal(ByteBuffer m, Field tensor) {
        for (Field f : fields(m, tensor.valueStart, tensor.end)) {
            if (f.number == 14 && f.wire == 0 && readVarint(m, new int[] {f.valueStart}) == 1) {
                return true;
            }
        }
        return false;
    }

    private record Node(List<String> inputs, List<String> outputs, String opType, String domain) {
        static Node parse(ByteBuffer m, Field node) {
            List<String> in = new ArrayList<>();
            List<String> out = new ArrayList<>();
            String op = "";
            String domain = "";
            for (Field f : fields(m, node.valueStart, node.end)) {
                if (f.wire != 2) {
                    continue;
                }
                switch (f.number) {
                    case 1 -> in.add(string(m, f));
                    case 2 -> out.add(string(m, f));
                    case 4 -> op = string(m, f);
                    case 7 -> domain = string(m, f);
                    default -> { }
                }
            }
            return new Node(in, out, op, domain.equals("ai.onnx") ? "" : domain);
        }
    }

    // ------------------------------------------------------------------ writing

    /**
     * An initializer field whose {@code raw_data} becomes an external-data reference to the same bytes of the original
     * file (TensorProto.external_data = location, offset, length; data_location = EXTERNAL); small tensors and those
     * without raw_data stay as they are.
     */
    private static Object externalized(ByteBuffer m, Field tensor, String originalFileName) {
        Field raw = null;
        for (Field f : fields(m, tensor.valueStart, tensor.end)) {
            if (f.number == 9 && f.wire == 2) {
                raw = f;
            }
        }
        if (raw == null || raw.end - raw.valueStart < 1024) {
            return new int[] {tensor.start, tensor.end};
        }
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        for (Field f : fields(m, tensor.valueStart, tensor.end)) {
            if (!f.equals(raw)) {
                t.writeBytes(copy(m, f.start, f.end));
            }
        }
        t.writeBytes(field(13, concat(stringField(1, "location"), stringField(2, originalFileName))));
        t.writeBytes(field(13, concat(stringField(1, "offset"), stringField(2, Integer.toString(raw.valueStart)))));
        t.writeBytes(field(13, concat(stringField(1, "length"), stringField(2, Integer.toString(raw.end - raw.valueStart)))));
        t.writeBytes(concat(varint(14 << 3), varint(1)));
        return field(5, t.toByteArray());
    }

    /** The node with its first input renamed; every other field kept in order, byte for byte. */
    private static byte[] replaceFirstInput(ByteBuffer m, Field node, String input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean replaced = false;
        for (Field f : fields(m, node.valueStart, node.end)) {
            if (!replaced && f.number == 1 && f.wire == 2) {
                out.writeBytes(stringField(1, input));
                replaced = true;
            } else {
                out.writeBytes(copy(m, f.start, f.end));
            }
        }
        return out.toByteArray();
    }

    /**
     * The ValueInfoProto of a [batch, sequence, vocab] output with its middle dimension set to 1 (dim_value), or null
     * when its declared shape is not three-dimensional.
     */
    private static byte[] withMiddleDimOne(ByteBuffer m, Field valueInfo) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean done = false;
        for (Field f : fields(m, valueInfo.valueStart, valueInfo.end)) {
            if (f.number == 2 && f.wire == 2) { // TypeProto
                byte[] type = rewriteNested(m, f, 1, tensor -> rewriteNested(m, tensor, 2, shape -> {
                    List<Field> dims = fields(m, shape.valueStart, shape.end).stream().filter(d -> d.number == 1).toList();
                    if (dims.size() != 3) {
                        return null;
                    }
                    ByteArrayOutputStream s = new ByteArrayOutputStream();
                    for (Field d : fields(m, shape.valueStart, shape.end)) {
                        s.writeBytes(d.equals(dims.get(1)) ? field(1, concat(varint(1 << 3), varint(1))) : copy(m, d.start, d.end));
                    }
                    return s.toByteArray();
                }));
                if (type == null) {
                    return null;
                }
                out.writeBytes(field(2, type));
                done = true;
            } else {
                out.writeBytes(copy(m, f.start, f.end));
            }
        }
        return done ? out.toByteArray() : null;
    }

    /** The message {@code outer} with its first length-delimited field {@code number} replaced by {@code inner}'s result. */
    private static byte[] rewriteNested(ByteBuffer m, Field outer, int number, java.util.function.Function<Field, byte[]> inner) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean done = false;
        for (Field f : fields(m, outer.valueStart, outer.end)) {
            if (!done && f.number == number && f.wire == 2) {
                byte[] v = inner.apply(f);
                if (v == null) {
                    return null;
                }
                out.writeBytes(field(number, v));
                done = true;
            } else {
                out.writeBytes(copy(m, f.start, f.end));
            }
        }
        return done ? out.toByteArray() : null;
    }

    private static byte[] node(List<String> inputs, List<String> outputs, String name, String opType, byte[] attribute) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        inputs.forEach(i -> out.writeBytes(stringField(1, i)));
        outputs.forEach(o -> out.writeBytes(stringField(2, o)));
        out.writeBytes(stringField(3, name));
        out.writeBytes(stringField(4, opType));
        out.writeBytes(field(5, attribute));
        return out.toByteArray();
    }

    /** AttributeProto: name, the value in field {@code valueField} (already encoded), and its AttributeType. */
    private static byte[] attribute(String name, int type, int valueField, byte[] value) {
        byte[] v = valueField == 5 ? field(5, value) : concat(varint((long) valueField << 3), value);
        return concat(stringField(1, name), v, varint(20 << 3), varint(type));
    }

    /** TensorProto {dims: [1], data_type: INT64, raw_data: value (little-endian)}. */
    private static byte[] int64Tensor(long value) {
        byte[] raw = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
        return concat(varint(1 << 3), varint(1), varint(2 << 3), varint(7), field(9, raw));
    }

    private static byte[] stringField(int number, String s) {
        return field(number, s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] field(int number, byte[] value) {
        return concat(varint((long) number << 3 | 2), varint(value.length), value);
    }

    private static byte[] varint(long v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(10);
        while ((v & ~0x7fL) != 0) {
            out.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] copy(ByteBuffer m, int from, int to) {
        byte[] b = new byte[to - from];
        m.get(from, b);
        return b;
    }

    private static long length(List<Object> pieces) {
        long n = 0;
        for (Object p : pieces) {
            n += p instanceof byte[] b ? b.length : ((int[]) p)[1] - ((int[]) p)[0];
        }
        return n;
    }
}
