package dev.switchyard.app.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchyard.app.models.TimeLimits.Limit;
import dev.switchyard.cloud.Timeouts;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Time limits as a user types and reads them, and the checks before they are stored. */
class TimeLimitsTest {

    @Test
    void readsTimesAsTypedABareNumberBeingSeconds() {
        assertThat(TimeLimits.parse("90", Limit.FIRST_TOKEN)).isEqualTo(Duration.ofSeconds(90));
        assertThat(TimeLimits.parse(" 90 s ", Limit.FIRST_TOKEN)).isEqualTo(Duration.ofSeconds(90));
        assertThat(TimeLimits.parse("90s", Limit.FIRST_TOKEN)).isEqualTo(Duration.ofSeconds(90));
        assertThat(TimeLimits.parse("1.5 min", Limit.FIRST_TOKEN)).isEqualTo(Duration.ofSeconds(90));
        assertThat(TimeLimits.parse("1,5min", Limit.FIRST_TOKEN)).isEqualTo(Duration.ofSeconds(90));
        assertThat(TimeLimits.parse("3m", Limit.FIRST_TOKEN)).isEqualTo(Duration.ofMinutes(3));
        assertThat(TimeLimits.parse("500 ms", Limit.CONNECT)).isEqualTo(Duration.ofMillis(500));
        assertThat(TimeLimits.parse("2 h", Limit.TOTAL)).isEqualTo(Duration.ofHours(2));
        assertThat(TimeLimits.parse("10 Minutes", Limit.TOTAL)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aTypoSaysWhatToWrite() {
        assertThatThrownBy(() -> TimeLimits.parse("abc", Limit.FIRST_TOKEN))
                .hasMessage("'abc' is not a time (first token); write it like 90 s, 5 min or 500 ms.");
        assertThatThrownBy(() -> TimeLimits.parse("5 days", Limit.TOTAL)).hasMessageStartingWith("'5 days' is not a time");
        assertThatThrownBy(() -> TimeLimits.parse("-5", Limit.TOTAL)).hasMessageStartingWith("'-5' is not a time");
        assertThatThrownBy(() -> TimeLimits.parse("  ", Limit.IDLE_GAP)).hasMessage("Enter a time for idle gap, e.g. 90 s or 5 min.");
    }

    @Test
    void writesTimesInTheUnitThatReadsBest() {
        assertThat(TimeLimits.format(Duration.ofMillis(500))).isEqualTo("500 ms");
        assertThat(TimeLimits.format(Duration.ofMillis(1500))).isEqualTo("1.5 s");
        assertThat(TimeLimits.format(Duration.ofSeconds(10))).isEqualTo("10 s");
        assertThat(TimeLimits.format(Duration.ofSeconds(60))).isEqualTo("60 s");
        assertThat(TimeLimits.format(Duration.ofSeconds(90))).isEqualTo("90 s");
        assertThat(TimeLimits.format(Duration.ofMinutes(5))).isEqualTo("5 min");
        assertThat(TimeLimits.format(Duration.ofMinutes(90))).isEqualTo("90 min");
        assertThat(TimeLimits.format(Duration.ofHours(1))).isEqualTo("1 h");
        assertThat(TimeLimits.describe(Timeouts.DEFAULT))
                .isEqualTo("connect 10 s · first token 60 s · idle gap 30 s · total 10 min");
        assertThat(TimeLimits.describe(Timeouts.REASONING))
                .isEqualTo("connect 10 s · first token 5 min · idle gap 60 s · total 15 min");
    }

    @Test
    void theDefaultsPassAndAnythingOutOfBoundsOrOrderIsSaidWithTheLimitsItConcerns() {
        assertThat(TimeLimits.check(Timeouts.DEFAULT)).isEmpty();
        assertThat(TimeLimits.check(Timeouts.REASONING)).isEmpty();

        assertThat(TimeLimits.check(Timeouts.DEFAULT.withConnect(Duration.ofMillis(200)))).singleElement().satisfies(p -> {
            assertThat(p.sentence()).isEqualTo("Connect must be between 1 s and 5 min (it is 200 ms).");
            assertThat(p.limits()).containsExactly(Limit.CONNECT);
        });
        assertThat(TimeLimits.check(Timeouts.DEFAULT.withTotal(Duration.ofHours(7))))
                .extracting(TimeLimits.Problem::sentence).containsExactly("Total must be between 1 s and 6 h (it is 7 h).");
        assertThat(TimeLimits.check(Timeouts.DEFAULT.withFirstToken(Duration.ofMinutes(20)))).singleElement().satisfies(p -> {
            assertThat(p.sentence()).isEqualTo("First token (20 min) cannot be longer than total (10 min): the total limit "
                    + "covers the whole run.");
            assertThat(p.limits()).containsExactlyInAnyOrder(Limit.FIRST_TOKEN, Limit.TOTAL);
        });
        assertThat(TimeLimits.check(Timeouts.DEFAULT.withConnect(Duration.ofMinutes(2))))
                .extracting(TimeLimits.Problem::sentence).containsExactly("Connect (2 min) cannot be longer than first token "
                        + "(60 s): the first-token limit counts from the request, connecting included.");
        assertThat(TimeLimits.check(Timeouts.DEFAULT.withIdleGap(Duration.ofMinutes(11))))
                .extracting(TimeLimits.Problem::limits).containsExactly(java.util.EnumSet.of(Limit.IDLE_GAP, Limit.TOTAL));
    }
}
