package dev.switchyard.local.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IntentStreamingModelTest {

    private static final IntentSet SET = new IntentSet("home", "", List.of(
            new Intent("lights_on", List.of("turn on the lights"), "Turning on the {{room|}} lights right now."),
            new Intent("music", List.of("play some music"), "Playing music.")));

    private final FakeEmbedder embedder = new FakeEmbedder();

    /** Records every callback. */
    static class Recorder implements IntentStreamListener {
        final List<String> tokens = new ArrayList<>();
        final List<IntentStreamResult> completions = new ArrayList<>();
        final List<IntentException> errors = new ArrayList<>();
        final List<String> partials = new ArrayList<>();
        final CountDownLatch terminal = new CountDownLatch(1);

        @Override
        public void onToken(String text) {
            tokens.add(text);
        }

        @Override
        public void onComplete(IntentStreamResult result) {
            completions.add(result);
            terminal.countDown();
        }

        @Override
        public void onError(IntentException error, String partialText) {
            errors.add(error);
            partials.add(partialText);
            terminal.countDown();
        }

        int terminals() {
            return completions.size() + errors.size();
        }
    }

    @Test
    void streamsTheReplyWordByWordWithOneTerminalResult() {
        IntentStreamingModel streaming = new IntentStreamingModel(new IntentModel(embedder), SET, Runnable::run);
        Recorder r = new Recorder();
        IntentStreamHandle h = streaming.stream("turn on the kitchen lights", r);

        assertThat(r.tokens).containsExactly("Turning", " on", " the", " kitchen", " lights", " right", " now.");
        assertThat(r.terminals()).isEqualTo(1);
        assertThat(h.isDone()).isTrue();
        IntentStreamResult res = r.completions.get(0);
        assertThat(res.status()).isEqualTo(IntentStreamResult.Status.COMPLETED);
        assertThat(res.text()).isEqualTo("Turning on the kitchen lights right now.");
        assertThat(res.intent()).isEqualTo("lights_on");
        assertThat(res.confident()).isTrue();
        assertThat(res.top3()).hasSize(2);
        assertThat(res.inputTokens()).isEqualTo(7);
        assertThat(res.outputTokens()).isEqualTo(7);
        assertThat(res.ttftMillis()).isGreaterThanOrEqualTo(0);
        assertThat(res.totalMillis()).isGreaterThanOrEqualTo(res.ttftMillis());
        assertThat(res.decodeTps()).isGreaterThan(0);
        assertThat(res.loadMillis()).isZero();
    }

    @Test
    void cancelFromTheListenerKeepsThePartialText() {
        IntentStreamHandle[] handle = new IntentStreamHandle[1];
        Recorder r = new Recorder() {
            @Override
            public void onToken(String text) {
                super.onToken(text);
                if (tokens.size() == 2 && handle[0] != null) {
                    handle[0].cancel();
                }
            }
        };
        // a deferred executor so the handle exists before the run starts
        List<Runnable> queued = new ArrayList<>();
        IntentStreamingModel deferred = new IntentStreamingModel(new IntentModel(embedder), SET, queued::add);
        handle[0] = deferred.stream("turn on the lights", r);
        queued.forEach(Runnable::run);

        assertThat(r.tokens).containsExactly("Turning", " on");
        assertThat(r.terminals()).isEqualTo(1);
        IntentStreamResult res = r.completions.get(0);
        assertThat(res.status()).isEqualTo(IntentStreamResult.Status.CANCELLED);
        assertThat(res.text()).isEqualTo("Turning on");
        assertThat(res.outputTokens()).isEqualTo(2);
        assertThat(res.intent()).isEqualTo("lights_on");
        handle[0].cancel(); // idempotent after the end
        assertThat(r.terminals()).isEqualTo(1);
    }

    @Test
    void cancelBeforeStartEndsCancelledWithoutTokens() {
        List<Runnable> queued = new ArrayList<>();
        IntentStreamingModel streaming = new IntentStreamingModel(new IntentModel(embedder), SET, queued::add);
        Recorder r = new Recorder();
        IntentStreamHandle h = streaming.stream("turn on the lights", r);
        h.cancel();
        queued.forEach(Runnable::run);
        assertThat(r.tokens).isEmpty();
        assertThat(r.completions).singleElement().satisfies(res -> {
            assertThat(res.status()).isEqualTo(IntentStreamResult.Status.CANCELLED);
            assertThat(res.intent()).isNull();
            assertThat(res.ttftMillis()).isEqualTo(-1);
        });
        assertThat(embedder.embedCalls.get()).isZero();
    }

    @Test
    void embeddingFailureIsOneErrorCallback() {
        embedder.failing = true;
        Recorder r = new Recorder();
        new IntentStreamingModel(new IntentModel(embedder), SET, Runnable::run).stream("hi", r);
        assertThat(r.completions).isEmpty();
        assertThat(r.errors).singleElement().satisfies(e ->
                assertThat(e.kind()).isEqualTo(IntentException.Kind.EMBEDDING_FAILED));
        assertThat(r.partials).containsExactly("");
    }

    @Test
    void throwingListenerEndsWithOneErrorAndThePartialText() {
        Recorder r = new Recorder() {
            @Override
            public void onToken(String text) {
                super.onToken(text);
                if (tokens.size() == 3) {
                    throw new IllegalStateException("ui closed");
                }
            }
        };
        new IntentStreamingModel(new IntentModel(embedder), SET, Runnable::run).stream("turn on the lights", r);
        assertThat(r.completions).isEmpty();
        assertThat(r.errors).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(IntentException.Kind.RUN_FAILED);
            assertThat(e).hasMessageContaining("ui closed");
        });
        assertThat(r.partials).containsExactly("Turning on");
    }

    @Test
    void rejectedExecutorIsAnErrorNotAThrow() {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        pool.shutdown();
        Recorder r = new Recorder();
        new IntentStreamingModel(new IntentModel(embedder), SET, pool).stream("hi", r);
        assertThat(r.errors).singleElement().satisfies(e -> assertThat(e.kind()).isEqualTo(IntentException.Kind.RUN_FAILED));
    }

    @Test
    void realModelOnABackgroundThreadWithPacingAndCancel() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            IntentModel real = new IntentModel(SharedEmbedder.get());
            IntentStreamingModel streaming = new IntentStreamingModel(real, DemoSets.smartHome(), pool);
            Recorder done = new Recorder();
            streaming.stream("could you switch on the lights in the kitchen", done);
            assertThat(done.terminal.await(30, TimeUnit.SECONDS)).isTrue();
            IntentStreamResult res = done.completions.get(0);
            assertThat(res.intent()).isEqualTo("lights_on");
            assertThat(res.text()).isEqualTo("Turning on the kitchen lights.");
            assertThat(res.inputTokens()).isEqualTo(SharedEmbedder.get().countTokens("could you switch on the lights in the kitchen"));
            assertThat(res.top3()).hasSize(3);

            IntentStreamingModel slow = new IntentStreamingModel(real, DemoSets.smartHome(), pool, Duration.ofMillis(200));
            CountDownLatch firstToken = new CountDownLatch(1);
            Recorder cancelled = new Recorder() {
                @Override
                public void onToken(String text) {
                    super.onToken(text);
                    firstToken.countDown();
                }
            };
            IntentStreamHandle h = slow.stream("good night", cancelled);
            assertThat(firstToken.await(30, TimeUnit.SECONDS)).isTrue();
            h.cancel();
            assertThat(cancelled.terminal.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(cancelled.completions).singleElement().satisfies(c -> {
                assertThat(c.status()).isEqualTo(IntentStreamResult.Status.CANCELLED);
                assertThat(c.outputTokens()).isLessThan(IntentStreamingModel.words(
                        "Good night! Turning off the lights, locking the doors and lowering the heating.").size());
            });
        } finally {
            pool.shutdownNow();
        }
    }
}
