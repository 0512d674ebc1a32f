package dev.switchyard.app.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParamsTextTest {

    @Test
    void eachFieldTypedWrongHasItsOwnSentence() {
        ParamsText p = new ParamsText("hot", "200", "", "12x", "END");
        assertThat(p.problems()).containsOnlyKeys("temperature", "seed");
        assertThat(p.problems().get("temperature")).startsWith("Temperature");
        assertThat(p.problems().get("seed")).startsWith("Seed");
        assertThatThrownBy(p::parse).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Temperature");
    }

    @Test
    void blankFieldsAreModelDefaultsAndNoProblem() {
        assertThat(ParamsText.DEFAULTS.problems()).isEmpty();
        assertThat(new ParamsText("0.7", "256", "0.9", "42", "\\n\\n, END").problems()).isEmpty();
    }
}
