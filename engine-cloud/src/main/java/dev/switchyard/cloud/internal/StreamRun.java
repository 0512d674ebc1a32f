package dev.switchyard.cloud.internal;

import dev.switchyard.cloud.ChatListener;
import dev.switchyard.cloud.ChatRequest;
import dev.switchyard.cloud.ChatResult;
import dev.switchyard.cloud.CloudException;
import dev.switchyard.cloud.CloudException.Kind;
import dev.switchyard.cloud.RunStatus;
import dev.switchyard.cloud.StreamHandle;
import dev.switchyard.cloud.Timeouts;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One run: attempts, retries before the first token, watchdogs, and exactly one terminal callback.
 * The terminal guard is {@code terminated}, flipped under {@code lock}; token delivery holds the same
 * lock, so no token can follow the terminal callback.
 */
public final class StreamRun implements StreamHandle, RunSink {

    private static final int MAX_ERROR_BODY = 16 * 1024;

    private final RunContext ctx;
    private final ChatRequest request;
    private final ChatListener listener;
    private final OkHttpClient http;
    private final ScheduledExecutorService timer;
    private final Protocol protocol;
    private final Object lock = new Object();
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    private final long startNanos = System.nanoTime();

    // guarded by lock
    private boolean terminated;
    private int attempts;
    private long waitedNanos;
    private UsageParts usage = new UsageParts();
    private String finishReason;
    private String serverModel;
    private boolean sawEnd;
    private boolean reasoningSeen;

    private volatile boolean done;
    private volatile Call call;
    private volatile long firstTokenNanos;
    private volatile long lastTokenNanos;
    private volatile long lastActivityNanos;
    private volatile ScheduledFuture<?> ttftTask;
    private volatile ScheduledFuture<?> idleTask;
    private volatile ScheduledFuture<?> totalTask;
    private volatile ScheduledFuture<?> retryTask;

    public StreamRun(RunContext ctx, ChatRequest request, ChatListener listener) {
        this.ctx = ctx;
        this.request = request;
        this.listener = listener;
        Timeouts t = request.timeouts();
        // A non-streamed answer arrives whole: only the connect and total limits apply to it.
        this.http = ctx.httpFor(request.capabilities().streaming() ? t
                : t.withFirstToken(t.total()).withIdleGap(t.total()));
        this.timer = ctx.timer();
        this.protocol = ctx.protocol();
    }

    /** Starts the first attempt and the total-time watchdog. */
    public StreamRun start() {
        Timeouts t = request.timeouts();
        ctx.runStarted(this);
        totalTask = schedule(t.total(), () -> fail(new CloudException(Kind.TOTAL_TIMEOUT,
                "no terminal event within " + t.total().toMillis() + " ms")));
        dispatch();
        return this;
    }

