package dev.switchyard.local.onnx;

import dev.switchyard.local.onnx.OnnxWire.Field;
import dev.switchyard.local.onnx.OnnxWire.Node;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.switchyard.local.onnx.OnnxWire.GRAPH_INITIALIZER;
import static dev.switchyard.local.onnx.OnnxWire.GRAPH_NODE;
import static dev.switchyard.local.onnx.OnnxWire.GRAPH_OUTPUT;
import static dev.switchyard.local.onnx.OnnxWire.GRAPH_VALUE_INFO;
import static dev.switchyard.local.onnx.OnnxWire.MODEL_GRAPH;
import static dev.switchyard.local.onnx.OnnxWire.MODEL_OPSET_IMPORT;
import static dev.switchyard.local.onnx.OnnxWire.MS_DOMAIN;
import static dev.switchyard.local.onnx.OnnxWire.concat;
import static dev.switchyard.local.onnx.OnnxWire.copy;
import static dev.switchyard.local.onnx.OnnxWire.field;
import static dev.switchyard.local.onnx.OnnxWire.fields;
import static dev.switchyard.local.onnx.OnnxWire.firstString;
import static dev.switchyard.local.onnx.OnnxWire.int64Tensor;
import static dev.switchyard.local.onnx.OnnxWire.intAttribute;
import static dev.switchyard.local.onnx.OnnxWire.length;
import static dev.switchyard.local.onnx.OnnxWire.node;
import static dev.switchyard.local.onnx.OnnxWire.stringField;
import static dev.switchyard.local.onnx.OnnxWire.tensorAttribute;
import static dev.switchyard.local.onnx.OnnxWire.varint;
import static dev.switchyard.local.onnx.OnnxWire.varintValue;

/**
 * Rewrites a decoder's ONNX graph at load so that its lm_head projects only the last position: exported decoders
 * compute logits for every prompt row ({@code [B, S, vocab]}), though generation samples only the last one, and for a
 * 128-token prompt that projection was 62–67 ms of a ~350 ms SmolLM2-135M prefill (more with Qwen's 151,936-word
 * vocabulary). The rewrite puts a {@code Gather(axis=1, indices=[-1])} in front of the node that produces
 * {@code logits} and declares {@code logits} as {@code [B, 1, vocab]}; nothing else changes, so every other node
 * computes exactly what it did. With a {@link AttentionFusion.Rotary} it also fuses each attention block into one
 * {@code GroupQueryAttention} node ({@link AttentionFusion}), and it sets the {@code accuracy_level} of 4-bit
 * {@code MatMulNBits} nodes as {@link Compute} says (decisions 11 and 12), all in the same file; the class keeps its
 * first rewrite's name.
 *
 * <p>Done on the protobuf wire format (ONNX's {@code ModelProto}, {@link OnnxWire}), into a small file
 * written next to the model and deleted once loaded: the graph's node list and one output are re-encoded, and every
 * initializer stored in the file becomes an ONNX external-data reference to its bytes in the original file (location,
 * offset, length), so no weight is copied and ONNX Runtime reads them as it reads any external data. It applies when
 * the node producing {@code logits} is a {@code MatMul} or {@code com.microsoft MatMulNBits} (Optimum,
 * onnx-community and onnxruntime-genai exports) and the model's folder is writable; otherwise the model loads as it
 * is. Initializers already in an external data file (exports above 2 GB) are kept as they are: their location is
 * relative to the model's folder, where the rewritten file is written too.
 */
final class LastRowLogits {

    /** Name prefix of the rewritten file in the model's folder (hidden; deleted once the session is created). */
    static final String PREFIX = ".switchyard-last-row-";
    /** Suffix of the name of the last-row tensor the rewrite puts in front of the lm_head. */
    private static final String LAST_ROW = "/switchyard_last_row";
    /** The rewritten file holds the graph, not the weights; a larger one means weights it cannot reference. */
    private static final long MAX_KEPT_BYTES = 96L << 20;

    private LastRowLogits() {
    }

    /**
     * A rewritten file: whether its logits are last-row only, how many attention blocks were fused (0: none), and how
     * many 4-bit {@code MatMulNBits} nodes had their {@code accuracy_level} changed ({@link Compute}).
     */
    record Rewritten(Path file, boolean lastRow, int fusedLayers, int levelNodes) {
    }

