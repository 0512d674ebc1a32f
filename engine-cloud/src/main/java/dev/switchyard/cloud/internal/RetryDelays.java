package dev.switchyard.cloud.internal;

import dev.switchyard.cloud.RetryPolicy;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Backoff arithmetic of {@link RetryPolicy}. */
public final class RetryDelays {

    private RetryDelays() {
    }

    /**
     * Unscaled delay before retry number {@code retry} (1-based): the server's wish when given,
     * else {@code min(initial × 2^(retry−1), max)} × jitter in [0.75, 1.0].
     */
    public static Duration delay(RetryPolicy policy, int retry, Duration serverSays) {
        if (serverSays != null) {
            return serverSays;
        }
        double base = policy.initialBackoff().toNanos() * Math.pow(2, Math.max(0, retry - 1));
        double capped = Math.min(base, policy.maxBackoff().toNanos());
        double jitter = 1.0 - 0.25 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofNanos((long) (capped * jitter));
    }

    /** The delay actually waited: scaled by {@link RetryPolicy#delayScale()}. */
    public static long scaledNanos(RetryPolicy policy, Duration delay) {
        return (long) (delay.toNanos() * policy.delayScale());
    }
}
