package dev.switchyard.local.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchyard.local.onnx.OnnxWire.Field;
import dev.switchyard.local.onnx.OnnxWire.Node;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.switchyard.local.onnx.OnnxWire.GRAPH_INITIALIZER;
import static dev.switchyard.local.onnx.OnnxWire.GRAPH_INPUT;
import static dev.switchyard.local.onnx.OnnxWire.GRAPH_OUTPUT;
import static dev.switchyard.local.onnx.OnnxWire.MS_DOMAIN;
import static dev.switchyard.local.onnx.OnnxWire.firstString;
import static dev.switchyard.local.onnx.OnnxWire.floatTensor;
import static dev.switchyard.local.onnx.OnnxWire.int64Tensor;
import static dev.switchyard.local.onnx.OnnxWire.intAttribute;
import static dev.switchyard.local.onnx.OnnxWire.node;
import static dev.switchyard.local.onnx.OnnxWire.tensorAttribute;

/**
 * Rewrites each attention block of an onnx-community / Optimum decoder export into one
 * {@code com.microsoft GroupQueryAttention} node, the form onnxruntime-genai's model builder writes: the exported
 * block (reshapes, transposes, the rotary embedding spelled out op by op, the KV concat, repeat-kv, the causal mask,
 * scores, softmax) is ~35 nodes a layer, each a dispatch and most a thread-pool fork/join, and a SmolLM2-135M decode
 * step ran ~1,370 nodes against ~340 in the genai form (decode 58–75 against 80–105 tok/s on two cores).
 *
 * <p>The match works on the block's boundaries, not on how the export spelled its inside: per layer, the
 * {@code Concat} that makes {@code present.N.key} / {@code present.N.value} from the past, the single weight
 * projection ({@code MatMul} with a weight initializer, or {@code MatMulNBits}, plus a bias {@code Add}) above the new
 * key and the new value, the third projection reading the same normalized input (the query), and the single
 * projection below them all (o_proj), whose input becomes the new node's output. The rotary tables come from
 * config.json ({@code rope_theta}, {@code rope_scaling} of type default, linear or llama3). Anything else — a block
 * with a norm inside (q/k-norm), packed QKV, partial rotary, a sliding window, subgraphs, int8 {@code MatMulInteger}
 * projections, a float16 cache — is left alone. Nodes nothing reads any more are dropped. Because an export can
 * differ in ways its boundaries do not show, {@link DecoderModel} also checks the fused graph's logits against the
 * original's on a probe before it keeps it (decision 10 in the module README).
 */
final class AttentionFusion {

    private static final String P = "switchyard_fused/";
    private static final Set<String> ALIEN_OPS = Set.of("ReduceMean", "Pow", "LayerNormalization", "Tanh",
            "Erf", "Sigmoid", "SimplifiedLayerNormalization", "SkipSimplifiedLayerNormalization", "RMSNormalization");

    private AttentionFusion() {
    }

    /** What the rotary embedding needs, from config.json; null when this rewrite does not handle the model. */
    record Rotary(int heads, int kvHeads, int headDim, float[] invFreq, int positions, float[][] tables) {

        static Rotary fromConfig(JsonNode c, int contextLength) {
            String type = c.path("model_type").asText("");
            if (!type.equals("llama") && !type.equals("qwen2")) {
                return null;
            }
            if (type.equals("qwen2") && c.path("use_sliding_window").asBoolean(false)) {
                return null;
            }
            int heads = c.path("num_attention_heads").asInt(0);
            int kv = c.path("num_key_value_heads").asInt(heads);
            int hd = c.path("head_dim").asInt(heads > 0 ? c.path("hidden_size").asInt(0) / heads : 0);
            double partial = c.path("partial_rotary_factor").asDouble(1.0);
            int positions = contextLength > 0 ? contextLength : c.path("max_position_embeddings").asInt(0);
            if (heads <= 0 || kv <= 0 || heads % kv != 0 || hd <= 0 || hd % 2 != 0 || partial != 1.0 || positions <= 0) {
                return null;
            }
            double theta = c.path("rope_theta").asDouble(10000.0);
            float[] inv = new float[hd / 2];
            for (int j = 0; j < inv.length; j++) {
                // as Hugging Face computes it: 1 / theta^(2j/d) in float32
                inv[j] = (float) (1.0 / (float) Math.pow(theta, (float) (2 * j) / hd));
            }
            JsonNode scaling = c.path("rope_scaling");
            if (!scaling.isMissingNode() && !scaling.isNull()) {
                String kind = scaling.path("rope_type").asText(scaling.path("type").asText("default"));
                double factor = scaling.path("factor").asDouble(1.0);
                switch (kind) {
                    case "default" -> { }
                    case "linear" -> {
                        for (int j = 0; j < inv.length; j++) {
                            inv[j] = (float) (inv[j] / factor);
                        }
                    }
                    case "llama3" -> llama3(inv, factor, scaling.path("low_freq_factor").asDouble(1.0),
                            scaling.path("high_freq_factor").asDouble(4.0),
                            scaling.path("original_max_position_embeddings").asDouble(8192));
                    default -> {
                        return null; // dynamic, yarn, longrope: position-dependent or scaled tables
                    }
                }
            }
            return new Rotary(heads, kv, hd, inv, positions, new float[2][]);
        }

