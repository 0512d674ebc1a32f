package dev.switchyard.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.cloud.CloudException;
import dev.switchyard.cloud.Timeouts;
import java.time.Duration;
import dev.switchyard.local.LocalEngineException;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The line under a failed pane's error: it must point at something the user can really do. */
class RunAdviceTest {

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
        assertThat(RunAdvice.whatToDo("idle_timeout", "Slow", Timeouts.DEFAULT.withIdleGap(Duration.ofMinutes(40))))
                .as("never past the longest allowed").contains("--idle 1h.");
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
