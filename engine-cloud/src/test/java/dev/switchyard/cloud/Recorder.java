package dev.switchyard.cloud;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A listener that records everything and counts terminal callbacks. */
final class Recorder implements ChatListener {
    final List<String> tokens = new CopyOnWriteArrayList<>();
    final List<String> reasoning = new CopyOnWriteArrayList<>();
    final AtomicInteger terminals = new AtomicInteger();
    final AtomicInteger tokensAfterTerminal = new AtomicInteger();
    final CountDownLatch firstToken = new CountDownLatch(1);
    final CountDownLatch done = new CountDownLatch(1);
    volatile ChatResult result;
    volatile CloudException error;

    @Override
    public void onToken(String text) {
        if (terminals.get() > 0) {
            tokensAfterTerminal.incrementAndGet();
        }
        tokens.add(text);
        firstToken.countDown();
    }

    @Override
    public void onReasoning(String text) {
        if (terminals.get() > 0) {
            tokensAfterTerminal.incrementAndGet();
        }
        reasoning.add(text);
        firstToken.countDown();
    }

    @Override
    public void onComplete(ChatResult r) {
        result = r;
        terminals.incrementAndGet();
        done.countDown();
    }

    @Override
    public void onError(CloudException e) {
        error = e;
        terminals.incrementAndGet();
        done.countDown();
    }

    Recorder await() throws InterruptedException {
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("no terminal callback within 30 s");
        }
        return this;
    }

    /** The result of a completed run or the partial of a failed one. */
    ChatResult outcome() {
        return result != null ? result : error.partial();
    }

    String text() {
        return String.join("", tokens);
    }
}
