package dev.switchyard.cloud;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-model time limits; each one ends a run with its own {@link CloudException.Kind}.
 *
 * @param connect    TCP + TLS connect (OkHttp connectTimeout) → CONNECT_TIMEOUT
 * @param firstToken attempt dispatch → first content or reasoning token → FIRST_TOKEN_TIMEOUT
 * @param idleGap    longest silence (no bytes, keep-alive comments count as bytes) after the first
 *                   token → IDLE_TIMEOUT
 * @param total      run dispatch → terminal event, retries and backoff included → TOTAL_TIMEOUT
 */
public record Timeouts(Duration connect, Duration firstToken, Duration idleGap, Duration total) {

    /** connect 10 s, first token 60 s, idle gap 30 s, total 10 min. */
    public static final Timeouts DEFAULT =
            new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofMinutes(10));

    /** For reasoning models, which think silently before the first token: first token 5 min. */
    public static final Timeouts REASONING =
            new Timeouts(Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofSeconds(60), Duration.ofMinutes(15));

    public Timeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(firstToken, "firstToken");
        Objects.requireNonNull(idleGap, "idleGap");
        Objects.requireNonNull(total, "total");
        for (Duration d : new Duration[] {connect, firstToken, idleGap, total}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive: " + d);
            }
        }
    }

    public Timeouts withConnect(Duration d) { return new Timeouts(d, firstToken, idleGap, total); }

    public Timeouts withFirstToken(Duration d) { return new Timeouts(connect, d, idleGap, total); }

    public Timeouts withIdleGap(Duration d) { return new Timeouts(connect, firstToken, d, total); }

    public Timeouts withTotal(Duration d) { return new Timeouts(connect, firstToken, idleGap, d); }
}
