package dev.switchyard.app.replay.engine;

/** What a screen or the CLI sees of a running replay; called on worker threads. */
public interface ReplayListener {

    ReplayListener NONE = new ReplayListener() {
    };

    default void onProgress(ReplayProgress progress) {
    }

    default void onItem(ItemOutcome outcome) {
    }
}
