package dev.switchyard.local.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplyTemplateTest {

    @Test
    void substitutesVariablesAndFallbacks() {
        String t = "Turning on the {{room|}} {{device|lights}}.";
        assertThat(ReplyTemplate.render(t, Map.of("room", "kitchen"))).isEqualTo("Turning on the kitchen lights.");
        assertThat(ReplyTemplate.render(t, Map.of())).isEqualTo("Turning on the lights.");
        assertThat(ReplyTemplate.render("Set to {{ number | a nice level }}.", Map.of()))
                .isEqualTo("Set to a nice level.");
    }

    @Test
    void missingVariableWithoutFallbackLeavesNoGap() {
        assertThat(ReplyTemplate.render("Opening the {{room}} blinds .", Map.of())).isEqualTo("Opening the blinds.");
    }

    @Test
    void valuesAreInsertedLiterally() {
        assertThat(ReplyTemplate.render("You said: {{prompt}}", Map.of("prompt", "cost $5 \\ {{x}}")))
                .isEqualTo("You said: cost $5 \\ {{x}}");
    }

    @Test
    void plainTextIsUnchanged() {
        assertThat(ReplyTemplate.render("No  variables here  .", Map.of())).isEqualTo("No  variables here  .");
        assertThat(ReplyTemplate.render(null, Map.of())).isEmpty();
    }
}
