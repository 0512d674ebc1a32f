package dev.switchyard.cloud.internal;

import dev.switchyard.cloud.Timeouts;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;

/** What a run needs from its client: transport per timeouts, the timer, the protocol and the key (for redaction). */
public interface RunContext {

    OkHttpClient httpFor(Timeouts timeouts);

    ScheduledExecutorService timer();

    Protocol protocol();

    /** The API key, used only to scrub it from messages; may be null. */
    String secret();

    /** A run started (before its first attempt). */
    default void runStarted(StreamRun run) {
    }

    /** A run delivered its terminal callback state (called once, before the callback). */
    default void runEnded(StreamRun run) {
    }
}