        /** Hugging Face's {@code _compute_llama3_parameters}: low frequencies divided by the factor, a smooth blend between. */
        private static void llama3(float[] inv, double factor, double low, double high, double originalContext) {
            double lowWavelen = originalContext / low;
            double highWavelen = originalContext / high;
            for (int j = 0; j < inv.length; j++) {
                double wavelen = 2 * Math.PI / inv[j];
                if (wavelen > lowWavelen) {
                    inv[j] = (float) (inv[j] / factor);
                } else if (wavelen >= highWavelen) {
                    double smooth = (originalContext / wavelen - low) / (high - low);
                    inv[j] = (float) ((1 - smooth) * inv[j] / factor + smooth * inv[j]);
                }
            }
        }

        /**
         * cos (or sin) of position × frequency, [positions, headDim / 2], in float32 as the exports compute it;
         * computed once per load (the decode and prefill graphs both need them, decision 12).
         */
        float[] table(boolean cos) {
            int which = cos ? 0 : 1;
            if (tables[which] == null) {
                tables[which] = compute(cos);
            }
            return tables[which];
        }

        private float[] compute(boolean cos) {
            float[] t = new float[positions * invFreq.length];
            for (int p = 0; p < positions; p++) {
                for (int j = 0; j < invFreq.length; j++) {
                    float angle = (float) p * invFreq[j];
                    t[p * invFreq.length + j] = (float) (cos ? Math.cos(angle) : Math.sin(angle));
                }
            }
            return t;
        }
    }

    /**
     * The rewrite: original node and initializer fields to leave out, new nodes to put before given original nodes, new nodes for the
     * front of the graph, new initializers, and how many layers were fused.
     */
    record Edit(Set<Field> dropped, Map<Field, byte[]> before, List<byte[]> prepend, List<byte[]> initializers, int layers) {
    }

