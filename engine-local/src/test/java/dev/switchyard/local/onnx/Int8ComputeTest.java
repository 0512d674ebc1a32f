package dev.switchyard.local.onnx;

import dev.switchyard.local.LoadOptions;
import dev.switchyard.local.TestModels;
import dev.switchyard.local.generate.LoadedDecoder;
import dev.switchyard.local.onnx.OnnxWire.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * 4-bit MatMulNBits without an accuracy_level get int8 compute at load (engine-local decision 11), and prompts may go
 * through a second session computing in fp32 (decision 12; decided per CPU, so each test says whether it wants it).
 */
class Int8ComputeTest {

    @org.junit.jupiter.api.BeforeEach
    void noPrefillSessionUnlessATestAsks() {
        System.setProperty("switchyard.prefillSession", "false");
    }

    @org.junit.jupiter.api.AfterEach
    void clear() {
        System.clearProperty("switchyard.prefillSession");
    }

    @Test
    void everyFourBitMatMulWithoutAnAccuracyLevelGetsLevelFour(@TempDir Path dir) throws Exception {
        Path copy = TestModels.copy(TestModels.tinyQ4(), dir.resolve("q4"));
        Path file = copy.resolve("onnx/model_q4.onnx");
        List<Node> before = matMulNBits(file);
        assertThat(before).hasSize(15).allSatisfy(n -> assertThat(level(file, n)).isEqualTo(-1)); // 2 layers × 7 + lm_head
        LastRowLogits.Rewritten r = LastRowLogits.write(file, "logits", null, LastRowLogits.Compute.INT8).orElseThrow();
        try {
            assertThat(r.levelNodes()).isEqualTo(15);
            assertThat(matMulNBits(r.file())).hasSize(15).allSatisfy(n -> assertThat(level(r.file(), n)).isEqualTo(4));
        } finally {
            Files.delete(r.file());
        }
    }

    @Test
    void theModelComputesAlmostTheSameLogitsWithEightBitActivations(@TempDir Path dir) throws Exception {
        Path copy = TestModels.copy(TestModels.tinyQ4(), dir.resolve("q4"));
        float[][] int8;
        float[][] fp32;
        try (LoadedDecoder d = LoadedDecoder.open(copy, LoadOptions.defaults().withoutFusion())) {
            assertThat(d.info().graph()).isEqualTo("logits of the last position only; 4-bit MatMuls with 8-bit activations (15)");
            int8 = FusionCheck.probe(d.model());
        }
        System.setProperty("switchyard.int8Compute", "false");
        try (LoadedDecoder d = LoadedDecoder.open(copy, LoadOptions.defaults().withoutFusion())) {
            assertThat(d.info().graph()).isEqualTo("logits of the last position only");
            fp32 = FusionCheck.probe(d.model());
        } finally {
            System.clearProperty("switchyard.int8Compute");
        }
        double difference = FusionCheck.difference(fp32, int8);
        assertThat(difference).as("the kernels changed (8-bit activations round)").isGreaterThan(0);
        // 2.0 % of a row's range on this tiny model, whose random weights (std 0.3) make large activations; the 135M
        // speed model moves 0.12 % (README decision 11)
        assertThat(difference).as("share of each logits row's range").isLessThan(0.05);
    }

