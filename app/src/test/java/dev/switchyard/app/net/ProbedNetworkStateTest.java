package dev.switchyard.app.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The command line's network state probes when first asked and again only once a check is older than FRESH. */
class ProbedNetworkStateTest {

    @Test
    void aCheckStandsForTenSecondsThenTheProbeRunsAgain() {
        AtomicInteger probes = new AtomicInteger();
        AtomicReference<Boolean> up = new AtomicReference<>(false);
        NetworkProbe probe = () -> {
            probes.incrementAndGet();
            return up.get() ? NetworkState.online("Reached h.", null) : NetworkState.offline("None answered.", null);
        };
        Instant t0 = Instant.parse("2026-11-27T12:00:00Z");
        AtomicReference<Instant> now = new AtomicReference<>(t0);
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        ProbedNetworkState state = new ProbedNetworkState(probe, clock);
        assertThat(probes.get()).as("nothing probed before it is asked").isZero();

        assertThat(state.online()).isFalse();
        up.set(true);
        now.set(t0.plus(ProbedNetworkState.FRESH).minusMillis(1));
        assertThat(state.online()).as("still the first check").isFalse();
        assertThat(state.state().detail()).isEqualTo("None answered.");
        assertThat(probes.get()).isEqualTo(1);

        now.set(t0.plus(ProbedNetworkState.FRESH));
        assertThat(state.online()).isTrue();
        assertThat(probes.get()).isEqualTo(2);
    }
}
