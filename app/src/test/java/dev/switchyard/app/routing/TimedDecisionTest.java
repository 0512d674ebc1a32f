package dev.switchyard.app.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimedDecisionTest {

    private static Decision taking(double micros) {
        return new Decision("p", -1, "default", null, List.of(), "No rule matched.", Map.of(), List.of(), micros);
    }

    @Test
    void aSlowFirstDecisionIsTakenAgainAndSaidBesideTheSecond() {
        Deque<Decision> decisions = new ArrayDeque<>(List.of(taking(1_130_000), taking(2_100)));
        TimedDecision t = TimedDecision.of(decisions::pop);

        assertThat(t.decision().micros()).isEqualTo(2_100);
        assertThat(t.firstMicros()).isEqualTo(1_130_000);
        assertThat(t.time()).isEqualTo("2.1\u00a0ms (1.13\u00a0s the first time, loading what its conditions read)");
    }

    @Test
    void aQuickDecisionIsTakenOnce() {
        Deque<Decision> decisions = new ArrayDeque<>(List.of(taking(850), taking(1)));
        TimedDecision t = TimedDecision.of(decisions::pop);

        assertThat(decisions).hasSize(1);
        assertThat(t.time()).isEqualTo("850\u00a0µs");
    }

    @Test
    void aSecondDecisionAsSlowAsTheFirstSaysNothingOfIt() {
        TimedDecision t = TimedDecision.of(() -> taking(200_000));
        assertThat(t.time()).isEqualTo("200.0\u00a0ms");
    }
}
