package dev.switchyard.local.intent;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the intent model behave like a streaming language model bound to one {@link IntentSet}:
 * {@link #stream(String, IntentStreamListener)} matches the prompt and emits the reply word by word.
 *
 * <p>Work runs on the injected {@link Executor} ({@code Runnable::run} makes it synchronous, as in tests).
 * Cancellation is a flag checked before matching and between words (no thread interrupts). Exactly one
 * terminal callback per run: {@code onComplete} (COMPLETED or CANCELLED) or {@code onError}; an exception
 * thrown by the listener's {@code onToken} ends the run with {@code onError}; exceptions thrown by the
 * terminal callback itself are swallowed. An optional per-word delay paces the output for demos (default 0).
 */
public final class IntentStreamingModel {

    private static final Pattern WORD = Pattern.compile("\\s*\\S+");

    private final IntentModel model;
    private final IntentSet set;
    private final Executor executor;
    private final Duration wordDelay;

    public IntentStreamingModel(IntentModel model, IntentSet set, Executor executor) {
        this(model, set, executor, Duration.ZERO);
    }

    public IntentStreamingModel(IntentModel model, IntentSet set, Executor executor, Duration wordDelay) {
        this.model = Objects.requireNonNull(model, "model");
        this.set = Objects.requireNonNull(set, "set");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.wordDelay = Objects.requireNonNull(wordDelay, "wordDelay");
        if (wordDelay.isNegative()) {
            throw new IllegalArgumentException("wordDelay must not be negative");
        }
    }

    public IntentSet intentSet() {
        return set;
    }

    /** Splits a reply into the chunks {@link #stream} emits: each word with its leading whitespace, first word stripped. */
    public static List<String> words(String reply) {
        Matcher m = WORD.matcher(reply == null ? "" : reply.strip());
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Starts a run; returns at once (unless the executor is synchronous). */
    public IntentStreamHandle stream(String prompt, IntentStreamListener listener) {
        Objects.requireNonNull(listener, "listener");
        Run run = new Run(prompt == null ? "" : prompt, listener, System.nanoTime());
        try {
            executor.execute(run);
        } catch (RejectedExecutionException e) {
            run.fail(new IntentException(IntentException.Kind.RUN_FAILED,
                    "The intent model is shutting down; the prompt was not processed.", e));
        }
        return run;
    }

    private final class Run implements Runnable, IntentStreamHandle {
        private final String prompt;
        private final IntentStreamListener listener;
        private final long start;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicBoolean done = new AtomicBoolean();
        private final StringBuilder text = new StringBuilder();

        Run(String prompt, IntentStreamListener listener, long start) {
            this.prompt = prompt;
            this.listener = listener;
            this.start = start;
        }

        @Override
        public void cancel() {
            cancelled.set(true);
        }

        @Override
        public boolean isDone() {
            return done.get();
        }

        @Override
        public void run() {
            long loadMillis;
            IntentMatch match;
            int inputTokens;
            List<String> words;
            int emitted = 0;
            long first = -1;
            long last = -1;
            try {
                if (cancelled.get()) {
                    completeWith(IntentStreamResult.Status.CANCELLED, null, 0, 0, -1, -1, 0);
                    return;
                }
                loadMillis = model.embedder().ensureLoaded();
                match = model.match(set, prompt);
                inputTokens = model.embedder().countTokens(prompt);
                words = words(match.reply());
                for (String word : words) {
                    if (cancelled.get()) {
                        break;
                    }
                    if (emitted > 0 && !wordDelay.isZero()) {
                        pause();
                        if (cancelled.get()) {
                            break;
                        }
                    }
                    listener.onToken(word);
                    text.append(word);
                    emitted++;
                    last = System.nanoTime();
                    if (first < 0) {
                        first = last;
                    }
                }
            } catch (IntentException e) {
                fail(e);
                return;
            } catch (RuntimeException e) {
                fail(new IntentException(IntentException.Kind.RUN_FAILED,
                        "The intent run stopped unexpectedly: " + e, e));
                return;
            }
            IntentStreamResult.Status status = emitted < words.size()
                    ? IntentStreamResult.Status.CANCELLED : IntentStreamResult.Status.COMPLETED;
            completeWith(status, match, inputTokens, emitted, first, last, loadMillis);
        }

        private void pause() {
            try {
                Thread.sleep(wordDelay.toMillis(), wordDelay.toNanosPart() % 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelled.set(true);
            }
        }

        private void completeWith(IntentStreamResult.Status status, IntentMatch m, int inputTokens, int emitted,
                                  long first, long last, long loadMillis) {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            long end = System.nanoTime();
            double ttft = first < 0 ? -1 : (first - start) / 1e6;
            double tps = emitted >= 2 && last > first ? (emitted - 1) / ((last - first) / 1e9) : 0;
            IntentStreamResult r = new IntentStreamResult(text.toString(), status,
                    m == null ? null : m.intentName(), m == null ? 0 : m.confidence(), m != null && m.confident(),
                    m == null ? List.of() : m.top(), inputTokens, emitted, ttft, (end - start) / 1e6, tps, loadMillis);
            try {
                listener.onComplete(r);
            } catch (RuntimeException ignored) {
                // the run is over; a failing listener must not trigger a second terminal callback
            }
        }

        void fail(IntentException e) {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            try {
                listener.onError(e, text.toString());
            } catch (RuntimeException ignored) {
                // terminal callback already delivered
            }
        }
    }
}