    /** The rewrite of this graph, or null when any layer does not match (then nothing is fused). */
    static Edit plan(ByteBuffer m, List<Field> graphFields, List<Node> nodes, Rotary r, long defaultOpset) {
        Set<String> initializers = new HashSet<>();
        Set<String> inputs = new HashSet<>();
        List<String> outputs = new ArrayList<>();
        for (Field f : graphFields) {
            if (f.is(GRAPH_INITIALIZER)) {
                initializers.add(firstString(m, f, 8));
            } else if (f.is(GRAPH_INPUT)) {
                String name = firstString(m, f, 1);
                inputs.add(name);
                if (name.startsWith("past_key_values.") && elementType(m, f) != OnnxWire.TENSOR_FLOAT) {
                    return null; // a float16 cache: the fused node would need float16 rotary tables
                }
            } else if (f.is(GRAPH_OUTPUT)) {
                outputs.add(firstString(m, f, 1));
            }
        }
        Map<String, Node> producer = new HashMap<>();
        Map<String, List<Node>> consumers = new HashMap<>();
        for (Node n : nodes) {
            if (n.hasSubgraph()) {
                return null; // names used inside a subgraph are invisible here
            }
            if (n.isOnnx("Constant")) {
                initializers.addAll(n.outputs());
            }
            n.outputs().forEach(o -> producer.put(o, n));
            n.inputs().forEach(i -> consumers.computeIfAbsent(i, k -> new ArrayList<>()).add(n));
        }
        Graph g = Graph.of(producer, consumers, initializers, nodes);
        if (g == null) {
            return null;
        }
        if (!inputs.contains("attention_mask")) {
            return null;
        }
        Map<Field, byte[]> before = new IdentityHashMap<>();
        Set<Node> replaced = new HashSet<>();
        Map<String, List<String>> newNodes = new HashMap<>(); // output name -> inputs of the node that now makes it
        String seqlens = P + "seqlens_k";
        String total = P + "total_sequence_length";
        String cos = P + "cos_cache";
        String sin = P + "sin_cache";
        int layers = 0;
        for (; inputs.contains("past_key_values." + layers + ".key"); layers++) {
            int i = layers;
            String pastK = "past_key_values." + i + ".key", pastV = "past_key_values." + i + ".value";
            String presentK = "present." + i + ".key", presentV = "present." + i + ".value";
            Node ck = producer.get(presentK), cv = producer.get(presentV);
            if (!isCacheConcat(m, ck, pastK) || !isCacheConcat(m, cv, pastV)) {
                return null;
            }
            Node kProj = g.singleProjectionAbove(ck.inputs().get(1));
            Node vProj = g.singleProjectionAbove(cv.inputs().get(1));
            if (kProj == null || vProj == null || kProj == vProj || !g.activation(kProj).equals(g.activation(vProj))) {
                return null;
            }
            List<Node> q = g.readers(g.activation(kProj)).stream().filter(n -> n != kProj && n != vProj).toList();
            if (q.size() != 1) {
                return null;
            }
            String qRaw = g.projected().get(q.get(0)), kRaw = g.projected().get(kProj), vRaw = g.projected().get(vProj);
            Node oProj = g.singleProjectionBelow(List.of(presentK, presentV, qRaw));
            if (oProj == null) {
                return null;
            }
            String attn = g.activation(oProj);
            Node attnNode = producer.get(attn);
            if (attnNode == null || attnNode.outputs().size() != 1 || g.isProjection(attnNode)
                    || !g.blockIsPlain(attn, Set.of(qRaw, kRaw, vRaw, pastK, pastV), ck, cv)) {
                return null;
            }
            List<String> in = List.of(qRaw, kRaw, vRaw, pastK, pastV, seqlens, total, cos, sin);
            before.put(oProj.field(), node(in, List.of(attn, presentK, presentV), P + "gqa_" + i, "GroupQueryAttention",
                    MS_DOMAIN, intAttribute("num_heads", r.heads()), intAttribute("kv_num_heads", r.kvHeads()),
                    intAttribute("do_rotary", 1), intAttribute("rotary_interleaved", 0)));
            replaced.addAll(List.of(ck, cv, attnNode));
            for (String out : List.of(attn, presentK, presentV)) {
                newNodes.put(out, in);
            }
        }
        if (layers == 0) {
            return null;
        }
        // seqlens_k = sum(attention_mask, 1) - 1 and total_sequence_length = width of attention_mask, both int32
        String one = P + "one", axis = P + "axis1", maskSum = P + "mask_sum", minus = P + "mask_sum_minus_one";
        String shape = P + "mask_shape", width = P + "mask_width";
        List<byte[]> prepend = new ArrayList<>();
        prepend.add(node(List.of(), List.of(one), one, "Constant", "", tensorAttribute("value", int64Tensor(new long[0], 1))));
        if (defaultOpset >= 13) {
            prepend.add(node(List.of(), List.of(axis), axis, "Constant", "", tensorAttribute("value", int64Tensor(new long[] {1}, 1))));
            prepend.add(node(List.of("attention_mask", axis), List.of(maskSum), maskSum, "ReduceSum", "", intAttribute("keepdims", 0)));
        } else {
            prepend.add(node(List.of("attention_mask"), List.of(maskSum), maskSum, "ReduceSum", "", intAttribute("keepdims", 0),
                    OnnxWire.attribute("axes", 7, 8, OnnxWire.varint(1))));
        }
        prepend.add(node(List.of(maskSum, one), List.of(minus), minus, "Sub", ""));
        prepend.add(node(List.of(minus), List.of(seqlens), seqlens, "Cast", "", intAttribute("to", 6)));
        prepend.add(node(List.of("attention_mask"), List.of(shape), shape, "Shape", ""));
        prepend.add(node(List.of(shape, one), List.of(width), width, "Gather", "", intAttribute("axis", 0)));
        prepend.add(node(List.of(width), List.of(total), total, "Cast", "", intAttribute("to", 6)));
        for (String name : List.of(seqlens, total, cos, sin, one, axis, maskSum, minus, shape, width)) {
            newNodes.put(name, List.of("attention_mask"));
        }
        long[] dims = {r.positions(), r.headDim() / 2};
        List<byte[]> tables = List.of(floatTensor(cos, dims, r.table(true)), floatTensor(sin, dims, r.table(false)));

        // keep what the outputs still need; everything the fused nodes replaced falls away
        Set<Node> live = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(outputs);
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!seen.add(name)) {
                continue;
            }
            List<String> made = newNodes.get(name);
            if (made != null) {
                todo.addAll(made);
                continue;
            }
            Node n = producer.get(name);
            if (n != null && !replaced.contains(n) && live.add(n)) {
                n.inputs().stream().filter(s -> !s.isEmpty()).forEach(todo::add);
            }
        }
        Set<Field> dropped = new LinkedHashSet<>();
        Set<String> read = new HashSet<>(outputs);
        for (Node n : nodes) {
            if (live.contains(n)) {
                read.addAll(n.inputs());
            } else {
                dropped.add(n.field());
            }
        }
        newNodes.values().forEach(read::addAll);
        for (Field f : graphFields) {
            if (f.is(GRAPH_INITIALIZER) && !read.contains(firstString(m, f, 8))) {
                dropped.add(f); // the rotary tables and shape constants of the old blocks
            }
        }
        return new Edit(dropped, before, prepend, tables, layers);
    }

    /** ValueInfoProto.type.tensor_type.elem_type of a graph input (0 when it does not say). */
    private static long elementType(ByteBuffer m, Field valueInfo) {
        for (Field type : OnnxWire.fields(m, valueInfo)) {
            if (type.is(2)) {
                for (Field tensor : OnnxWire.fields(m, type)) {
                    if (tensor.is(1)) {
                        for (Field elem : OnnxWire.fields(m, tensor)) {
                            if (elem.number() == 1 && elem.wire() == 0) {
                                return OnnxWire.varintValue(m, elem);
                            }
                        }
                    }
                }
            }
        }
        return 0;
    }

    /** {@code Concat(past, new, axis=2)} making a present tensor (a float16 cache's Casts around it do not match). */
    private static boolean isCacheConcat(ByteBuffer m, Node n, String past) {
        if (n == null || !n.isOnnx("Concat") || n.inputs().size() != 2 || !n.inputs().get(0).equals(past)) {
            return false;
        }
        long axis = n.intAttribute(m, "axis", Long.MIN_VALUE);
        return axis == 2 || axis == -2;
    }

    /**
     * The graph's producers and consumers, and its weight projections: {@code MatMul} with a weight initializer,
     * {@code MatMulNBits}, or {@code MatMulInteger} with a weight initializer (ONNX Runtime's dynamic quantization, as in
     * onnx-community's {@code model_int8.onnx}: {@code DynamicQuantizeLinear(x)} → {@code MatMulInteger} → {@code Cast}
     * → {@code Mul} by the two scales). {@code projected}: each projection's float output (after the dequantizing
     * {@code Mul} and a bias {@code Add}); {@code activations}: the float tensor each one reads.
     */
    private record Graph(Map<String, Node> producer, Map<String, List<Node>> consumerMap, Set<String> constants,
                         Map<Node, String> projected, Map<String, Node> projectionOf, Map<Node, String> activations) {

        /** The graph's view, or null when a projection's output does not have the expected form. */
        static Graph of(Map<String, Node> producer, Map<String, List<Node>> consumers, Set<String> constants,
                        List<Node> nodes) {
            Graph g = new Graph(producer, consumers, constants, new HashMap<>(), new HashMap<>(), new HashMap<>());
            for (Node n : nodes) {
                if (g.isProjection(n)) {
                    String out = g.output(n);
                    if (out == null) {
                        return null;
                    }
                    g.projected.put(n, out);
                    g.projectionOf.put(out, n);
                    String in = n.inputs().get(0);
                    Node quantize = producer.get(in);
                    g.activations.put(n, n.isOnnx("MatMulInteger") && quantize != null
                            && quantize.isOnnx("DynamicQuantizeLinear") ? quantize.inputs().get(0) : in);
                }
            }
            return g;
        }

        List<Node> consumers(String name) {
            return consumerMap.getOrDefault(name, List.of());
        }

        /**
         * Shape and Size read their input's dimensions, not its values: exports take reshape targets from the layer's
         * input ({@code hidden_states.size()}), which is no data flow, so the walks do not follow it.
         */
        static boolean readsOnlyShape(Node n) {
            return n.isOnnx("Shape") || n.isOnnx("Size");
        }

        boolean isProjection(Node n) {
            return (n.isOnnx("MatMul") || n.isOnnx("MatMulInteger")) && n.inputs().size() >= 2
                    && constants.contains(n.inputs().get(1)) || n.isMs("MatMulNBits");
        }

        /** The float tensor the projection reads (for MatMulInteger, what its DynamicQuantizeLinear quantized). */
        String activation(Node projection) {
            return activations.get(projection);
        }

        /** The projections that read this float tensor. */
        List<Node> readers(String activation) {
            List<Node> out = new ArrayList<>();
            activations.forEach((n, a) -> {
                if (a.equals(activation)) {
                    out.add(n);
                }
            });
            return out;
        }

        /** The projection's float output (dequantized, with its bias), or null when it has none of the known forms. */
        private String output(Node projection) {
            String out = projection.outputs().get(0);
            if (projection.isOnnx("MatMulInteger")) {
                Node cast = only(out, "Cast");
                Node scale = cast == null ? null : only(cast.outputs().get(0), "Mul");
                if (scale == null) {
                    return null;
                }
                out = scale.outputs().get(0);
            }
            Node add = only(out, "Add");
            if (add != null && add.inputs().size() == 2) {
                String other = add.inputs().get(0).equals(out) ? add.inputs().get(1) : add.inputs().get(0);
                if (constants.contains(other)) {
                    return add.outputs().get(0); // Qwen2's q/k/v have a bias
                }
            }
            return out;
        }

        /** The tensor's only consumer when it is the given ONNX op, else null. */
        private Node only(String tensor, String op) {
            List<Node> next = consumers(tensor);
            return next.size() == 1 && next.get(0).isOnnx(op) ? next.get(0) : null;
        }

        /** The one projection the tensor comes from (walking up every input, stopping at projections), or null. */
        Node singleProjectionAbove(String tensor) {
            Set<Node> found = new HashSet<>();
            Set<Node> seen = new HashSet<>();
            Deque<String> todo = new ArrayDeque<>(List.of(tensor));
            while (!todo.isEmpty()) {
                String name = todo.pop();
                Node projection = projectionOf.get(name);
                if (projection != null) {
                    found.add(projection);
                    continue;
                }
                Node n = producer.get(name);
                if (n == null || !seen.add(n)) {
                    continue;
                }
                if (isProjection(n) || seen.size() > 200) {
                    return null; // a projection's raw output, or not a block: this walk left the layer
                }
                if (!readsOnlyShape(n)) {
                    n.inputs().stream().filter(s -> !s.isEmpty()).forEach(todo::add);
                }
            }
            return found.size() == 1 ? found.iterator().next() : null;
        }

        /**
         * The one projection all these tensors flow into (walking down, stopping at projections and at the
         * quantization of a projection's input), or null.
         */
        Node singleProjectionBelow(List<String> tensors) {
            Node only = null;
            for (String t : tensors) {
                Set<Node> found = new HashSet<>();
                Set<Node> seen = new HashSet<>();
                Deque<String> todo = new ArrayDeque<>(List.of(t));
                while (!todo.isEmpty()) {
                    String name = todo.pop();
                    for (Node n : consumers(name)) {
                        if (readsOnlyShape(n) || !seen.add(n)) {
                            continue;
                        }
                        if (isProjection(n)) {
                            found.add(n);
                        } else if (n.isOnnx("DynamicQuantizeLinear")) {
                            found.addAll(readers(name));
                        } else if (seen.size() > 200) {
                            return null;
                        } else {
                            todo.addAll(n.outputs());
                        }
                    }
                }
                if (found.size() != 1 || only != null && only != found.iterator().next()) {
                    return null;
                }
                only = found.iterator().next();
            }
            return only;
        }

        /**
         * The block above {@code attn} (up to its q/k/v and past tensors) holds no projection and no op of a norm or
         * an activation (a q/k-norm or a soft-cap the fused node would drop), and reads the cache through the two
         * present concats.
         */
        boolean blockIsPlain(String attn, Set<String> bounds, Node ck, Node cv) {
            Set<Node> seen = new HashSet<>();
            Deque<String> todo = new ArrayDeque<>(List.of(attn));
            while (!todo.isEmpty()) {
                String name = todo.pop();
                if (bounds.contains(name)) {
                    continue;
                }
                Node n = producer.get(name);
                if (n == null || !seen.add(n)) {
                    continue;
                }
                if (isProjection(n) || projectionOf.containsKey(name) || ALIEN_OPS.contains(n.opType())
                        || seen.size() > 400) {
                    return false;
                }
                if (!readsOnlyShape(n)) {
                    n.inputs().stream().filter(s -> !s.isEmpty()).forEach(todo::add);
                }
            }
            return seen.contains(ck) && seen.contains(cv);
        }
    }
}