    private void dispatch() {
        final int attempt;
        synchronized (lock) {
            if (terminated) {
                return;
            }
            attempt = ++attempts;
            usage = new UsageParts();
            finishReason = null;
            serverModel = null;
            sawEnd = false;
        }
        Call c;
        try {
            c = http.newCall(protocol.chatRequest(request, request.capabilities().streaming()));
        } catch (RuntimeException e) {
            fail(new CloudException(Kind.BAD_REQUEST, null, null,
                    Redactor.redact(e.getMessage(), ctx.secret()), null, null));
            return;
        }
        call = c;
        if (done) {
            c.cancel();
            return;
        }
        Duration ft = request.timeouts().firstToken();
        if (request.capabilities().streaming()) {
            ttftTask = schedule(ft, () -> {
                if (firstTokenNanos == 0 && currentAttempt() == attempt) {
                    fail(new CloudException(Kind.FIRST_TOKEN_TIMEOUT, "no token within " + ft.toMillis() + " ms"));
                }
            });
        }
        c.enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                if (!done && currentAttempt() == attempt) {
                    retryOrFail(ErrorMapper.fromIo(e, firstTokenNanos != 0, ctx.secret()));
                }
            }

            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    handleResponse(attempt, response);
                }
            }
        });
    }

    private int currentAttempt() {
        synchronized (lock) {
            return attempts;
        }
    }

    private void handleResponse(int attempt, Response response) {
        if (done || currentAttempt() != attempt) {
            return;
        }
        lastActivityNanos = System.nanoTime();
        try {
            ResponseBody body = response.body();
            if (!response.isSuccessful()) {
                String raw = readLimited(body);
                CloudException e = ErrorMapper.fromStatus(response.code(), response.headers(),
                        protocol.parseError(raw), raw, ctx.secret());
                String should = response.header("x-should-retry");
                retryOrFail(e, should == null ? null : Boolean.valueOf("true".equalsIgnoreCase(should.trim())));
                return;
            }
            MediaType type = body.contentType();
            boolean sse = type != null && "event-stream".equals(type.subtype());
            if (sse) {
                SseReader.read(body.source(), new SseReader.Handler() {
                    private final Protocol.StreamParser parser = protocol.newStreamParser();

                    @Override
                    public void onActivity(long nanos) {
                        lastActivityNanos = nanos;
                    }

                    @Override
                    public void onEvent(String evType, String data, long nanos) {
                        parser.onEvent(evType, data, nanos, StreamRun.this);
                    }

                    @Override
                    public boolean stopped() {
                        return done || sawEnd;
                    }
                });
            } else {
                // Non-streaming path (capabilities.streaming=false, or a server that ignored stream=true).
                protocol.parseComplete(body.string(), this);
            }
            endOfBody();
        } catch (CloudException e) {
            retryOrFail(e);
        } catch (IOException e) {
            if (!done) {
                retryOrFail(ErrorMapper.fromIo(e, firstTokenNanos != 0, ctx.secret()));
            }
        } catch (RuntimeException e) {
            retryOrFail(new CloudException(Kind.MALFORMED_RESPONSE, null, null,
                    Redactor.redact(e.toString(), ctx.secret()), null, e));
        }
    }

    private void endOfBody() {
        boolean ended;
        String finish;
        synchronized (lock) {
            ended = sawEnd || finishReason != null;
            finish = finishReason;
        }
        if (!ended) {
            Kind kind = firstTokenNanos != 0 ? Kind.STREAM_BROKEN : Kind.NETWORK;
            retryOrFail(new CloudException(kind, "the stream ended without an end marker"));
        } else if (finish != null && protocol.isContentFiltered(finish)) {
            fail(new CloudException(Kind.CONTENT_FILTERED, "finish reason " + finish));
        } else {
            ChatResult result = terminate(null);
            if (result != null) {
                safe(() -> listener.onComplete(result));
            }
        }
    }

    private static String readLimited(ResponseBody body) throws IOException {
        okio.BufferedSource src = body.source();
        src.request(MAX_ERROR_BODY);
        long n = Math.min(src.getBuffer().size(), MAX_ERROR_BODY);
        return src.getBuffer().readUtf8(n);
    }

    /** Retries when allowed (before the first token, retryable, within count and wait budget), else fails. */
    private void retryOrFail(CloudException e) {
        retryOrFail(e, null);
    }

    /** As above; {@code serverSays} is the {@code x-should-retry} header when present (overrides the kind). */
    private void retryOrFail(CloudException e, Boolean serverSays) {
        if (done) {
            return;
        }
        cancelTask(ttftTask);
        long delayNanos;
        synchronized (lock) {
            if (terminated) {
                return;
            }
            boolean retryable = serverSays != null ? serverSays : e.kind().retryable();
            boolean retry = firstTokenNanos == 0 && retryable && attempts <= request.retryPolicy().maxRetries();
            if (!retry) {
                delayNanos = -1;
            } else {
                Duration d = RetryDelays.delay(request.retryPolicy(), attempts, e.retryAfter());
                if (waitedNanos + d.toNanos() > request.retryPolicy().maxTotalWait().toNanos()) {
                    delayNanos = -1;
                } else {
                    waitedNanos += d.toNanos();
                    delayNanos = RetryDelays.scaledNanos(request.retryPolicy(), d);
                }
            }
        }
        if (delayNanos < 0) {
            fail(e);
            return;
        }
        retryTask = schedule(Duration.ofNanos(delayNanos), this::dispatch);
        if (retryTask == null) {
            fail(e);
        } else if (done) {
            cancelTask(retryTask);
        }
    }

    /** Ends the run with an error; status from what arrived so far. */
    void fail(CloudException e) {
        ChatResult result = terminate(e.kind());
        if (result != null) {
            Call c = call;
            if (c != null) {
                c.cancel();
            }
            CloudException withPartial = e.withPartial(result);
            safe(() -> listener.onError(withPartial));
        }
    }

    /** Flips the guard and snapshots the result (errorKind null = completed); null when already ended. */
    private ChatResult terminate(Kind errorKind) {
        ChatResult result;
        synchronized (lock) {
            if (terminated) {
                return null;
            }
            RunStatus status = errorKind == null ? RunStatus.COMPLETED
                    : errorKind == Kind.CANCELLED ? RunStatus.CANCELLED
                    : firstTokenNanos != 0 ? RunStatus.INCOMPLETE : RunStatus.FAILED;
            terminated = true;
            done = true;
            long end = System.nanoTime();
            result = ResultBuilder.build(status, request, text.toString(), reasoning.toString(), reasoningSeen,
                    finishReason, usage, serverModel, attempts, startNanos, firstTokenNanos, lastTokenNanos, end);
        }
        cancelTask(ttftTask);
        cancelTask(idleTask);
        cancelTask(totalTask);
        cancelTask(retryTask);
        ctx.runEnded(this);
        return result;
    }

    @Override
    public void cancel() {
        fail(new CloudException(Kind.CANCELLED, null));
    }

    @Override
    public boolean isDone() {
        return done;
    }

    // ---- RunSink (called on the reading thread) ----

    @Override
    public void token(String t, long nanos) {
        synchronized (lock) {
            if (terminated) {
                return;
            }
            firstToken(nanos);
            text.append(t);
            safe(() -> listener.onToken(t));
        }
    }

    @Override
    public void reasoning(String t, long nanos) {
        synchronized (lock) {
            if (terminated) {
                return;
            }
            firstToken(nanos);
            reasoningSeen = true;
            reasoning.append(t);
            safe(() -> listener.onReasoning(t));
        }
    }

    private void firstToken(long nanos) {
        lastTokenNanos = nanos;
        if (firstTokenNanos == 0) {
            firstTokenNanos = nanos;
            cancelTask(ttftTask);
            scheduleIdleCheck(request.timeouts().idleGap().toNanos());
        }
    }

    private void scheduleIdleCheck(long delayNanos) {
        if (done) {
            return;
        }
        idleTask = schedule(Duration.ofNanos(delayNanos), () -> {
            long gap = request.timeouts().idleGap().toNanos();
            long since = System.nanoTime() - lastActivityNanos;
            if (since >= gap && finishedButOpen()) {
                completeAndClose(); // finish_reason arrived but the server never closed nor sent [DONE]
            } else if (since >= gap) {
                fail(new CloudException(Kind.IDLE_TIMEOUT, "no data for " + (since / 1_000_000) + " ms"));
            } else {
                scheduleIdleCheck(gap - since);
            }
        });
        if (done) {
            cancelTask(idleTask);
        }
    }

    private boolean finishedButOpen() {
        synchronized (lock) {
            return finishReason != null && !protocol.isContentFiltered(finishReason);
        }
    }

    private void completeAndClose() {
        ChatResult result = terminate(null);
        if (result != null) {
            Call c = call;
            if (c != null) {
                c.cancel();
            }
            safe(() -> listener.onComplete(result));
        }
    }

    @Override
    public void model(String name) {
        synchronized (lock) {
            serverModel = name;
        }
    }

    @Override
    public void finishReason(String reason) {
        synchronized (lock) {
            finishReason = reason;
        }
    }

    @Override
    public void end() {
        synchronized (lock) {
            sawEnd = true;
        }
    }

    @Override
    public UsageParts usage() {
        synchronized (lock) {
            return usage;
        }
    }

    // ---- helpers ----

    /** Schedules on the watchdog timer; null when the timer was shut down (factory closed). */
    private ScheduledFuture<?> schedule(Duration d, Runnable r) {
        try {
            return timer.schedule(r, d.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    private static void cancelTask(ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }

    private static void safe(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ignored) {
            // a listener's failure must not break the one-terminal-callback guarantee
        }
    }
}
