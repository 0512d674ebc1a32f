package dev.switchyard.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.models.RunLimits;
import dev.switchyard.app.models.TimeLimits;
import dev.switchyard.cloud.CloudException;
import dev.switchyard.cloud.Timeouts;
import java.time.Duration;
import dev.switchyard.local.LocalEngineException;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The line under a failed pane's error: it must point at something the user can really do. */
class RunAdviceTest {

    /**
     * A stored run shown again (a comparison opened from History) names the limits it ran with as its own, not as
     * today's; one stored before runs kept their limits says so and gives no value it may never have had.
     */
    @Test
    void aReopenedRunNamesTheLimitsItRanWithOrThatTheyWereNotRecorded() {
        RunLimits ran = new RunLimits(true, Timeouts.DEFAULT.withFirstToken(Duration.ofSeconds(90)));
        assertThat(RunAdvice.whatToDo("first_token_timeout", "GPT-4o mini", ran, true)).contains("raise its first-token"
                + " limit (90 s when it ran) in Models → GPT-4o mini → Time limits, or with:").contains("--first-token 3min.");
        assertThat(RunAdvice.whatToDo("first_token_timeout", "GPT-4o mini", ran, false)).as("a run just made")
                .contains("(now 90 s)");
        assertThat(RunAdvice.whatToDo("idle_timeout", "Big", new RunLimits(true, Timeouts.DEFAULT.withIdleGap(
                Duration.ofMinutes(8))), true)).contains("raise its idle-gap limit (8 min when it ran) and its total limit"
                + " (10 min when it ran) to 16 min");
        assertThat(RunAdvice.whatToDo("total_timeout", "o1-mini", RunLimits.NOT_RECORDED, true)).isEqualTo("For a long"
                + " answer, raise its total limit in Models → o1-mini → Time limits (limits not recorded for this run)."
                + " Or lower Max tokens, or pick a faster model.");
        assertThat(RunAdvice.whatToDo("network", "o1-mini", RunLimits.NOT_RECORDED, true))
                .isEqualTo(RunAdvice.whatToDo("network"));
    }

    /** A run that hit a time limit is sent to where that limit is changed: the screen and the command. */
    @Test
    void aTimedOutRunIsSentToTheModelsTimeLimits() {
        assertThat(RunAdvice.whatToDo("first_token_timeout", "GPT-4o mini", Timeouts.DEFAULT)).isEqualTo("If it is only "
                + "slow to start (a gateway loading a large model on its first request), raise its first-token limit (now"
                + " 60 s) in Models → GPT-4o mini → Time limits, or with: switchyard models set-timeouts \"GPT-4o mini\""
                + " --first-token 2min. Otherwise run again later or pick a faster model.");
        assertThat(RunAdvice.whatToDo("idle_timeout", "llama3.1:70b", Timeouts.DEFAULT)).isEqualTo("If it pauses while it"
                + " answers, raise its idle-gap limit (now 30 s) in Models → llama3.1:70b → Time limits, or with: switchyard"
                + " models set-timeouts llama3.1:70b --idle 60s. Otherwise run again later or pick another model.");
        assertThat(RunAdvice.whatToDo("TOTAL_TIMEOUT", "o1-mini", Timeouts.REASONING)).isEqualTo("For a long answer, raise"
                + " its total limit (now 15 min) in Models → o1-mini → Time limits, or with: switchyard models set-timeouts"
                + " o1-mini --total 30min. Or lower Max tokens, or pick a faster model.");
        // a routed or blind pane: which model ran is not said
        assertThat(RunAdvice.whatToDo("first_token_timeout")).isEqualTo("If it is only slow to start (a gateway loading a"
                + " large model on its first request), raise the model's first-token limit in Models → the model → Time"
                + " limits, or with: switchyard models set-timeouts <model> --first-token 2min. Otherwise run again later or"
                + " pick a faster model.");
        assertThat(RunAdvice.whatToDo("first_token_timeout", "Slow", Timeouts.DEFAULT.withFirstToken(Duration.ofHours(1))))
                .isEqualTo("Its first-token limit (1 h) is already the longest allowed; run again later or pick another model.");
        assertThat(RunAdvice.whatToDo("idle_timeout", "Slow", Timeouts.DEFAULT.withTotal(Duration.ofHours(2))
                .withIdleGap(Duration.ofMinutes(40)))).as("never past the longest allowed").contains("--idle 1h.");
    }