    @Test
    void aPromptGoesThroughTheFp32SessionAndDecodingThroughTheInt8One(@TempDir Path dir) throws Exception {
        Path copy = TestModels.copy(TestModels.tinyQ4(), dir.resolve("q4"));
        long[] prompt;
        float[] fp32Prompt;
        float[] int8Prompt;
        System.setProperty("switchyard.int8Compute", "false");
        try (LoadedDecoder fp32 = LoadedDecoder.open(copy, LoadOptions.defaults())) {
            assertThat(fp32.info().graph()).doesNotContain("prefilled");
            prompt = fp32.tokenizer().encode("<|im_start|>user\nhello local model<|im_end|>\n", false);
            try (KvRun run = new KvRun(fp32.model(), prompt.length + 1, true)) {
                fp32Prompt = run.feed(prompt).clone();
            }
        } finally {
            System.clearProperty("switchyard.int8Compute");
        }
        try (LoadedDecoder int8 = LoadedDecoder.open(copy, LoadOptions.defaults());
             KvRun run = new KvRun(int8.model(), prompt.length + 1, true)) {
            int8Prompt = run.feed(prompt).clone();
        }
        System.setProperty("switchyard.prefillSession", "true");
        try (LoadedDecoder both = LoadedDecoder.open(copy, LoadOptions.defaults())) {
            assertThat(both.info().graph()).isEqualTo("attention fused into GroupQueryAttention (2 layers); "
                    + "logits of the last position only; 4-bit MatMuls with 8-bit activations (15); "
                    + "prompts prefilled by a second session computing in fp32, on the same threads");
            assertThat(both.model().sharedThreadPool()).as("both sessions on the process's pool (decision 13)").isTrue();
            assertThat(both.model().session(prompt.length)).isNotSameAs(both.model().session(1));
            try (KvRun run = new KvRun(both.model(), prompt.length + 8, true)) {
                float[] p = run.feed(prompt);
                double fromFp32 = FusionCheck.difference(new float[][] {fp32Prompt}, new float[][] {p});
                double int8FromFp32 = FusionCheck.difference(new float[][] {fp32Prompt}, new float[][] {int8Prompt});
                // the layers ran in fp32; only the lm_head's one row (after the last-row Gather) in int8
                assertThat(fromFp32).as("prompt logits against the fp32 load's").isLessThan(int8FromFp32 / 4);
                float[] next = run.feed(new long[] {5}); // one token: the int8 session, on the fp32 prompt's cache
                assertThat(next).hasSize(p.length);
            }
        }
    }

    @Test
    void aThreadCountOtherThanTheSharedPoolsGetsPoolsOfItsOwnAndTheSameAnswer(@TempDir Path dir) throws Exception {
        Path copy = TestModels.copy(TestModels.tinyQ4(), dir.resolve("q4"));
        String prompt = "<|im_start|>user\nhello local model<|im_end|>\n";
        System.setProperty("switchyard.prefillSession", "true");
        try (LoadedDecoder shared = LoadedDecoder.open(copy, new LoadOptions(null, OrtRuntime.DEFAULT_THREADS));
             LoadedDecoder own = LoadedDecoder.open(copy, new LoadOptions(null, OrtRuntime.DEFAULT_THREADS + 1))) {
            assertThat(shared.model().sharedThreadPool()).isTrue();
            assertThat(own.model().sharedThreadPool()).isFalse();
            assertThat(own.info().graph()).endsWith("prompts prefilled by a second session computing in fp32");
            long[] ids = shared.tokenizer().encode(prompt, false);
            try (KvRun a = new KvRun(shared.model(), ids.length + 4, true);
                 KvRun b = new KvRun(own.model(), ids.length + 4, true)) {
                assertThat(b.feed(ids)).containsExactly(a.feed(ids).clone(), offset(1e-4f));
                assertThat(b.feed(new long[] {5})).containsExactly(a.feed(new long[] {5}).clone(),
                        offset(1e-4f));
            }
        } finally {
            System.clearProperty("switchyard.prefillSession");
        }
    }

    @Test
    void withItsAttentionFusedTooTheCheckPasses(@TempDir Path dir) throws Exception {
        Path copy = TestModels.copy(TestModels.tinyQ4(), dir.resolve("q4"));
        try (LoadedDecoder d = LoadedDecoder.open(copy, LoadOptions.defaults())) {
            assertThat(d.info().graph()).isEqualTo("attention fused into GroupQueryAttention (2 layers); "
                    + "logits of the last position only; 4-bit MatMuls with 8-bit activations (15)");
            KvCacheCorrectnessTest.assertCacheMatchesRecompute(d, "<|im_start|>user\nhello<|im_end|>\n", 24);
        }
    }

    private static List<Node> matMulNBits(Path file) throws Exception {
        return AttentionFusionTest.nodes(file).stream().filter(n -> n.isMs("MatMulNBits")).toList();
    }

    private static long level(Path file, Node n) {
        try {
            return n.intAttribute(ByteBuffer.wrap(Files.readAllBytes(file)), "accuracy_level", -1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