    /** How 4-bit {@code MatMulNBits} nodes compute (their {@code accuracy_level}, decision 11). */
    enum Compute {
        /** As the file says. */
        AS_FILE,
        /** Nodes with no level (fp32 compute, onnx-community's q4 files) get level 4: 8-bit activations, for decoding. */
        INT8,
        /**
         * Nodes with level 4 get level 1, fp32 compute: faster for a prompt's many rows on CPUs without VNNI; the
         * lm_head, which sees one row after the last-row Gather, gets 4.
         */
        FP32
    }

    /**
     * Writes the rewritten model next to {@code file} and returns its path (the caller loads it, then deletes it), or
     * empty when the graph is not of that form.
     */
    static Optional<Path> write(Path file, String logitsName) throws IOException {
        return write(file, logitsName, null, Compute.INT8).map(Rewritten::file);
    }

    /**
     * As above, also fusing attention when {@code rotary} is given and every layer matches; empty when neither
     * rewrite applies.
     */
    static Optional<Rewritten> write(Path file, String logitsName, AttentionFusion.Rotary rotary, Compute compute)
            throws IOException {
        String original = file.getFileName().toString();
        List<Object> pieces;
        int[] applied = new int[3];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() > Integer.MAX_VALUE - 4096) {
                return Optional.empty(); // a protobuf file cannot be larger
            }
            MappedByteBuffer src = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
            try {
                pieces = plan(src, logitsName, original, rotary, compute, applied);
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
        return Optional.of(new Rewritten(out, applied[0] == 1, applied[1], applied[2]));
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
     * The new file as pieces: byte arrays, and {@code int[] {from, to}} ranges of {@code m} to copy; null when
     * no rewrite applies. {@code applied} receives {1 if last-row, fused layers, re-levelled MatMulNBits nodes}.
     */
    private static List<Object> plan(ByteBuffer m, String logitsName, String originalFileName,
                                     AttentionFusion.Rotary rotary, Compute compute, int[] applied) {
        Field graph = null;
        long defaultOpset = 0;
        boolean msOpset = false;
        List<Field> top = fields(m, 0, m.limit());
        for (Field f : top) {
            if (f.is(MODEL_GRAPH)) {
                graph = f;
            } else if (f.is(MODEL_OPSET_IMPORT)) {
                String domain = "";
                long version = 0;
                for (Field o : fields(m, f)) {
                    if (o.is(1)) {
                        domain = OnnxWire.string(m, o);
                    } else if (o.number() == 2 && o.wire() == 0) {
                        version = varintValue(m, o);
                    }
                }
                if (domain.isEmpty() || domain.equals("ai.onnx")) {
                    defaultOpset = version;
                }
                msOpset |= domain.equals(MS_DOMAIN);
            }
        }
        if (graph == null) {
            return null;
        }
        List<Field> graphFields = fields(m, graph);
        List<Node> nodes = new ArrayList<>();
        Node headNode = null;
        Field output = null;
        for (Field f : graphFields) {
            if (f.is(GRAPH_NODE)) {
                Node n = Node.parse(m, f);
                nodes.add(n);
                if (n.outputs().contains(logitsName)) {
                    headNode = n;
                }
            } else if (f.is(GRAPH_OUTPUT) && logitsName.equals(firstString(m, f, 1))) {
                output = f;
            }
        }
        boolean lastRow = headNode != null && output != null && !headNode.inputs().isEmpty()
                && (headNode.isOnnx("MatMul") || headNode.isMs("MatMulNBits"))
                && !headNode.inputs().get(0).endsWith(LAST_ROW); // (a file this class wrote)
        byte[] newOutput = lastRow ? withMiddleDimOne(m, output) : null;
        lastRow &= newOutput != null;
        AttentionFusion.Edit fusion = rotary == null ? null : AttentionFusion.plan(m, graphFields, nodes, rotary, defaultOpset);
        java.util.Map<Field, Integer> relevel = new java.util.HashMap<>();
        for (Node n : nodes) {
            if (compute == Compute.AS_FILE || !n.isMs("MatMulNBits") || n.intAttribute(m, "bits", 4) != 4) {
                continue;
            }
            long level = n.intAttribute(m, "accuracy_level", 0);
            if (compute == Compute.INT8 && level == 0) {
                relevel.put(n.field(), 4);
            } else if (compute == Compute.FP32 && lastRow && n == headNode) {
                if (level != 4) {
                    relevel.put(n.field(), 4); // one row after the Gather: int8 is faster, and fp32 would dequantize it all
                }
            } else if (compute == Compute.FP32 && level == 4) {
                relevel.put(n.field(), 1);
            }
        }
        if (!lastRow && fusion == null && relevel.isEmpty()) {
            return null;
        }
        List<byte[]> headPieces = new ArrayList<>();
        if (lastRow) {
            String x = headNode.inputs().get(0);
            String index = x + "/switchyard_last_index";
            String lastRowName = x + LAST_ROW;
            headPieces.add(field(GRAPH_NODE, node(List.of(), List.of(index), "switchyard_last_index", "Constant", "",
                    tensorAttribute("value", int64Tensor(new long[] {1}, -1L)))));
            headPieces.add(field(GRAPH_NODE, node(List.of(x, index), List.of(lastRowName), "switchyard_last_row", "Gather", "",
                    intAttribute("axis", 1))));
            byte[] head = replaceFirstInput(m, headNode.field(), lastRowName);
            Integer level = relevel.get(headNode.field());
            headPieces.add(field(GRAPH_NODE, level != null ? withLevel(head, level) : head));
        }

        List<Object> graphPieces = new ArrayList<>();
        boolean prepended = false;
        for (Field f : graphFields) {
            if (f.is(GRAPH_NODE)) {
                if (fusion != null && !prepended) {
                    fusion.prepend().forEach(n -> graphPieces.add(field(GRAPH_NODE, n)));
                    prepended = true;
                }
                if (fusion != null && fusion.before().containsKey(f)) {
                    graphPieces.add(field(GRAPH_NODE, fusion.before().get(f)));
                }
                if (fusion != null && fusion.dropped().contains(f)) {
                    continue;
                }
                if (lastRow && f == headNode.field()) {
                    graphPieces.addAll(headPieces);
                    continue;
                }
                Integer level = relevel.get(f);
                graphPieces.add(level != null ? field(GRAPH_NODE, withLevel(copy(m, f.valueStart(), f.end()), level))
                        : new int[] {f.start(), f.end()});
            } else if (f == output && lastRow) {
                graphPieces.add(field(GRAPH_OUTPUT, newOutput));
            } else if (f.is(GRAPH_INITIALIZER)) {
                if (fusion == null || !fusion.dropped().contains(f)) {
                    graphPieces.add(externalized(m, f, originalFileName));
                }
            } else if (f.is(GRAPH_VALUE_INFO) && fusion != null) {
                continue; // shape hints of tensors that may be gone; ONNX Runtime infers shapes itself
            } else {
                graphPieces.add(new int[] {f.start(), f.end()});
            }
        }
        if (fusion != null) {
            fusion.initializers().forEach(t -> graphPieces.add(field(GRAPH_INITIALIZER, t)));
        }
        long graphLength = length(graphPieces);
        List<Object> pieces = new ArrayList<>();
        for (Field f : top) {
            if (f == graph) {
                pieces.add(concat(varint(MODEL_GRAPH << 3 | 2), varint(graphLength)));
                pieces.addAll(graphPieces);
            } else {
                pieces.add(new int[] {f.start(), f.end()});
            }
        }
        if (fusion != null && !msOpset) {
            pieces.add(field(MODEL_OPSET_IMPORT, concat(stringField(1, MS_DOMAIN), varint(2 << 3), varint(1))));
        }
        applied[0] = lastRow ? 1 : 0;
        applied[1] = fusion == null ? 0 : fusion.layers();
        applied[2] = relevel.size();
        return pieces;
    }

    // ------------------------------------------------------------------ writing

    /**
     * An initializer field whose {@code raw_data} becomes an external-data reference to the same bytes of the original
     * file (TensorProto.external_data = location, offset, length; data_location = EXTERNAL); small tensors and those
     * without raw_data stay as they are.
     */
    private static Object externalized(ByteBuffer m, Field tensor, String originalFileName) {
        Field raw = null;
        for (Field f : fields(m, tensor)) {
            if (f.number() == 9 && f.wire() == 2) {
                raw = f;
            }
        }
        if (raw == null || raw.end() - raw.valueStart() < 1024) {
            return new int[] {tensor.start(), tensor.end()};
        }
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        for (Field f : fields(m, tensor)) {
            if (!f.equals(raw)) {
                t.writeBytes(copy(m, f.start(), f.end()));
            }
        }
        t.writeBytes(field(13, concat(stringField(1, "location"), stringField(2, originalFileName))));
        t.writeBytes(field(13, concat(stringField(1, "offset"), stringField(2, Integer.toString(raw.valueStart())))));
        t.writeBytes(field(13, concat(stringField(1, "length"), stringField(2, Integer.toString(raw.end() - raw.valueStart())))));
        t.writeBytes(concat(varint(14 << 3), varint(1)));
        return field(5, t.toByteArray());
    }

    /**
     * A {@code MatMulNBits} node (its NodeProto bytes) with another {@code accuracy_level}. With 4 ONNX Runtime
     * quantizes its activations to 8 bits per block and multiplies with integer kernels instead of dequantizing the
     * weights to fp32 at every call: onnx-community's q4 files leave the attribute out (transformers.js's quantize.py
     * passes none to ONNX Runtime's MatMul4BitsQuantizer), so they decode at half the speed of the same weights with
     * it (decision 11).
     */
    private static byte[] withLevel(byte[] node, int level) {
        ByteBuffer n = ByteBuffer.wrap(node);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Field f : fields(n, 0, node.length)) {
            boolean old = f.is(5) && "accuracy_level".equals(firstString(n, f, 1));
            if (!old) {
                out.writeBytes(copy(n, f.start(), f.end()));
            }
        }
        out.writeBytes(field(5, intAttribute("accuracy_level", level)));
        return out.toByteArray();
    }

