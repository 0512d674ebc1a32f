package dev.switchyard.local.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchyard.local.LocalEngineException;
import dev.switchyard.local.LocalEngineException.Kind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tensor names and cache shape of a decoder, discovered from the session's inputs and outputs
 * (config.json only fills in dimensions the graph leaves symbolic). {@code lastRowLogits}: the logits are declared
 * {@code [B, 1, vocab]}, one row whatever the number of new tokens ({@link LastRowLogits} rewrote the graph).
 */
public record DecoderIo(String inputIds, String attentionMask, String positionIds, List<String> pastKeys,
                        List<String> pastValues, List<String> presentKeys, List<String> presentValues, String logits,
                        int kvHeads, int headDim, OnnxJavaType pastType, OnnxJavaType logitsType, int vocab,
                        boolean lastRowLogits) {

    private static final Pattern PAST = Pattern.compile("past_key_values\\.(\\d+)\\.(key|value)");

    public int layers() {
        return pastKeys.size();
    }

    public boolean hasCache() {
        return !pastKeys.isEmpty();
    }

    public static DecoderIo discover(Path file, Map<String, NodeInfo> inputs, Map<String, NodeInfo> outputs,
                                     JsonNode config) throws LocalEngineException {
        String what = file.getFileName() + " is not a text decoder (inputs: " + String.join(", ", inputs.keySet())
                + "; outputs: " + String.join(", ", outputs.keySet()) + ")";
        if (inputs.containsKey("use_cache_branch")) {
            throw new LocalEngineException(Kind.UNSUPPORTED_MODEL, file.getFileName()
                    + " is a merged decoder (use_cache_branch input); use the folder's model.onnx / model_q4.onnx export instead.");
        }
        if (inputs.keySet().stream().anyMatch(n -> n.matches("past_\\d+"))) {
            throw new LocalEngineException(Kind.UNSUPPORTED_MODEL, file.getFileName()
                    + " uses the legacy GPT-2 combined past_N cache; re-export it with Optimum (past_key_values.N.key/value).");
        }
        if (!inputs.containsKey("input_ids") || !inputs.containsKey("attention_mask")) {
            throw new LocalEngineException(Kind.NOT_A_DECODER, what + ": it needs input_ids and attention_mask inputs.");
        }
        if (!outputs.containsKey("logits")) {
            throw new LocalEngineException(Kind.NOT_A_DECODER, what + ": it has no logits output.");
        }
        TreeMap<Integer, String[]> layers = new TreeMap<>();
        for (String name : inputs.keySet()) {
            Matcher m = PAST.matcher(name);
            if (m.matches()) {
                layers.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new String[2])[m.group(2).equals("key") ? 0 : 1] = name;
            } else if (!name.equals("input_ids") && !name.equals("attention_mask") && !name.equals("position_ids")) {
                throw new LocalEngineException(Kind.NOT_A_DECODER, what + ": unexpected input " + name + ".");
            }
        }
        List<String> pk = new ArrayList<>(), pv = new ArrayList<>(), ok = new ArrayList<>(), ov = new ArrayList<>();
        int expect = 0;
        for (Map.Entry<Integer, String[]> e : layers.entrySet()) {
            int i = e.getKey();
            if (i != expect++ || e.getValue()[0] == null || e.getValue()[1] == null) {
                throw new LocalEngineException(Kind.NOT_A_DECODER, what + ": past_key_values inputs are incomplete at layer " + i + ".");
            }
            for (String kv : List.of("key", "value")) {
                String present = "present." + i + "." + kv;
                if (!outputs.containsKey(present)) {
                    throw new LocalEngineException(Kind.NOT_A_DECODER, what + ": input past_key_values." + i + "." + kv
                            + " has no matching output " + present + ".");
                }
                (kv.equals("key") ? ok : ov).add(present);
            }
            pk.add(e.getValue()[0]);
            pv.add(e.getValue()[1]);
        }
        int kvHeads = 0, headDim = 0;
        OnnxJavaType pastType = OnnxJavaType.FLOAT;
        if (!pk.isEmpty()) {
            TensorInfo ti = tensor(inputs.get(pk.get(0)), file);
            long[] shape = ti.getShape();
            if (shape.length != 4) {
                throw new LocalEngineException(Kind.NOT_A_DECODER, what + ": " + pk.get(0) + " has rank " + shape.length
                        + ", expected [batch, kv_heads, past, head_dim].");
            }
            pastType = ti.type;
            kvHeads = shape[1] > 0 ? (int) shape[1] : configKvHeads(config);
            headDim = shape[3] > 0 ? (int) shape[3] : configHeadDim(config);
            if (kvHeads <= 0 || headDim <= 0) {
                throw new LocalEngineException(Kind.CONFIG_INVALID, file.getFileName()
                        + " leaves the cache shape symbolic and config.json has no num_key_value_heads / head_dim.");
            }
            if (pastType != OnnxJavaType.FLOAT && pastType != OnnxJavaType.FLOAT16) {
                throw new LocalEngineException(Kind.UNSUPPORTED_MODEL, file.getFileName() + " keeps its cache as " + pastType
                        + "; only float32 and float16 caches are supported.");
            }
        }
        TensorInfo logits = tensor(outputs.get("logits"), file);
        long[] ls = logits.getShape();
        int vocab = ls.length > 0 && ls[ls.length - 1] > 0 ? (int) ls[ls.length - 1] : config.path("vocab_size").asInt(0);
        if (logits.type != OnnxJavaType.FLOAT && logits.type != OnnxJavaType.FLOAT16) {
            throw new LocalEngineException(Kind.UNSUPPORTED_MODEL, file.getFileName() + " returns logits as " + logits.type + ".");
        }
        return new DecoderIo("input_ids", "attention_mask", inputs.containsKey("position_ids") ? "position_ids" : null,
                pk, pv, ok, ov, "logits", kvHeads, headDim, pastType, logits.type, vocab, ls.length == 3 && ls[1] == 1);
    }

    private static TensorInfo tensor(NodeInfo info, Path file) throws LocalEngineException {
        if (!(info.getInfo() instanceof TensorInfo)) {
            throw new LocalEngineException(Kind.NOT_A_DECODER, file.getFileName() + ": " + info.getName() + " is not a tensor.");
        }
        return (TensorInfo) info.getInfo();
    }

    private static int configKvHeads(JsonNode c) {
        int kv = c.path("num_key_value_heads").asInt(0);
        return kv > 0 ? kv : c.path("num_attention_heads").asInt(c.path("n_head").asInt(0));
    }

    private static int configHeadDim(JsonNode c) {
        int hd = c.path("head_dim").asInt(0);
        int heads = c.path("num_attention_heads").asInt(c.path("n_head").asInt(0));
        int hidden = c.path("hidden_size").asInt(c.path("n_embd").asInt(0));
        return hd > 0 ? hd : heads > 0 ? hidden / heads : 0;
    }
}
