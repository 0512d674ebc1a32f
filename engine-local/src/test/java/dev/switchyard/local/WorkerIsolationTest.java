package dev.switchyard.local;

import dev.switchyard.local.LocalEngine.LoadedModel;
import dev.switchyard.local.LocalEngineException.Kind;
import dev.switchyard.local.worker.WorkerBackend;
import dev.switchyard.local.worker.WorkerOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Runs the tiny model in a real worker JVM and kills that JVM mid-run (Runtime.halt via a test-only command). */
class WorkerIsolationTest {
    static LocalEngine engine;
    static WorkerBackend worker;
    static LoadedModel model;

    @BeforeAll
    static void start() throws Exception {
        engine = LocalEngine.inWorker(WorkerOptions.defaults().withTestHooks());
        worker = (WorkerBackend) engine.backend();
        model = engine.load(TestModels.tiny(), LoadOptions.defaults());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void generatesInTheWorkerLikeInProcess() throws Exception {
        GenerationRequest req = GenerationRequest.of(model.id(), "hello local model", 24);
        RecordingListener remote = new RecordingListener();
        engine.generate(req, remote);
        remote.await();
        assertThat(remote.error).isNull();
        assertThat(remote.terminals.get()).isEqualTo(1);
        assertThat(remote.starts.get()).as("the worker's started line, once, before any token").isEqualTo(1);
        assertThat(remote.tokensBeforeStart).isZero();
        assertThat(remote.result.text()).isEqualTo(remote.text());
        assertThat(remote.result.peakMemoryBytes()).isPositive();

        try (LocalEngine local = LocalEngine.inProcess()) {
            LoadedModel m = local.load(TestModels.tiny(), LoadOptions.defaults());
            RecordingListener inProcess = new RecordingListener();
            local.generate(GenerationRequest.of(m.id(), "hello local model", 24), inProcess);
            inProcess.await();
            assertThat(remote.result.text()).isEqualTo(inProcess.result.text());
            assertThat(remote.result.outputTokens()).isEqualTo(inProcess.result.outputTokens());
            assertThat(remote.result.inputTokens()).isEqualTo(inProcess.result.inputTokens());
        }
    }

    @Test
    void errorsCrossTheProcessBoundaryWithTheirKind() {
        LocalEngineException e = catchThrowableOfType(LocalEngineException.class,
                () -> engine.validate(Path.of("/definitely/not/here")));
        assertThat(e.kind()).isEqualTo(Kind.MODEL_NOT_FOUND);
        assertThat(e.getMessage()).contains("/definitely/not/here");
    }

    @Test
    void aTruncatedModelsOnnxRuntimeWordsCrossTheProcessBoundaryAsTheDetail(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        Path dir = tmp.resolve("tiny");
        try (var files = java.nio.file.Files.walk(TestModels.tiny())) {
            for (Path f : files.toList()) {
                java.nio.file.Files.copy(f, dir.resolve(TestModels.tiny().relativize(f).toString()));
            }
        }
        Path onnx = dir.resolve("onnx/model.onnx");
        byte[] all = java.nio.file.Files.readAllBytes(onnx);
        java.nio.file.Files.write(onnx, java.util.Arrays.copyOf(all, all.length / 3));
        LocalEngineException e = catchThrowableOfType(LocalEngineException.class, () -> engine.validate(dir));
        assertThat(e.kind()).isEqualTo(Kind.CORRUPT_MODEL);
        assertThat(e.getMessage()).contains("model.onnx is damaged or truncated").doesNotContain(e.detail());
        assertThat(e.detail()).as("ONNX Runtime's own words").isNotBlank();
    }

    @Test
    void validationRunsInTheWorker() throws Exception {
        ModelInfo info = engine.validate(TestModels.tiny());
        assertThat(info.name()).isEqualTo("tiny-random (nonsense output, for tests)");
        assertThat(info.folder()).isEqualTo(TestModels.tiny().toAbsolutePath());
        assertThat(info.layers()).isEqualTo(2);
    }

    @Test
    void aWorkerThatDiesMidRunEndsTheRunWithAClearErrorAndIsRestarted() throws Exception {
        long pidBefore = worker.workerPid();
        RecordingListener crashed = new RecordingListener();
        worker.crashWorkerForTest(); // fires in the worker right after the run's first token
        engine.generate(GenerationRequest.of(model.id(), "crash while streaming", 200), crashed);
        crashed.await();
        assertThat(crashed.result).isNull();
        {
            assertThat(crashed.terminals.get()).isEqualTo(1);
            assertThat(crashed.error.kind()).isEqualTo(Kind.WORKER_CRASHED);
            assertThat(crashed.error.getMessage()).isEqualTo("The local model worker stopped unexpectedly (exit code 134)"
                    + " while running tiny-random-llama; it has been restarted.");
            LocalResult partial = crashed.error.partial().orElseThrow();
            assertThat(partial.text()).isEqualTo(crashed.text());
            assertThat(partial.stopReason()).isEqualTo(StopReason.ERROR);
        }

        // the host JVM is fine, a new worker is up, and the model reloads on demand
        RecordingListener after = new RecordingListener();
        engine.generate(GenerationRequest.of(model.id(), "are you back?", 8), after);
        after.await();
        assertThat(after.error).isNull();
        assertThat(after.result.outputTokens()).isPositive();
        assertThat(worker.workerPid()).isNotEqualTo(pidBefore);
        assertThat(after.result.loadMillis()).as("model reloaded in the new worker").isPositive();
    }

    @Test
    void aWorkerWhoseHeapRunsOutMidRunIsReplacedAndTheHostIsUnharmed() throws Exception {
        WorkerOptions small = WorkerOptions.defaults().withTestHooks()
                .withJvmArgs(java.util.List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"));
        try (LocalEngine smallEngine = LocalEngine.inWorker(small)) {
            WorkerBackend w = (WorkerBackend) smallEngine.backend();
            LoadedModel m = smallEngine.load(TestModels.tiny(), LoadOptions.defaults());
            heapExhaustion(smallEngine, w, m);
        }
    }

    private static void heapExhaustion(LocalEngine engine, WorkerBackend worker, LoadedModel model) throws Exception {
        long pidBefore = worker.workerPid();
        RecordingListener l = new RecordingListener();
        worker.exhaustWorkerHeapForTest(); // fills the heap on the generation thread right after the first token
        engine.generate(GenerationRequest.of(model.id(), "crash while streaming", 200), l);
        l.await();
        assertThat(l.result).isNull();
        assertThat(l.error.kind()).isEqualTo(Kind.WORKER_CRASHED);
        assertThat(l.error.getMessage()).isEqualTo("The local model worker stopped unexpectedly (exit code 3)"
                + " while running tiny-random-llama; it has been restarted.");
        assertThat(l.text()).as("the first token reached the host before the worker died").isNotEmpty();
        assertThat(worker.workerPid()).isNotEqualTo(pidBefore);
        RecordingListener after = new RecordingListener();
        engine.generate(GenerationRequest.of(model.id(), "still fine?", 4), after);
        after.await();
        assertThat(after.error).isNull();
    }

    @Test
    void aListenerThatThrowsDoesNotBreakTheWorker() throws Exception {
        long pid = worker.workerPid();
        RecordingListener bad = new RecordingListener() {
            @Override
            public void onToken(String text) {
                super.onToken(text);
                throw new IllegalStateException("listener bug");
            }
        };
        engine.generate(GenerationRequest.of(model.id(), "hello", 50), bad);
        bad.await();
        assertThat(bad.terminals.get()).isEqualTo(1);
        RecordingListener good = new RecordingListener();
        engine.generate(GenerationRequest.of(model.id(), "hello again", 4), good);
        good.await();
        assertThat(good.error).isNull();
        assertThat(worker.workerPid()).isEqualTo(pid);
    }

    @Test
    void cancelWorksAcrossTheProcessBoundary() throws Exception {
        java.util.concurrent.atomic.AtomicReference<GenerationHandle> h = new java.util.concurrent.atomic.AtomicReference<>();
        RecordingListener l = new RecordingListener(() -> {
            while (h.get() == null) {
                Thread.onSpinWait(); // the first token can arrive before generate() has returned
            }
            h.get().cancel();
        });
        {
            h.set(engine.generate(GenerationRequest.of(model.id(), "cancel me please", 200), l));
        }
        l.await();
        if (l.error != null) {
            assertThat(l.error.kind()).isEqualTo(Kind.CANCELLED);
            assertThat(l.error.partial().orElseThrow().text()).isEqualTo(l.text());
        }
        assertThat(l.terminals.get()).isEqualTo(1);
    }
}