    /**
     * The doubled limit the advice names is one Models → Time limits and {@code set-timeouts} accept: at least 1 s (a
     * row can store less), at most the limit's longest, and a first-token or idle-gap limit past the total raises that
     * too — else the command given would be refused.
     */
    @Test
    void theRaisedLimitStaysWithinWhatTimeLimitsAccepts() {
        assertThat(RunAdvice.whatToDo("first_token_timeout", "m", Timeouts.DEFAULT.withFirstToken(Duration.ofMillis(300))))
                .as("under the minimum, doubled or not: the minimum").contains("(now 300 ms)")
                .contains("--first-token 1s.");
        assertThat(RunAdvice.whatToDo("idle_timeout", "m", Timeouts.DEFAULT.withIdleGap(Duration.ofMillis(400))))
                .contains("--idle 1s.");
        assertThat(RunAdvice.whatToDo("idle_timeout", "m", Timeouts.DEFAULT.withIdleGap(Duration.ofMillis(500))))
                .as("doubled to the minimum itself").contains("--idle 1s.");
        assertThat(RunAdvice.whatToDo("first_token_timeout", "m", Timeouts.DEFAULT.withFirstToken(Duration.ofMillis(600))))
                .contains("--first-token 1.2s.");
        assertThat(RunAdvice.whatToDo("first_token_timeout", "m", Timeouts.DEFAULT.withFirstToken(Duration.ofSeconds(1))))
                .contains("--first-token 2s.");
        // at the top
        Timeouts longTotal = Timeouts.DEFAULT.withTotal(Duration.ofHours(6));
        assertThat(RunAdvice.whatToDo("first_token_timeout", "m", longTotal.withFirstToken(Duration.ofMinutes(30))))
                .contains("--first-token 1h.");
        assertThat(RunAdvice.whatToDo("first_token_timeout", "m", longTotal.withFirstToken(Duration.ofMinutes(59))))
                .contains("--first-token 1h.");
        assertThat(RunAdvice.whatToDo("total_timeout", "m", Timeouts.DEFAULT.withTotal(Duration.ofHours(3))))
                .contains("--total 6h.");
        assertThat(RunAdvice.whatToDo("total_timeout", "m", Timeouts.DEFAULT.withTotal(Duration.ofHours(4))))
                .contains("--total 6h.");
        assertThat(RunAdvice.whatToDo("total_timeout", "m", Timeouts.DEFAULT.withTotal(Duration.ofHours(6))))
                .startsWith("Its total limit (6 h) is already the longest allowed");
        // past the total (10 min): raised with it
        assertThat(RunAdvice.whatToDo("first_token_timeout", "m", Timeouts.DEFAULT.withFirstToken(Duration.ofMinutes(6))))
                .isEqualTo("If it is only slow to start (a gateway loading a large model on its first request), raise its"
                        + " first-token limit (now 6 min) and its total limit (now 10 min) to 12 min in Models → m → Time"
                        + " limits, or with: switchyard models set-timeouts m --first-token 12min --total 12min. Otherwise"
                        + " run again later or pick a faster model.");
        assertThat(RunAdvice.timeLimitInTerminal("idle_timeout", "Gate/m", Timeouts.DEFAULT.withIdleGap(
                Duration.ofMinutes(8)), " -w w.switchyard")).contains("--idle 16min --total 16min -w w.switchyard.");
        assertThat(RunAdvice.whatToDo("first_token_timeout", "m", Timeouts.DEFAULT.withFirstToken(Duration.ofMinutes(5))))
                .as("exactly the total: nothing more").contains("--first-token 10min.");

        // whatever the limits, the raised one is accepted as Time limits checks them
        for (TimeLimits.Limit l : new TimeLimits.Limit[] {TimeLimits.Limit.FIRST_TOKEN, TimeLimits.Limit.IDLE_GAP,
                TimeLimits.Limit.TOTAL}) {
            for (Duration now : new Duration[] {Duration.ofMillis(1), Duration.ofMillis(999), Duration.ofSeconds(1),
                    Duration.ofSeconds(30), Duration.ofMinutes(9), Duration.ofMinutes(31), Duration.ofMinutes(59),
                    Duration.ofHours(3).plusSeconds(1), Duration.ofHours(5)}) {
                if (now.compareTo(l.max()) >= 0) {
                    continue;
                }
                Duration raised = RunAdvice.raised(l, now);
                assertThat(TimeLimits.outOfBounds(l, raised)).as(l + " " + now).isNull();
                assertThat(raised).as(l + " " + now).isGreaterThan(now);
            }
        }
    }

    @Test
    void anExhaustedQuotaIsNotFixedByWaiting() {
        assertThat(RunAdvice.whatToDo("quota_exceeded")).doesNotContain("Wait")
                .isEqualTo("Add credit or raise the quota in the provider's account, or pick another provider's model.");
        assertThat(RunAdvice.whatToDo("rate_limited")).startsWith("Wait as long as the provider asks");
    }

    @Test
    void aBrokenLocalModelFileIsNotFixedByRunningAgain() {
        for (String kind : new String[] {"corrupt_model", "not_onnx", "config_invalid", "tokenizer_mismatch"}) {
            assertThat(RunAdvice.whatToDo(kind)).as(kind)
                    .isEqualTo("Download the model again, or import a complete copy of its folder in Models → Local models.");
        }
        assertThat(RunAdvice.whatToDo("prompt_too_long")).isEqualTo(RunAdvice.whatToDo("context_too_long"));
    }

    /** Every kind an engine can end a run with has its own advice, except a local engine's internal ones. */
    @Test
    void everyEngineFailureKindHasSpecificAdvice() {
        String fallback = RunAdvice.whatToDo("something-else");
        var kinds = new java.util.ArrayList<String>();
        Arrays.stream(CloudException.Kind.values()).forEach(k -> kinds.add(k.name().toLowerCase(Locale.ROOT)));
        Arrays.stream(LocalEngineException.Kind.values())
                .filter(k -> k != LocalEngineException.Kind.BAD_REQUEST && k != LocalEngineException.Kind.RUNTIME_FAILURE)
                .forEach(k -> kinds.add(k.name().toLowerCase(Locale.ROOT)));
        assertThat(kinds).allSatisfy(k -> assertThat(RunAdvice.whatToDo(k)).as(k).isNotEqualTo(fallback));
    }
}
