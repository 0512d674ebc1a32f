package dev.switchyard.app.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Records one run's events as a pane sees them ("waiting LOADING_MODEL", "dispatched", "token", "complete",
 * "error …"); with a latch to hold, its first token waits for it, so the run stays in flight meanwhile.
 */
public final class RecordingListener implements EngineListener {

    public final List<String> events = new CopyOnWriteArrayList<>();
    public final CountDownLatch firstToken = new CountDownLatch(1);
    public final CountDownLatch done = new CountDownLatch(1);
    public volatile EngineResult result;
    public volatile EngineFailure failure;
    private final CountDownLatch hold;

    public RecordingListener() {
        this(null);
    }

    public RecordingListener(CountDownLatch hold) {
        this.hold = hold;
    }

    /** Waits up to a minute for the run's end; false when it did not end. */
    public boolean ended() throws InterruptedException {
        return done.await(60, TimeUnit.SECONDS);
    }

    @Override
    public void onWaiting(Waiting why) {
        events.add("waiting " + why);
    }

    @Override
    public void onDispatched() {
        events.add("dispatched");
    }

    @Override
    public void onToken(String text) {
        events.add("token");
        firstToken.countDown();
        if (hold != null) {
            try {
                hold.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void onComplete(EngineResult r) {
        result = r;
        events.add("complete");
        done.countDown();
    }

    @Override
    public void onError(EngineFailure failure) {
        this.failure = failure;
        events.add("error " + failure.userMessage());
        done.countDown();
    }
}
