package dev.switchyard.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.cloud.WarmUp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The app warms the cloud client once per process (decision 26), and not at all once it has closed. */
class CloudWarmUpTest {

    @Test
    void warmsUpOnceOverLoopbackAndLaterCallsGetThatResult() {
        try (AppContext ctx = new AppContext(Map.<String, String>of()::get, Clock.systemUTC())) {
            Optional<WarmUp.Result> first = ctx.warmUpCloud();

            assertThat(first).isPresent();
            assertThat(first.get().ttftMillis()).hasSize(4).allSatisfy(t -> assertThat(t).isFinite().isPositive());
            assertThat(ctx.warmUpCloud()).containsSame(first.get()); // not a second warm-up
            assertThat(ctx.cloudClients().activeRuns()).isZero();
        }
    }

    @Test
    void aContextClosedBeforeItsWarmUpDoesNotStartOne() {
        AppContext ctx = new AppContext(Map.<String, String>of()::get, Clock.systemUTC());
        ctx.close();

        assertThat(ctx.warmUpCloud()).isEmpty();
    }
}
