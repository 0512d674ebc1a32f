package dev.switchyard.cloud;

import java.time.Duration;
import java.util.Objects;

/**
 * Retries happen only before the first token, on HTTP 408/409/429/5xx, retryable in-band errors
 * and network errors. Delay: {@code retry-after-ms}, else {@code Retry-After} (seconds or HTTP date),
 * else {@code min(initialBackoff × 2^(n−1), maxBackoff)} × jitter in [0.75, 1.0]. A delay that would
 * push the summed waits over {@code maxTotalWait} ends the run at once with the last error.
 *
 * @param maxRetries     retries after the first attempt (default 2, so at most 3 attempts)
 * @param initialBackoff first computed backoff (default 0.5 s)
 * @param maxBackoff     cap of computed backoff (default 8 s); server-directed delays are not capped
 *                       by this, only by maxTotalWait
 * @param maxTotalWait   bound on the sum of all waits of one run (default 60 s)
 * @param delayScale     multiplies every delay, server-directed ones included; 1.0 in production,
 *                       tiny in tests so they never sleep long
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff,
                          Duration maxTotalWait, double delayScale) {

    public static final RetryPolicy DEFAULT =
            new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60), 1.0);

    public static final RetryPolicy NONE =
            new RetryPolicy(0, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60), 1.0);

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxTotalWait, "maxTotalWait");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0");
        }
        if (!(delayScale >= 0)) {
            throw new IllegalArgumentException("delayScale must be >= 0");
        }
    }

    public RetryPolicy withMaxRetries(int n) {
        return new RetryPolicy(n, initialBackoff, maxBackoff, maxTotalWait, delayScale);
    }

    public RetryPolicy withDelayScale(double scale) {
        return new RetryPolicy(maxRetries, initialBackoff, maxBackoff, maxTotalWait, scale);
    }
}
