package dev.switchyard.local.onnx;

import dev.switchyard.local.LoadOptions;
import dev.switchyard.local.TestModels;
import dev.switchyard.local.generate.LoadedDecoder;
import dev.switchyard.local.sampling.Sampler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class KvCacheCorrectnessTest {
    static LoadedDecoder decoder;

    @BeforeAll
    static void load() throws Exception {
        decoder = LoadedDecoder.open(TestModels.tiny(), LoadOptions.defaults());
    }

    @AfterAll
    static void close() {
        decoder.close();
    }

    @Test
    void discoversTheDecoderShapeFromTheSession() {
        DecoderIo io = decoder.model().io();
        assertThat(io.layers()).isEqualTo(2);
        assertThat(io.kvHeads()).isEqualTo(2);
        assertThat(io.headDim()).isEqualTo(16);
        assertThat(io.positionIds()).isEqualTo("position_ids");
        assertThat(io.vocab()).isEqualTo(decoder.tokenizer().size());
    }

    @Test
    void greedyWithTheCacheEqualsRecomputingTheFullSequenceAtEveryStep() throws Exception {
        assertCacheMatchesRecompute(decoder, "<|im_start|>user\nhello local model<|im_end|>\n<|im_start|>assistant\n", 48);
    }

    @Test
    void theSameHoldsForTheExportsOwnAttentionBlocksUnfused() throws Exception {
        assertThat(decoder.model().fusedLayers()).as("the default load fuses the tiny model's attention").isEqualTo(2);
        try (LoadedDecoder plain = LoadedDecoder.open(TestModels.tiny(), LoadOptions.defaults().withoutFusion())) {
            assertThat(plain.model().fusedLayers()).isZero();
            assertCacheMatchesRecompute(plain, "<|im_start|>user\nhello local model<|im_end|>\n<|im_start|>assistant\n", 48);
            assertChunkedPrefillEqualsOnePass(plain);
        }
    }

    @Test
    void theSameHoldsForAGpt2StyleModelWithoutPositionIds() throws Exception {
        try (LoadedDecoder gpt2 = LoadedDecoder.open(TestModels.tinyGpt2(), LoadOptions.defaults())) {
            assertThat(gpt2.model().io().positionIds()).isNull();
            assertThat(gpt2.model().io().layers()).isEqualTo(1);
            assertCacheMatchesRecompute(gpt2, "hello world, the model", 40);
        }
    }

    @Test
    void theGenaiFormOfTheSameWeightsGivesTheSameLogitsStepByStep() throws Exception {
        try (LoadedDecoder genai = LoadedDecoder.open(TestModels.tinyGenai(), LoadOptions.defaults())) {
            assertThat(genai.model().folder().layout()).isEqualTo(ModelFolder.GENAI);
            DecoderIo io = genai.model().io();
            assertThat(io.layers()).isEqualTo(2);
            assertThat(io.kvHeads()).isEqualTo(2);
            assertThat(io.headDim()).isEqualTo(16);
            assertThat(io.positionIds()).isNull();
            assertSameLogitsStepByStep(genai, decoder, 40);
        }
    }

    /**
     * Greedy decoding on {@code reference}'s choices: both models' logits agree within 1e-3 after the prompt and at
     * each of {@code steps} steps, and the tokens are not degenerate.
     */
    static void assertSameLogitsStepByStep(LoadedDecoder model, LoadedDecoder reference, int steps) throws Exception {
        long[] prompt = reference.tokenizer().encode("<|im_start|>user\nhello local model<|im_end|>\n", false);
        List<Integer> tokens = new ArrayList<>();
        try (KvRun one = new KvRun(model.model(), prompt.length + steps, true);
             KvRun other = new KvRun(reference.model(), prompt.length + steps, true)) {
            float[] a = one.feed(prompt);
            float[] b = other.feed(prompt);
            for (int i = 0; i < steps; i++) {
                for (int v = 0; v < b.length; v++) {
                    assertThat(a[v]).as("step %d, id %d", i, v).isCloseTo(b[v], within(1e-3f));
                }
                int next = Sampler.argmax(b, b.length);
                tokens.add(next);
                a = one.feed(new long[] {next});
                b = other.feed(new long[] {next});
            }
        }
        assertThat(tokens.stream().distinct().count()).as("the tiny model should not be degenerate").isGreaterThan(3);
    }

    @Test
    void theGenaiFormKeepsItsCacheRightIncludingChunkedPrefill() throws Exception {
        try (LoadedDecoder genai = LoadedDecoder.open(TestModels.tinyGenai(), LoadOptions.defaults())) {
            assertCacheMatchesRecompute(genai, "<|im_start|>user\nhello local model<|im_end|>\n<|im_start|>assistant\n", 32);
            // GroupQueryAttention's "subsequent prompt" case: several tokens at once on top of a cache
            assertChunkedPrefillEqualsOnePass(genai);
        }
    }

    @Test
    void aPhi3StyleGenaiModelWithLogitsWiderThanItsTokenizerKeepsItsCacheRight() throws Exception {
        try (LoadedDecoder phi3 = LoadedDecoder.open(TestModels.tinyPhi3(), LoadOptions.defaults())) {
            assertThat(phi3.model().io().vocab()).isEqualTo(phi3.tokenizer().size() + 5);
            assertThat(phi3.samplableVocab(phi3.model().io().vocab())).as("padded ids are never sampled")
                    .isEqualTo(phi3.tokenizer().size());
            assertCacheMatchesRecompute(phi3, "<|user|>\nhello local model<|end|>\n<|assistant|>\n", 32);
            // (its tokenizer makes one token of most words: a longer text for three chunks and more)
            assertChunkedPrefillEqualsOnePass(phi3, "the local model is a token model, and the world is hello to you and phi");
        }
    }

    static void assertCacheMatchesRecompute(LoadedDecoder decoder, String text, int steps) throws Exception {
        long[] prompt = decoder.tokenizer().encode(text, false);
        List<Integer> cached = new ArrayList<>();
        List<Integer> full = new ArrayList<>();
        List<float[]> cachedLogits = new ArrayList<>();
        List<float[]> fullLogits = new ArrayList<>();
        try (KvRun withCache = new KvRun(decoder.model(), prompt.length + steps, true);
             KvRun noCache = new KvRun(decoder.model(), prompt.length + steps, false)) {
            float[] a = withCache.feed(prompt);
            float[] b = noCache.feed(prompt);
            for (int i = 0; i < steps; i++) {
                int ta = Sampler.argmax(a, a.length);
                int tb = Sampler.argmax(b, b.length);
                cached.add(ta);
                full.add(tb);
                cachedLogits.add(a.clone()); // (feed reuses its array)
                fullLogits.add(b.clone());
                a = withCache.feed(new long[] {ta});
                b = noCache.feed(new long[] {tb});
            }
            assertThat(withCache.length()).isEqualTo(noCache.length()).isEqualTo(prompt.length + steps);
        }
        assertThat(cached).isEqualTo(full);
        assertThat(cached.stream().distinct().count()).as("the tiny model should not be degenerate").isGreaterThan(3);
        for (int i = 0; i < steps; i++) {
            for (int v = 0; v < cachedLogits.get(i).length; v++) {
                assertThat(cachedLogits.get(i)[v]).isCloseTo(fullLogits.get(i)[v], within(1e-3f));
            }
        }
    }

    @Test
    void theFloat16IoVariantMatchesTheFloat32ModelUpToHalfPrecision() throws Exception {
        try (LoadedDecoder fp16 = LoadedDecoder.open(TestModels.tiny(), LoadOptions.variant("model_fp16.onnx"))) {
            DecoderIo io = fp16.model().io();
            assertThat(io.pastType()).isEqualTo(ai.onnxruntime.OnnxJavaType.FLOAT16);
            assertThat(io.logitsType()).isEqualTo(ai.onnxruntime.OnnxJavaType.FLOAT16);
            long[] prompt = decoder.tokenizer().encode("hello world, the model", false);
            try (KvRun half = new KvRun(fp16.model(), prompt.length + 8, true);
                 KvRun full = new KvRun(decoder.model(), prompt.length + 8, true)) {
                float[] a = half.feed(prompt);
                float[] b = full.feed(prompt);
                for (int step = 0; step < 4; step++) {
                    for (int v = 0; v < a.length; v++) {
                        assertThat(a[v]).isCloseTo(b[v], within(0.05f + Math.abs(b[v]) * 2e-3f));
                    }
                    int next = Sampler.argmax(b, b.length);
                    a = half.feed(new long[] {next});
                    b = full.feed(new long[] {next});
                }
            }
        }
    }

    @Test
    void theUnpinnedLogitsPathReadsTheSameLastRow() throws Exception {
        long[] prompt = decoder.tokenizer().encode("hello world", false);
        float[] pinned;
        try (KvRun run = new KvRun(decoder.model(), prompt.length + 1, false)) {
            pinned = run.feed(prompt);
        }
        DecoderIo io = decoder.model().io();
        java.util.Map<String, ai.onnxruntime.OnnxTensor> in = new java.util.HashMap<>();
        ai.onnxruntime.OrtEnvironment env = decoder.model().env();
        long[] pos = new long[prompt.length];
        long[] mask = new long[prompt.length];
        for (int i = 0; i < prompt.length; i++) {
            pos[i] = i;
            mask[i] = 1;
        }
        in.put("input_ids", ai.onnxruntime.OnnxTensor.createTensor(env, new long[][] {prompt}));
        in.put("attention_mask", ai.onnxruntime.OnnxTensor.createTensor(env, new long[][] {mask}));
        in.put("position_ids", ai.onnxruntime.OnnxTensor.createTensor(env, new long[][] {pos}));
        ai.onnxruntime.OnnxTensor empty = ai.onnxruntime.OnnxTensor.createTensor(env, java.nio.FloatBuffer.allocate(0),
                new long[] {1, io.kvHeads(), 0, io.headDim()});
        for (int l = 0; l < io.layers(); l++) {
            in.put(io.pastKeys().get(l), empty);
            in.put(io.pastValues().get(l), empty);
        }
        try (ai.onnxruntime.OrtSession.Result r = decoder.model().session().run(in)) {
            float[] owned = KvRun.lastRow((ai.onnxruntime.OnnxTensor) r.get("logits").orElseThrow());
            assertThat(owned).containsExactly(pinned);
        } finally {
            for (java.util.Map.Entry<String, ai.onnxruntime.OnnxTensor> e : in.entrySet()) {
                if (e.getValue() != empty) {
                    e.getValue().close();
                }
            }
            empty.close();
        }
    }

    @Test
    void chunkedPrefillThroughTheCacheEqualsOneFullPass() throws Exception {
        assertChunkedPrefillEqualsOnePass(decoder);
    }

    /** A prompt fed through the cache 7 tokens at a time gives the logits of one pass over the whole prompt. */
    static void assertChunkedPrefillEqualsOnePass(LoadedDecoder d) throws Exception {
        assertChunkedPrefillEqualsOnePass(d, "the local model is a token model and the world is hello");
    }

    static void assertChunkedPrefillEqualsOnePass(LoadedDecoder d, String text) throws Exception {
        long[] prompt = d.tokenizer().encode(text, false);
        assertThat(prompt.length).isGreaterThan(15);
        float[] chunked;
        float[] whole;
        try (KvRun run = new KvRun(d.model(), prompt.length + 1, true, 7)) {
            chunked = run.feed(prompt);
            assertThat(run.runs()).isEqualTo((prompt.length + 6) / 7);
        }
        try (KvRun run = new KvRun(d.model(), prompt.length + 1, false)) {
            whole = run.feed(prompt);
        }
        for (int v = 0; v < whole.length; v++) {
            assertThat(chunked[v]).isCloseTo(whole[v], within(1e-3f));
        }
        assertThat(Sampler.argmax(chunked, chunked.length)).isEqualTo(Sampler.argmax(whole, whole.length));
    }

    @Test
    void aCacheFedWithTheWrongPastWouldDiverge() throws Exception {
        // guards the test above: a cache that drops history gives different logits from the full recompute
        long[] prompt = decoder.tokenizer().encode("hello world, the local token model", false);
        float[] full;
        float[] truncated;
        try (KvRun run = new KvRun(decoder.model(), prompt.length + 1, false)) {
            full = run.feed(prompt);
        }
        try (KvRun run = new KvRun(decoder.model(), 2, true)) {
            truncated = run.feed(new long[] {prompt[prompt.length - 1]});
        }
        float maxDiff = 0;
        for (int v = 0; v < full.length; v++) {
            maxDiff = Math.max(maxDiff, Math.abs(full[v] - truncated[v]));
        }
        assertThat(maxDiff).isGreaterThan(1e-2f);
    }
}
