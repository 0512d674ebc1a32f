package dev.switchyard.local.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading and writing ONNX's protobuf messages on the wire format, without a protobuf library: enough of
 * {@code ModelProto} / {@code GraphProto} / {@code NodeProto} / {@code TensorProto} for the load-time graph rewrites
 * ({@link LastRowLogits}, {@link AttentionFusion}), which keep every byte range they do not change as it is.
 */
final class OnnxWire {

    static final String MS_DOMAIN = "com.microsoft";

    // field numbers of onnx.proto3
    static final int MODEL_OPSET_IMPORT = 8;
    static final int MODEL_GRAPH = 7;
    static final int GRAPH_NODE = 1;
    static final int GRAPH_INITIALIZER = 5;
    static final int GRAPH_INPUT = 11;
    static final int GRAPH_OUTPUT = 12;
    static final int GRAPH_VALUE_INFO = 13;
    static final int TENSOR_INT64 = 7;
    static final int TENSOR_FLOAT = 1;

    private OnnxWire() {
    }

    // ------------------------------------------------------------------ reading

    /** One field of a message: its number, wire type, where it starts (tag), where its value starts and ends. */
    record Field(int number, int wire, int start, int valueStart, int end) {
        boolean is(int n) {
            return number == n && wire == 2;
        }
    }

    static List<Field> fields(ByteBuffer m, int from, int to) {
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

    static List<Field> fields(ByteBuffer m, Field message) {
        return fields(m, message.valueStart, message.end);
    }

    static long readVarint(ByteBuffer m, int[] pos) {
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

    static long varintValue(ByteBuffer m, Field f) {
        return readVarint(m, new int[] {f.valueStart});
    }

    static String string(ByteBuffer m, Field f) {
        byte[] b = new byte[f.end - f.valueStart];
        m.get(f.valueStart, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    static String firstString(ByteBuffer m, Field message, int number) {
        for (Field f : fields(m, message)) {
            if (f.is(number)) {
                return string(m, f);
            }
        }
        return null;
    }

    /** A NodeProto: inputs ("" for an omitted optional one), outputs, op type, domain ("" for ai.onnx), name. */
    record Node(Field field, String name, List<String> inputs, List<String> outputs, String opType, String domain,
                boolean hasSubgraph, List<Field> attributes) {
        static Node parse(ByteBuffer m, Field node) {
            List<String> in = new ArrayList<>();
            List<String> out = new ArrayList<>();
            List<Field> attributes = new ArrayList<>();
            String op = "";
            String domain = "";
            String name = "";
            boolean subgraph = false;
            for (Field f : fields(m, node)) {
                if (f.wire != 2) {
                    continue;
                }
                switch (f.number) {
                    case 1 -> in.add(string(m, f));
                    case 2 -> out.add(string(m, f));
                    case 3 -> name = string(m, f);
                    case 4 -> op = string(m, f);
                    case 5 -> {
                        attributes.add(f);
                        for (Field a : fields(m, f)) {
                            subgraph |= a.number == 6 || a.number == 11; // g, graphs
                        }
                    }
                    case 7 -> domain = string(m, f);
                    default -> { }
                }
            }
            return new Node(node, name, in, out, op, domain.equals("ai.onnx") ? "" : domain, subgraph, attributes);
        }

        boolean isOnnx(String op) {
            return domain.isEmpty() && opType.equals(op);
        }

        boolean isMs(String op) {
            return domain.equals(MS_DOMAIN) && opType.equals(op);
        }

        /** The value of an INT attribute, or {@code otherwise} when the node has none of that name. */
        long intAttribute(ByteBuffer m, String attribute, long otherwise) {
            for (Field a : attributes) {
                List<Field> fs = fields(m, a);
                if (fs.stream().anyMatch(f -> f.is(1) && string(m, f).equals(attribute))) {
                    for (Field f : fs) {
                        if (f.number == 3 && f.wire == 0) {
                            return varintValue(m, f);
                        }
                    }
                }
            }
            return otherwise;
        }
    }

    // ------------------------------------------------------------------ writing

    static byte[] node(List<String> inputs, List<String> outputs, String name, String opType, String domain,
                       byte[]... attributes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        inputs.forEach(i -> out.writeBytes(stringField(1, i)));
        outputs.forEach(o -> out.writeBytes(stringField(2, o)));
        out.writeBytes(stringField(3, name));
        out.writeBytes(stringField(4, opType));
        for (byte[] a : attributes) {
            out.writeBytes(field(5, a));
        }
        if (!domain.isEmpty()) {
            out.writeBytes(stringField(7, domain));
        }
        return out.toByteArray();
    }

    /** AttributeProto: name, the value in field {@code valueField} (already encoded), and its AttributeType. */
    static byte[] attribute(String name, int type, int valueField, byte[] value) {
        byte[] v = valueField == 5 ? field(5, value) : concat(varint((long) valueField << 3), value);
        return concat(stringField(1, name), v, varint(20 << 3), varint(type));
    }

    /** An INT attribute (AttributeType 2, field i). */
    static byte[] intAttribute(String name, long value) {
        return attribute(name, 2, 3, varint(value));
    }

    /** A TENSOR attribute (AttributeType 4, field t). */
    static byte[] tensorAttribute(String name, byte[] tensor) {
        return attribute(name, 4, 5, tensor);
    }

    /** TensorProto {dims, data_type, name (when not null), raw_data}. */
    static byte[] tensor(String name, long[] dims, int dataType, byte[] raw) {
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        for (long d : dims) {
            t.writeBytes(concat(varint(1 << 3), varint(d)));
        }
        t.writeBytes(concat(varint(2 << 3), varint(dataType)));
        if (name != null) {
            t.writeBytes(stringField(8, name));
        }
        t.writeBytes(field(9, raw));
        return t.toByteArray();
    }

    /** An int64 tensor of the given dims (none: a scalar) holding {@code values}. */
    static byte[] int64Tensor(long[] dims, long... values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            raw.putLong(v);
        }
        return tensor(null, dims, TENSOR_INT64, raw.array());
    }

    /** A float tensor named {@code name} of the given dims holding {@code values} (little-endian raw data). */
    static byte[] floatTensor(String name, long[] dims, float[] values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        return tensor(name, dims, TENSOR_FLOAT, raw.array());
    }

    static byte[] stringField(int number, String s) {
        return field(number, s.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] field(int number, byte[] value) {
        return concat(varint((long) number << 3 | 2), varint(value.length), value);
    }

    static byte[] varint(long v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(10);
        while ((v & ~0x7fL) != 0) {
            out.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] copy(ByteBuffer m, int from, int to) {
        byte[] b = new byte[to - from];
        m.get(from, b);
        return b;
    }

    /** The size of a file made of pieces: byte arrays, and {@code int[] {from, to}} ranges of the original. */
    static long length(List<Object> pieces) {
        long n = 0;
        for (Object p : pieces) {
            n += p instanceof byte[] b ? b.length : ((int[]) p)[1] - ((int[]) p)[0];
        }
        return n;
    }
}
