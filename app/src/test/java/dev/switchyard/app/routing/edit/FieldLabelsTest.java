package dev.switchyard.app.routing.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.routing.Problem;
import org.junit.jupiter.api.Test;

/** The designer's words for the policy's JSON fields, and validation sentences in those words. */
class FieldLabelsTest {

    @Test
    void labelsAreTheFieldNamesInWords() {
        assertThat(FieldLabels.label("min_confidence")).isEqualTo("min confidence");
        assertThat(FieldLabels.label("accept_if.max_tokens")).isEqualTo("accept if: max tokens");
        assertThat(FieldLabels.label("on.ttft_over_ms")).isEqualTo("on: ttft over ms");
        assertThat(FieldLabels.label("words")).isEqualTo("words");
    }

    @Test
    void theFieldAProblemIsAboutComesFromItsPath() {
        assertThat(FieldLabels.fieldOf("/rules/0/when/min_confidence")).isEqualTo("min_confidence");
        assertThat(FieldLabels.fieldOf("/rules/3/when/all/1/not/min_similarity")).isEqualTo("min_similarity");
        assertThat(FieldLabels.fieldOf("/rules/0/then/accept_if/max_tokens")).isEqualTo("accept_if.max_tokens");
        assertThat(FieldLabels.fieldOf("/default/on/timeout_ms")).isEqualTo("on.timeout_ms");
        assertThat(FieldLabels.fieldOf("/default/chain/1")).isEqualTo("chain");
        assertThat(FieldLabels.fieldOf("/rules/1")).isNull();
        assertThat(FieldLabels.fieldOf("/example_sets/greet")).isNull();
    }

    @Test
    void sentencesUseTheFormsWordsAndLeaveUserValuesAlone() {
        assertThat(FieldLabels.readable(new Problem("/rules/0/when/min_confidence",
                "min_confidence must be between 0 and 1, not 1.5.")).message())
                .isEqualTo("Min confidence must be between 0 and 1, not 1.5.");
        assertThat(FieldLabels.readable(new Problem("/default/on/ttft_over_ms",
                "ttft_over_ms must be between 1 and 3600000 ms, not 0.")).message())
                .isEqualTo("On: ttft over ms must be between 1 and 3600000 ms, not 0.");
        assertThat(FieldLabels.readable(new Problem("/rules/0/then/accept_if", "accept_if is empty, so the local answer"
                + " is always kept; set min_confidence, regex or max_tokens.")).message())
                .isEqualTo("Accept if is empty, so the local answer is always kept; set min confidence, regex or max tokens.");
        assertThat(FieldLabels.readable(new Problem("/rules/2", "This rule is never reached: rule 1 (/rules/0) always"
                + " matches. Move it up or give that rule a condition.")).message())
                .isEqualTo("This rule is never reached: rule 1 always matches. Move it up or give that rule a condition.");
        // a quoted user value that looks like a field name stays as typed
        assertThat(FieldLabels.readable(new Problem("/rules/0/when/intent_set",
                "The workspace has no intent set 'min_confidence'.")).message())
                .isEqualTo("The workspace has no intent set 'min_confidence'.");
        assertThat(FieldLabels.readable("max_tokens must be a number; \"x\" is not.", "accept_if.max_tokens"))
                .isEqualTo("Accept if: max tokens must be a number; \"x\" is not.");
    }
}
