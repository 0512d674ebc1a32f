package dev.switchyard.local.onnx;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.local.LoadOptions;
import dev.switchyard.local.TestModels;
import dev.switchyard.local.generate.LoadedDecoder;
import dev.switchyard.local.onnx.OnnxWire.Field;
import dev.switchyard.local.onnx.OnnxWire.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The load-time attention fusion of onnx-community exports (AttentionFusion) and its check (FusionCheck). */
class AttentionFusionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachAttentionBlockBecomesOneGroupQueryAttentionNode(@TempDir Path dir) throws Exception {
        Path copy = TestModels.copy(TestModels.tiny(), dir.resolve("tiny"));
        ModelFolder folder = ModelFolder.resolve(copy, null);
        AttentionFusion.Rotary rotary = AttentionFusion.Rotary.fromConfig(folder.config(), folder.contextLength());
        assertThat(rotary).isNotNull();
        assertThat(rotary.heads()).isEqualTo(4);
        assertThat(rotary.kvHeads()).isEqualTo(2);
        LastRowLogits.Rewritten r = LastRowLogits.write(folder.modelFile(), "logits", rotary, LastRowLogits.Compute.INT8).orElseThrow();
        try {
            assertThat(r.fusedLayers()).isEqualTo(2);
            assertThat(r.lastRow()).isTrue();
            List<Node> before = nodes(folder.modelFile());
            List<Node> after = nodes(r.file());
            assertThat(after.stream().filter(n -> n.isMs("GroupQueryAttention")).count()).isEqualTo(2);
            assertThat(after.stream().filter(n -> n.isOnnx("Softmax")).count()).isZero();
            assertThat(before.stream().filter(n -> n.isOnnx("Softmax")).count()).isEqualTo(2);
            assertThat(after.size()).as("nodes after / before").isLessThan(before.size() * 2 / 3);
        } finally {
            Files.deleteIfExists(r.file());
        }
    }

    @Test
    void theFusedModelGivesTheExportsLogitsStepByStep(@TempDir Path dir) throws Exception {
        assertFusedEqualsPlain(TestModels.copy(TestModels.tiny(), dir.resolve("tiny")));
    }

    @Test
    void anExportStyleQwen2GraphWithBiasesAndInGraphRotaryTablesFusesToo(@TempDir Path dir) throws Exception {
        Path copy = TestModels.copy(TestModels.tinyQwen2Export(), dir.resolve("qwen2"));
        assertFusedEqualsPlain(copy);
        try (LoadedDecoder fused = LoadedDecoder.open(copy, LoadOptions.defaults())) {
            KvCacheCorrectnessTest.assertCacheMatchesRecompute(fused, "<|im_start|>user\nhello<|im_end|>\n", 32);
            KvCacheCorrectnessTest.assertChunkedPrefillEqualsOnePass(fused);
        }
    }

    @Test
    void aDynamicallyQuantizedInt8ExportFusesThroughItsMatMulIntegerProjections(@TempDir Path dir) throws Exception {
        Path copy = TestModels.copy(TestModels.tinyInt8(), dir.resolve("int8"));
        assertFusedEqualsPlain(copy);
    }

    private static void assertFusedEqualsPlain(Path copy) throws Exception {
        try (LoadedDecoder fused = LoadedDecoder.open(copy, LoadOptions.defaults());
             LoadedDecoder plain = LoadedDecoder.open(copy, LoadOptions.defaults().withoutFusion())) {
            boolean lastRow = plain.model().io().lastRowLogits(); // (not for logits from a dequantizing Mul)
            assertThat(fused.model().fusedLayers()).isEqualTo(2);
            assertThat(fused.info().graph()).isEqualTo("attention fused into GroupQueryAttention (2 layers)"
                    + (lastRow ? "; logits of the last position only" : ""));
            assertThat(plain.model().fusedLayers()).isZero();
            assertThat(plain.info().graph()).isEqualTo(lastRow ? "logits of the last position only" : "as exported");
            assertThat(verdicts(copy)).hasSize(1);
            assertThat(verdicts(copy).getProperty(fused.model().folder().modelFile().getFileName().toString())).endsWith(":same");
            KvCacheCorrectnessTest.assertSameLogitsStepByStep(fused, plain, 40);
        }
    }

    @Test
    void aFusionThatComputesSomethingElseIsCaughtByTheCheckAndNotUsed(@TempDir Path dir) throws Exception {
        // config.json claims another rotary base than the graph's tables were built with: the fused node would rotate
        // differently; only the probe can tell
        Path copy = TestModels.copy(TestModels.tiny(), dir.resolve("tiny"));
        ObjectNode config = (ObjectNode) JSON.readTree(copy.resolve("config.json").toFile());
        config.put("rope_theta", 500000.0);
        JSON.writeValue(copy.resolve("config.json").toFile(), config);
        try (LoadedDecoder d = LoadedDecoder.open(copy, LoadOptions.defaults())) {
            assertThat(d.model().fusedLayers()).isZero();
            assertThat(d.model().io().lastRowLogits()).isTrue();
            assertThat(d.info().graph()).isEqualTo("logits of the last position only; "
                    + "attention left as exported: fused, it gave other logits than the export");
        }
        assertThat(verdicts(copy).getProperty("model.onnx")).endsWith(":different");
        try (LoadedDecoder again = LoadedDecoder.open(copy, LoadOptions.defaults())) {
            assertThat(again.model().fusedLayers()).isZero();
        }
    }

    @Test
    void theVerdictIsKeptPerFileAndAChangedFileIsCheckedAgain(@TempDir Path dir) throws Exception {
        Path copy = TestModels.copy(TestModels.tiny(), dir.resolve("tiny"));
        Path model = copy.resolve("onnx/model.onnx");
        FusionCheck.write(model, FusionCheck.Verdict.DIFFERENT);
        try (LoadedDecoder d = LoadedDecoder.open(copy, LoadOptions.defaults())) {
            assertThat(d.model().fusedLayers()).as("a recorded 'different' is trusted").isZero();
        }
        Files.setLastModifiedTime(model, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(model).toMillis() + 5000));
        assertThat(FusionCheck.read(model)).isEqualTo(FusionCheck.Verdict.UNKNOWN);
        try (LoadedDecoder d = LoadedDecoder.open(copy, LoadOptions.defaults())) {
            assertThat(d.model().fusedLayers()).isEqualTo(2);
        }
        assertThat(FusionCheck.read(model)).isEqualTo(FusionCheck.Verdict.SAME);
        try (var left = Files.list(copy.resolve("onnx"))) {
            assertThat(left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")))
                    .as("no rewritten or temporary file left behind").containsExactly(FusionCheck.FILE);
        }
    }

    @Test
    void aModelWhoseWeightsAreInAnExternalDataFileIsRewrittenToo(@TempDir Path dir) throws Exception {
        // the rewrite's own output is such a model: a graph whose initializers point into model.onnx
        Path copy = TestModels.copy(TestModels.tiny(), dir.resolve("tiny"));
        Path graphOnly = LastRowLogits.write(copy.resolve("onnx/model.onnx"), "logits").orElseThrow();
        Files.move(graphOnly, copy.resolve("onnx/model_external.onnx"));
        try (LoadedDecoder external = LoadedDecoder.open(copy, LoadOptions.variant("model_external.onnx"));
             LoadedDecoder plain = LoadedDecoder.open(copy, LoadOptions.defaults().withoutFusion())) {
            assertThat(Files.size(external.model().folder().modelFile())).isLessThan(Files.size(copy.resolve("onnx/model.onnx")) / 10);
            assertThat(external.model().fusedLayers()).isEqualTo(2);
            long[] prompt = plain.tokenizer().encode("hello external data", false);
            try (KvRun a = new KvRun(external.model(), 32, true); KvRun b = new KvRun(plain.model(), 32, true)) {
                float[] x = a.feed(prompt);
                float[] y = b.feed(prompt);
                for (int v = 0; v < y.length; v++) {
                    assertThat(x[v]).isCloseTo(y[v], within(1e-3f));
                }
            }
        }
    }

    @Test
    void modelsOfOtherFamiliesAndFormsAreNotFused() throws Exception {
        try (LoadedDecoder gpt2 = LoadedDecoder.open(TestModels.tinyGpt2(), LoadOptions.defaults());
             LoadedDecoder genai = LoadedDecoder.open(TestModels.tinyGenai(), LoadOptions.defaults());
             LoadedDecoder fp16 = LoadedDecoder.open(TestModels.tiny(), LoadOptions.variant("model_fp16.onnx"))) {
            assertThat(gpt2.model().fusedLayers()).isZero();
            assertThat(genai.model().fusedLayers()).isZero();
            assertThat(fp16.model().fusedLayers()).as("a float16 cache").isZero();
        }
        ObjectNode qwen3 = JSON.createObjectNode().put("model_type", "qwen3").put("num_attention_heads", 4)
                .put("num_key_value_heads", 2).put("head_dim", 16).put("max_position_embeddings", 256);
        assertThat(AttentionFusion.Rotary.fromConfig(qwen3, 256)).isNull();
        ObjectNode yarn = qwen3.deepCopy().put("model_type", "llama");
        yarn.putObject("rope_scaling").put("rope_type", "yarn").put("factor", 4.0);
        assertThat(AttentionFusion.Rotary.fromConfig(yarn, 256)).isNull();
        ObjectNode partial = qwen3.deepCopy().put("model_type", "llama").put("partial_rotary_factor", 0.5);
        assertThat(AttentionFusion.Rotary.fromConfig(partial, 256)).isNull();
    }

    @Test
    void llama3RopeScalingDividesOnlyTheLowFrequencies() {
        ObjectNode c = JSON.createObjectNode().put("model_type", "llama").put("num_attention_heads", 32)
                .put("num_key_value_heads", 8).put("head_dim", 64).put("rope_theta", 500000.0);
        c.putObject("rope_scaling").put("rope_type", "llama3").put("factor", 32.0).put("low_freq_factor", 1.0)
                .put("high_freq_factor", 4.0).put("original_max_position_embeddings", 8192);
        float[] scaled = AttentionFusion.Rotary.fromConfig(c, 1024).invFreq();
        c.remove("rope_scaling");
        float[] plain = AttentionFusion.Rotary.fromConfig(c, 1024).invFreq();
        assertThat(scaled[0]).isEqualTo(plain[0]); // wavelength 2π: far below 8192 / 4
        assertThat(scaled[31]).isCloseTo(plain[31] / 32, within(plain[31] * 1e-5f)); // wavelength far above 8192
        int medium = 0;
        for (int j = 0; j < 32; j++) {
            double wavelen = 2 * Math.PI / plain[j];
            if (wavelen >= 2048 && wavelen <= 8192) {
                medium++;
                assertThat(scaled[j]).isLessThan(plain[j]).isGreaterThan(plain[j] / 32);
            }
        }
        assertThat(medium).isPositive();
    }

    private static Properties verdicts(Path folder) throws Exception {
        Properties p = new Properties();
        try (var in = Files.newInputStream(folder.resolve("onnx").resolve(FusionCheck.FILE))) {
            p.load(in);
        }
        return p;
    }

    /** The nodes of an ONNX file's graph. */
    static List<Node> nodes(Path file) throws Exception {
        ByteBuffer m = ByteBuffer.wrap(Files.readAllBytes(file));
        List<Node> out = new ArrayList<>();
        for (Field top : OnnxWire.fields(m, 0, m.limit())) {
            if (top.is(OnnxWire.MODEL_GRAPH)) {
                for (Field f : OnnxWire.fields(m, top)) {
                    if (f.is(OnnxWire.GRAPH_NODE)) {
                        out.add(Node.parse(m, f));
                    }
                }
            }
        }
        return out;
    }
}
