package dev.switchyard.local.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.switchyard.local.LoadOptions;
import dev.switchyard.local.TestModels;
import dev.switchyard.local.generate.LoadedDecoder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graph rewrite that computes logits for the last position only, on the committed tiny models in three forms. */
class LastRowLogitsTest {

    private static final OrtEnvironment ENV = OrtRuntime.environment();

    @Test
    void theRewrittenGraphGivesTheLastRowOfTheOriginalAndTheSameCache() throws Exception {
        for (Path model : new Path[] {TestModels.tiny().resolve("onnx/model.onnx"),
            TestModels.tinyGenai().resolve("model.onnx"), TestModels.tinyGpt2().resolve("onnx/model.onnx")}) {
            Optional<Path> rewritten = LastRowLogits.write(model, "logits");
            assertThat(rewritten).as(model.toString()).isPresent();
            assertThat(rewritten.get().getParent()).isEqualTo(model.getParent());
            // the new file holds the graph; the weights stay in the original, referenced as external data
            assertThat(Files.size(rewritten.get())).isLessThan(Files.size(model) / 4);
            try (OrtSession.SessionOptions o = new OrtSession.SessionOptions();
                 OrtSession original = ENV.createSession(model.toString(), o);
                 OrtSession lastRow = ENV.createSession(rewritten.get().toString(), o)) {
                long[] shape = ((TensorInfo) lastRow.getOutputInfo().get("logits").getInfo()).getShape();
                assertThat(shape).hasSize(3);
                assertThat(shape[1]).isEqualTo(1);
                assertThat(shape[2]).isEqualTo(((TensorInfo) original.getOutputInfo().get("logits").getInfo()).getShape()[2]);
                long[] prompt = {5, 17, 42, 99, 120, 7, 64, 33, 250, 11, 3, 80};
                Map<String, float[]> a = prefill(original, prompt);
                Map<String, float[]> b = prefill(lastRow, prompt);
                int vocab = (int) shape[2];
                float[] all = a.get("logits");
                assertThat(all).hasSize(prompt.length * vocab);
                float[] last = b.get("logits");
                assertThat(last).hasSize(vocab);
                for (int v = 0; v < vocab; v++) {
                    assertThat(last[v]).isCloseTo(all[(prompt.length - 1) * vocab + v], within(1e-5f));
                }
                assertThat(b.get("present.0.key")).containsExactly(a.get("present.0.key"));
                assertThat(b.get("present.0.value")).containsExactly(a.get("present.0.value"));
            } finally {
                Files.delete(rewritten.get());
            }
        }
    }

    @Test
    void modelsOfAnotherFormLoadAsTheyAre(@TempDir Path dir) throws Exception {
        // fp16 logits come out of a Cast, not of the lm_head MatMul
        assertThat(LastRowLogits.write(TestModels.tiny().resolve("onnx/model_fp16.onnx"), "logits")).isEmpty();
        // an encoder has no logits output
        Path encoder = Path.of(LastRowLogitsTest.class.getResource("/models/broken/not-a-decoder.onnx").toURI());
        assertThat(LastRowLogits.write(encoder, "logits")).isEmpty();
        // bytes that are not a ModelProto, and a truncated model
        Path junk = Files.write(dir.resolve("junk.onnx"), new byte[] {8, 7, (byte) 0xff, (byte) 0xff, 1, 2, 3});
        assertThat(LastRowLogits.write(junk, "logits")).isEmpty();
        byte[] whole = Files.readAllBytes(TestModels.tiny().resolve("onnx/model.onnx"));
        Path cut = Files.write(dir.resolve("cut.onnx"), java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThat(LastRowLogits.write(cut, "logits")).isEmpty();
        assertThat(Files.list(dir)).hasSize(2); // nothing written for a model that is not rewritten
    }

    @Test
    void theEngineLoadsTheRewrittenGraphUnlessToldNotTo(@TempDir Path dir) throws Exception {
        Path copy = TestModels.copy(TestModels.tiny(), dir.resolve("tiny"));
        try (LoadedDecoder d = LoadedDecoder.open(copy, LoadOptions.defaults())) {
            assertThat(d.model().io().lastRowLogits()).isTrue();
        }
        try (var left = Files.list(copy.resolve("onnx"))) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("model.onnx", "model_fp16.onnx", FusionCheck.FILE); // (its attention fused)
        }
        // a read-only folder: the model loads as it is
        copy.resolve("onnx").toFile().setWritable(false);
        try (LoadedDecoder d = LoadedDecoder.open(copy, LoadOptions.defaults())) {
            assertThat(d.model().io().lastRowLogits()).isEqualTo(Files.isWritable(copy.resolve("onnx"))); // root may still write
        } finally {
            copy.resolve("onnx").toFile().setWritable(true);
        }
        System.setProperty("switchyard.lastRowLogits", "false");
        try (LoadedDecoder d = LoadedDecoder.open(TestModels.tiny(), LoadOptions.defaults())) {
            assertThat(d.model().io().lastRowLogits()).isFalse();
        } finally {
            System.clearProperty("switchyard.lastRowLogits");
        }
    }

    /** One run with an empty cache; every output copied out as floats. */
    private static Map<String, float[]> prefill(OrtSession s, long[] prompt) throws Exception {
        Map<String, OnnxTensor> in = new HashMap<>();
        long[] mask = new long[prompt.length];
        long[] pos = new long[prompt.length];
        for (int i = 0; i < prompt.length; i++) {
            mask[i] = 1;
            pos[i] = i;
        }
        in.put("input_ids", OnnxTensor.createTensor(ENV, new long[][] {prompt}));
        in.put("attention_mask", OnnxTensor.createTensor(ENV, new long[][] {mask}));
        if (s.getInputNames().contains("position_ids")) {
            in.put("position_ids", OnnxTensor.createTensor(ENV, new long[][] {pos}));
        }
        for (String name : s.getInputNames()) {
            if (name.startsWith("past_key_values")) {
                long[] shape = ((TensorInfo) s.getInputInfo().get(name).getInfo()).getShape();
                in.put(name, OnnxTensor.createTensor(ENV, FloatBuffer.allocate(0), new long[] {1, shape[1], 0, shape[3]}));
            }
        }
        Map<String, float[]> out = new HashMap<>();
        try (OrtSession.Result r = s.run(in)) {
            for (Map.Entry<String, ai.onnxruntime.OnnxValue> e : r) {
                FloatBuffer fb = ((OnnxTensor) e.getValue()).getFloatBuffer();
                float[] f = new float[fb.remaining()];
                fb.get(f);
                out.put(e.getKey(), f);
            }
        } finally {
            in.values().forEach(OnnxTensor::close);
        }
        return out;
    }
}
