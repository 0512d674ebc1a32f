package dev.switchyard.app.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchyard.app.engine.GenerationParams;
import dev.switchyard.workspace.model.PromptVersion;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptTemplateTest {

    @Test
    void findsVariablesInOrderWithoutDuplicates() {
        assertThat(PromptTemplate.variables("You help {{company}}.", "Hi {{ name }}, about {{company}} and {{order_id}}"))
                .containsExactly("company", "name", "order_id");
        assertThat(PromptTemplate.variables("no vars {{}} {{1x}} {single}")).isEmpty();
    }

    @Test
    void rendersValuesAndLeavesUnknownOnesAsWritten() {
        assertThat(PromptTemplate.render("Hi {{ name }}, {{x}} costs $5", Map.of("name", "Ada")))
                .isEqualTo("Hi Ada, {{x}} costs $5");
        assertThat(PromptTemplate.render("{{a}}", Map.of("a", "$1 \\ back"))).isEqualTo("$1 \\ back");
        assertThat(PromptTemplate.missing(Map.of("a", " "), "{{a}} {{b}}")).containsExactly("a", "b");
    }

    @Test
    void parsesParametersWithSentences() {
        GenerationParams p = new ParamsText("0.2", "256", "0.9", "7", "END,\\n\\n").parse();
        assertThat(p.temperature()).isEqualTo(0.2);
        assertThat(p.maxTokens()).isEqualTo(256);
        assertThat(p.seed()).isEqualTo(7L);
        assertThat(p.stop()).containsExactly("END", "\n\n");
        assertThat(ParamsText.DEFAULTS.parse()).isEqualTo(GenerationParams.DEFAULTS);
        assertThatThrownBy(() -> new ParamsText("warm", "", "", "", "").parse())
                .hasMessage("Temperature must be a number, not 'warm'.");
        assertThatThrownBy(() -> new ParamsText("3", "", "", "", "").parse()).hasMessageContaining("between 0 and 2");
        assertThatThrownBy(() -> new ParamsText("", "1.5", "", "", "").parse()).hasMessageContaining("Max tokens");
    }

    @Test
    void aDraftKnowsWhetherItDiffersFromAVersion() {
        PromptDraft d = new PromptDraft("sys", "Hi {{n}}", Map.of("n", "Ada"), new ParamsText("0.5", "", "", "", ""));
        PromptVersion v = new PromptVersion(1, "u", 1, 1, "sys", "Hi {{n}}", d.variablesJson(), d.parametersJson(), null);
        assertThat(d.sameAs(v)).isTrue();
        assertThat(PromptDraft.of(v)).isEqualTo(d);
        assertThat(new PromptDraft("sys", "Hi {{n}}", Map.of("n", "Bob"), d.params()).sameAs(v)).isFalse();
        assertThat(d.sameAs(null)).isFalse();
        assertThat(List.of(d.parametersJson())).containsExactly("{\"temperature\":\"0.5\"}");
    }
}
