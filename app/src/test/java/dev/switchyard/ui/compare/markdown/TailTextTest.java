package dev.switchyard.ui.compare.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TailTextTest {

    @Test
    void aParagraphLosesItsInlineSyntaxButKeepsItsWords() {
        TailText t = TailText.of("Ship the **offline model** first, then route *complex* questions; see `ttft` and "
                + "[the docs](https://example.com/a_b).");
        assertThat(t.text()).isEqualTo("Ship the offline model first, then route complex questions; see ttft and the docs.");
        assertThat(t.runStyles()).isEqualTo(TailText.PARAGRAPH);
        assertThat(t.flowStyle()).isEqualTo("md-text");
    }

    @Test
    void anOpenMarkerGoesAsSoonAsItIsTyped() {
        assertThat(TailText.of("Ship the **offl").text()).isEqualTo("Ship the offl");
    }

    @Test
    void textThatIsNotEmphasisIsLeftAlone() {
        assertThat(TailText.of("* item one\n* item two").text()).isEqualTo("* item one\n* item two");
        assertThat(TailText.of("1. Measure\n2. Compare").text()).isEqualTo("1. Measure\n2. Compare");
        assertThat(TailText.of("2 * 3 = 6 and snake_case_name stays").text()).isEqualTo("2 * 3 = 6 and snake_case_name stays");
    }

    @Test
    void aHeadingShowsInItsSizeWithoutItsHashes() {
        TailText t = TailText.of("## Plan **now**");
        assertThat(t.text()).isEqualTo("Plan now");
        assertThat(t.runStyles()).isEqualTo(List.of("md-run", "md-h2"));
        assertThat(t.flowStyle()).isEqualTo("md-heading");
        assertThat(TailText.of("###### Small").runStyles()).contains("md-h4");
        assertThat(TailText.of("## Plan\nShip it").text()).isEqualTo("Plan\nShip it");
    }

    @Test
    void anOpenCodeFenceShowsAsCodeWithoutItsFenceLines() {
        TailText open = TailText.of("```python\nprint('**hello**')\nx = a * b\n");
        assertThat(open.text()).isEqualTo("print('**hello**')\nx = a * b");
        assertThat(open.runStyles()).isEqualTo(TailText.CODE);
        assertThat(open.flowStyle()).isEqualTo("md-code-block");
        assertThat(TailText.of("```python").text()).isEmpty();
        assertThat(TailText.of("```\ncode\n```\n").text()).isEqualTo("code");
    }

    @Test
    void aQuoteLosesItsMarkers() {
        assertThat(TailText.of("> Measure before\n> you *decide*.").text()).isEqualTo("Measure before\nyou decide.");
    }
}
