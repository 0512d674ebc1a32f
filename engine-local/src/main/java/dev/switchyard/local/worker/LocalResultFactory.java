package dev.switchyard.local.worker;

import dev.switchyard.local.LocalResult;
import dev.switchyard.local.StopReason;

/** Partial results the host builds when the worker cannot report one. */
final class LocalResultFactory {
    private LocalResultFactory() {
    }

    static LocalResult empty(StopReason reason) {
        return partial("", 0, reason, 0);
    }

    static LocalResult partial(String text, int outputTokens, StopReason reason, double totalMillis) {
        return new LocalResult(text, reason, 0, outputTokens, 0, 0, 0, 0, totalMillis, -1, 0);
    }
}
