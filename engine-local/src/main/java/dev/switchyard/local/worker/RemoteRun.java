package dev.switchyard.local.worker;

import dev.switchyard.local.GenerationRequest;
import dev.switchyard.local.LocalEngineException;
import dev.switchyard.local.LocalResult;
import dev.switchyard.local.StopReason;
import dev.switchyard.local.TokenListener;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/** A generation as the host sees it: forwards events once, keeps the streamed text for partial results. */
final class RemoteRun {
    private final GenerationRequest request;
    private final TokenListener listener;
    private final AtomicBoolean done = new AtomicBoolean();
    private final CountDownLatch latch = new CountDownLatch(1);
    private final StringBuilder text = new StringBuilder();
    private final long created = System.nanoTime();
    private int chunks;
    private volatile Runnable canceller;
    private volatile boolean cancelRequested;

    RemoteRun(GenerationRequest request, TokenListener listener) {
        this.request = request;
        this.listener = listener;
    }

    GenerationRequest request() {
        return request;
    }

    boolean isDone() {
        return done.get();
    }

    /** Called once the command is on its way to the worker. */
    void started(Runnable cancelSender) {
        this.canceller = cancelSender;
        if (cancelRequested) {
            cancelSender.run();
        }
    }

    void cancel() {
        cancelRequested = true;
        Runnable c = canceller;
        if (c != null && !done.get()) {
            c.run();
        }
    }

    /** The worker began the run (the {@code started} line). */
    void begun() {
        if (!done.get()) {
            try {
                listener.onStarted();
            } catch (RuntimeException e) {
                System.err.println("switchyard: start listener failed: " + e);
            }
        }
    }

    synchronized void token(String t) {
        if (!done.get()) {
            text.append(t);
            chunks++;
            try {
                listener.onToken(t);
            } catch (RuntimeException e) {
                // a failing listener must not break the worker pipe: stop this run instead
                System.err.println("switchyard: token listener failed, cancelling the run: " + e);
                cancel();
            }
        }
    }

    void complete(LocalResult result) {
        if (done.compareAndSet(false, true)) {
            try {
                listener.onComplete(result);
            } catch (RuntimeException e) {
                System.err.println("switchyard: completion listener failed: " + e);
            }
        }
        latch.countDown();
    }

    void fail(LocalEngineException e) {
        if (done.compareAndSet(false, true)) {
            try {
                listener.onError(e);
            } catch (RuntimeException failure) {
                System.err.println("switchyard: error listener failed: " + failure);
            }
        }
        latch.countDown();
    }

    /** A failure the worker could not report (it died): keep what was streamed. */
    synchronized LocalResult partialSoFar() {
        return LocalResultFactory.partial(text.toString(), chunks, StopReason.ERROR, (System.nanoTime() - created) / 1e6);
    }

    void awaitDone() {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