    /** The node with its first input renamed; every other field kept in order, byte for byte. */
    private static byte[] replaceFirstInput(ByteBuffer m, Field node, String input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean replaced = false;
        for (Field f : fields(m, node.valueStart(), node.end())) {
            if (!replaced && f.number() == 1 && f.wire() == 2) {
                out.writeBytes(stringField(1, input));
                replaced = true;
            } else {
                out.writeBytes(copy(m, f.start(), f.end()));
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
        for (Field f : fields(m, valueInfo.valueStart(), valueInfo.end())) {
            if (f.number() == 2 && f.wire() == 2) { // TypeProto
                byte[] type = rewriteNested(m, f, 1, tensor -> rewriteNested(m, tensor, 2, shape -> {
                    List<Field> dims = fields(m, shape.valueStart(), shape.end()).stream().filter(d -> d.number() == 1).toList();
                    if (dims.size() != 3) {
                        return null;
                    }
                    ByteArrayOutputStream s = new ByteArrayOutputStream();
                    for (Field d : fields(m, shape.valueStart(), shape.end())) {
                        s.writeBytes(d.equals(dims.get(1)) ? field(1, concat(varint(1 << 3), varint(1))) : copy(m, d.start(), d.end()));
                    }
                    return s.toByteArray();
                }));
                if (type == null) {
                    return null;
                }
                out.writeBytes(field(2, type));
                done = true;
            } else {
                out.writeBytes(copy(m, f.start(), f.end()));
            }
        }
        return done ? out.toByteArray() : null;
    }

    /** The message {@code outer} with its first length-delimited field {@code number} replaced by {@code inner}'s result. */
    private static byte[] rewriteNested(ByteBuffer m, Field outer, int number, java.util.function.Function<Field, byte[]> inner) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean done = false;
        for (Field f : fields(m, outer.valueStart(), outer.end())) {
            if (!done && f.number() == number && f.wire() == 2) {
                byte[] v = inner.apply(f);
                if (v == null) {
                    return null;
                }
                out.writeBytes(field(number, v));
                done = true;
            } else {
                out.writeBytes(copy(m, f.start(), f.end()));
            }
        }
        return done ? out.toByteArray() : null;
    }
}
