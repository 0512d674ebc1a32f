package dev.switchyard.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.cloud.CloudException;
import dev.switchyard.local.LocalEngineException;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The line under a failed pane's error: it must point at something the user can really do. */
class RunAdviceTest {

    @Test
    void aTimedOutRunIsNotSentToATimeLimitSettingThatDoesNotExist() {
        for (String kind : new String[] {"first_token_timeout", "idle_timeout", "total_timeout"}) {
            assertThat(RunAdvice.whatToDo(kind)).doesNotContain("raise the limits")
                    .isEqualTo("The model was too slow for its time limits; run again later or pick a faster model.");
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
