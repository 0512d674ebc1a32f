package dev.switchyard.local;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Records every callback; counts terminal callbacks. */
public class RecordingListener implements TokenListener {
    public final List<String> tokens = new CopyOnWriteArrayList<>();
    public final AtomicInteger terminals = new AtomicInteger();
    /** How many times the run said it started, and how many tokens had come before the first time. */
    public final AtomicInteger starts = new AtomicInteger();
    public volatile int tokensBeforeStart = -1;
    public volatile LocalResult result;
    public volatile LocalEngineException error;
    private final CountDownLatch done = new CountDownLatch(1);
    private final Runnable onFirstToken;

    public RecordingListener() {
        this(null);
    }

    public RecordingListener(Runnable onFirstToken) {
        this.onFirstToken = onFirstToken;
    }

    @Override
    public void onStarted() {
        if (starts.incrementAndGet() == 1) {
            tokensBeforeStart = tokens.size();
        }
    }

    @Override
    public void onToken(String text) {
        tokens.add(text);
        if (tokens.size() == 1 && onFirstToken != null) {
            onFirstToken.run();
        }
    }

    @Override
    public void onComplete(LocalResult r) {
        result = r;
        terminals.incrementAndGet();
        done.countDown();
    }

    @Override
    public void onError(LocalEngineException e) {
        error = e;
        terminals.incrementAndGet();
        done.countDown();
    }

    public RecordingListener await() throws InterruptedException {
        if (!done.await(120, TimeUnit.SECONDS)) {
            throw new AssertionError("no terminal callback within 120 s");
        }
        Thread.sleep(50); // a second terminal callback would show up here
        return this;
    }

    public String text() {
        return String.join("", tokens);
    }
}
