package dev.switchyard.local;

import java.util.concurrent.atomic.AtomicBoolean;

/** Guarantees a single terminal callback whatever the engine does; drops tokens after it. */
final class OnceListener implements TokenListener {
    private final TokenListener delegate;
    private final AtomicBoolean done = new AtomicBoolean();

    OnceListener(TokenListener delegate) {
        this.delegate = delegate;
    }

    boolean done() {
        return done.get();
    }

    @Override
    public void onStarted() {
        if (!done.get()) {
            delegate.onStarted();
        }
    }

    @Override
    public void onToken(String text) {
        if (!done.get()) {
            delegate.onToken(text);
        }
    }

    @Override
    public void onComplete(LocalResult result) {
        if (done.compareAndSet(false, true)) {
            delegate.onComplete(result);
        }
    }

    @Override
    public void onError(LocalEngineException error) {
        if (done.compareAndSet(false, true)) {
            delegate.onError(error);
        }
    }
}
