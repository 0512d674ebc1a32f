package dev.switchyard.local;

import dev.switchyard.local.LocalEngine.LoadedModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class InProcessGenerationTest {
    static LocalEngine engine;
    static LoadedModel model;

    @BeforeAll
    static void load() throws Exception {
        engine = LocalEngine.inProcess();
        model = engine.load(TestModels.tiny(), LoadOptions.defaults());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void validationDescribesTheTinyModel() throws Exception {
        ModelInfo info = engine.validate(TestModels.tiny());
        assertThat(info.name()).isEqualTo("tiny-random (nonsense output, for tests)");
        assertThat(info.family()).isEqualTo("CHATML");
        assertThat(info.layout()).isEqualTo("ONNX_COMMUNITY");
        assertThat(info.variants()).containsExactly("model.onnx", "model_fp16.onnx");
        assertThat(info.modelFile().getFileName().toString()).isEqualTo("model.onnx");
        assertThat(info.layers()).isEqualTo(2);
        assertThat(info.kvHeads()).isEqualTo(2);
        assertThat(info.headDim()).isEqualTo(16);
        assertThat(info.vocabSize()).isEqualTo(info.tokenizerVocab()).isEqualTo(342);
        assertThat(info.contextLength()).isEqualTo(256);
        assertThat(info.eosTokenIds()).contains(2L, 0L);
    }

    @Test
    void streamsTokensAndEndsWithExactlyOneCompleteCarryingMetrics() throws Exception {
        RecordingListener l = run(GenerationRequest.of(model.id(), "hello local model", 24));
        assertThat(l.error).isNull();
        assertThat(l.terminals.get()).isEqualTo(1);
        assertThat(l.starts.get()).as("onStarted once, before any token").isEqualTo(1);
        assertThat(l.tokensBeforeStart).isZero();
        LocalResult r = l.result;
        assertThat(r.text()).isEqualTo(l.text());
        assertThat(r.outputTokens()).isBetween(1, 24);
        assertThat(r.stopReason()).isIn(StopReason.MAX_TOKENS, StopReason.EOS);
        // "<|im_start|>user\nhello local model<|im_end|>\n<|im_start|>assistant\n": specials are single tokens
        assertThat(r.inputTokens()).isGreaterThan(6).isLessThan(40);
        assertThat(r.ttftMillis()).isPositive();
        assertThat(r.totalMillis()).isGreaterThanOrEqualTo(r.ttftMillis());
        assertThat(r.sessionRunMillis()).isPositive().isLessThanOrEqualTo(r.totalMillis());
        assertThat(r.peakMemoryBytes()).isPositive();
        assertThat(r.loadMillis()).isZero();
        if (r.outputTokens() > 1) {
            assertThat(r.decodeTps()).isPositive();
        }
    }

    @Test
    void greedyIsDeterministicAndSeededSamplingIsReproducible() throws Exception {
        GenerationRequest greedy = GenerationRequest.of(model.id(), "the model", 16);
        assertThat(run(greedy).result.text()).isEqualTo(run(greedy).result.text());
        GenerationRequest seeded = greedy.withSampling(SamplingParams.of(1.2, 50, 0.95, 1.1, 99L));
        LocalResult a = run(seeded).result, b = run(seeded).result;
        assertThat(a.text()).isEqualTo(b.text());
        assertThat(a.outputTokens()).isEqualTo(b.outputTokens());
    }

    @Test
    void aStopStringEndsTheRunAndIsNotInTheText() throws Exception {
        GenerationRequest base = GenerationRequest.of(model.id(), "to be or not", 40);
        String full = run(base).result.text();
        assertThat(full.length()).as("tiny model output").isGreaterThan(6);
        String stop = full.substring(4, 6);
        int at = full.indexOf(stop);
        RecordingListener l = run(base.withStopStrings(List.of(stop)));
        assertThat(l.result.stopReason()).isEqualTo(StopReason.STOP_STRING);
        assertThat(l.result.text()).isEqualTo(full.substring(0, at)).isEqualTo(l.text());
    }

    @Test
    void cancelEndsWithCancelledAndKeepsThePartialText() throws Exception {
        AtomicReference<GenerationHandle> handle = new AtomicReference<>();
        RecordingListener l = new RecordingListener(() -> {
            while (handle.get() == null) {
                Thread.onSpinWait(); // the first token can arrive before generate() has returned
            }
            handle.get().cancel();
        });
        {
            handle.set(engine.generate(GenerationRequest.of(model.id(), "cancel me", 200), l));
        }
        l.await();
        if (l.result != null) {
            // the model hit EOS before the cancel was seen; nothing else to check
            assertThat(l.result.outputTokens()).isLessThan(200);
            return;
        }
        assertThat(l.terminals.get()).isEqualTo(1);
        assertThat(l.error.kind()).isEqualTo(LocalEngineException.Kind.CANCELLED);
        LocalResult partial = l.error.partial().orElseThrow();
        assertThat(partial.stopReason()).isEqualTo(StopReason.CANCELLED);
        assertThat(partial.text()).isEqualTo(l.text());
        assertThat(partial.outputTokens()).isLessThan(200);
        assertThat(handle.get().isDone()).isTrue();
    }

    @Test
    void aPromptLongerThanTheContextWindowIsRejected() throws Exception {
        RecordingListener l = run(GenerationRequest.of(model.id(), "hello world ".repeat(200), 8));
        assertThat(l.error.kind()).isEqualTo(LocalEngineException.Kind.PROMPT_TOO_LONG);
        assertThat(l.error.getMessage()).contains("context window of 256 tokens").contains("model.onnx");
    }

    @Test
    void aGpt2StyleModelUsesThePlainTemplateAndRunsWithoutPositionIds() throws Exception {
        LoadedModel gpt2 = engine.load(TestModels.tinyGpt2(), LoadOptions.defaults());
        assertThat(gpt2.info().family()).isEqualTo("PLAIN");
        assertThat(gpt2.info().contextLength()).isEqualTo(128);
        assertThat(gpt2.info().eosTokenIds()).containsExactly(0L);
        RecordingListener l = run(GenerationRequest.of(gpt2.id(), "hello world", 20));
        assertThat(l.error).isNull();
        try (dev.switchyard.local.tokenize.LocalTokenizer tok =
                     dev.switchyard.local.tokenize.LocalTokenizer.load(TestModels.tinyGpt2().resolve("tokenizer.json"))) {
            // PLAIN template: the prompt is exactly the user text, no markers
            assertThat(l.result.inputTokens()).isEqualTo(tok.encode("hello world", true).length);
        }
        assertThat(l.result.text()).isEqualTo(l.text());
        engine.unload(gpt2.id());
    }

    @Test
    void aPhi3StyleModelRunsWithItsTemplateBosAndEndTokensGreedyAndHot() throws Exception {
        LoadedModel phi3 = engine.load(TestModels.tinyPhi3(), LoadOptions.defaults());
        assertThat(phi3.info().family()).isEqualTo("PHI3");
        assertThat(phi3.info().layout()).isEqualTo("GENAI");
        assertThat(phi3.info().vocabSize()).isEqualTo(phi3.info().tokenizerVocab() + 5);
        try (dev.switchyard.local.tokenize.LocalTokenizer tok =
                     dev.switchyard.local.tokenize.LocalTokenizer.load(TestModels.tinyPhi3().resolve("tokenizer.json"))) {
            assertThat(phi3.info().eosTokenIds()).contains(tok.idOf("<|end|>"), tok.idOf("<|endoftext|>"));
            RecordingListener l = run(GenerationRequest.of(phi3.id(), "hello world", 24));
            assertThat(l.error).isNull();
            // <s> from the post-processor, then "<|user|>\nhello world<|end|>\n<|assistant|>\n"
            assertThat(l.result.inputTokens())
                    .isEqualTo(tok.encode("<|user|>\nhello world<|end|>\n<|assistant|>\n", true).length);
            assertThat(l.result.text()).isEqualTo(l.text());
            for (int seed = 1; seed <= 5; seed++) { // hot sampling: every id the sampler may pick streams
                RecordingListener hot = run(GenerationRequest.of(phi3.id(), "the model", 24)
                        .withSampling(SamplingParams.of(5.0, 0, 1.0, 1.0, (long) seed)));
                assertThat(hot.error).isNull();
                assertThat(hot.result.text()).isEqualTo(hot.text());
            }
        }
        engine.unload(phi3.id());
    }

    @Test
    void theFloat16VariantRunsWithAFloat16CacheAndLogits() throws Exception {
        LoadedModel fp16 = engine.load(TestModels.tiny(), LoadOptions.variant("model_fp16.onnx"));
        assertThat(fp16.info().modelFile().getFileName().toString()).isEqualTo("model_fp16.onnx");
        RecordingListener l = run(GenerationRequest.of(fp16.id(), "hello local model", 16));
        assertThat(l.error).isNull();
        assertThat(l.result.outputTokens()).isPositive();
        assertThat(l.result.text()).isEqualTo(l.text());
        engine.unload(fp16.id());
    }

    @Test
    void runsOnOneEngineNeverOverlap() throws Exception {
        java.util.List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        RecordingListener a = tagged("a", events);
        RecordingListener b = tagged("b", events);
        engine.generate(GenerationRequest.of(model.id(), "first", 12), a);
        engine.generate(GenerationRequest.of(model.id(), "second", 12), b);
        a.await();
        b.await();
        int lastA = events.lastIndexOf("a");
        int firstB = events.indexOf("b");
        assertThat(firstB).as(events.toString()).isGreaterThan(lastA);
    }

    private static RecordingListener tagged(String tag, java.util.List<String> events) {
        return new RecordingListener() {
            @Override
            public void onToken(String text) {
                events.add(tag);
                super.onToken(text);
            }

            @Override
            public void onComplete(LocalResult r) {
                events.add(tag);
                super.onComplete(r);
            }

            @Override
            public void onError(LocalEngineException e) {
                events.add(tag);
                super.onError(e);
            }
        };
    }

    @Test
    void aRunThatFillsTheContextWindowStopsWithContextFull() throws Exception {
        LoadedModel gpt2 = engine.load(TestModels.tinyGpt2(), LoadOptions.defaults()); // context 128, eos 0
        String prompt = "the model ".repeat(12);
        RecordingListener probe = run(GenerationRequest.of(gpt2.id(), prompt, 1));
        assertThat(probe.error).as(String.valueOf(probe.error)).isNull();
        int inputTokens = probe.result.inputTokens();
        assertThat(inputTokens).isLessThan(128);
        RecordingListener l = run(GenerationRequest.of(gpt2.id(), prompt, 500));
        assertThat(l.error).isNull();
        assertThat(l.result.stopReason()).as("the greedy answer of the tiny GPT-2-style model has no EOS here")
                .isEqualTo(StopReason.CONTEXT_FULL);
        assertThat(l.result.outputTokens()).isEqualTo(128 - inputTokens + 1);
        engine.unload(gpt2.id());
    }

    @Test
    void aLoadAskedForDuringARunWaitsForItsEnd() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        RecordingListener slow = new RecordingListener(() -> {
            try {
                release.await(); // the run holds its thread at its first token until released
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        engine.generate(GenerationRequest.of(model.id(), "hello local model", 8), slow);
        java.util.concurrent.CompletableFuture<LoadedModel> load = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return engine.load(TestModels.tinyGpt2(), LoadOptions.defaults());
            } catch (LocalEngineException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        Thread.sleep(1500); // the tiny model loads in well under a second when nothing holds it back
        assertThat(load).as("the load waits behind the run in flight").isNotDone();
        assertThat(slow.terminals.get()).isZero();
        release.countDown();
        LoadedModel gpt2 = load.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(slow.terminals.get()).as("the run ended before the load began").isEqualTo(1);
        assertThat(slow.error).isNull();
        engine.unload(gpt2.id());
    }

    @Test
    void anUnknownModelIdIsABadRequest() throws Exception {
        RecordingListener l = run(GenerationRequest.of("nope", "hi", 8));
        assertThat(l.error.kind()).isEqualTo(LocalEngineException.Kind.BAD_REQUEST);
        assertThat(l.starts.get()).as("a run that never began does not say it started").isZero();
    }

    private RecordingListener run(GenerationRequest request) throws InterruptedException {
        RecordingListener l = new RecordingListener();
        engine.generate(request, l);
        return l.await();
    }
}
