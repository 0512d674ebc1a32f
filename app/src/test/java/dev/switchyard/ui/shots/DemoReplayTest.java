package dev.switchyard.ui.shots;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoReplayTest {

    /**
     * o1-mini takes no system message, so the shop's system text (which names Canada and PayPal) comes before the
     * question in its prompt: the answer follows the question, whatever order the answer table iterates in.
     */
    @Test
    void aModelWithoutASystemMessageAnswersTheQuestionNotTheSystemText() {
        String merged = DemoReplay.SHOP + "\n\n";
        assertThat(DemoReplay.reply("o1-mini", merged + "Can I pay with PayPal?").text()).contains("PayPal");
        assertThat(DemoReplay.reply("o1-mini", merged + "How long does shipping to Canada take?").text())
                .contains("business days");
        assertThat(DemoReplay.reply("o1-mini", merged + "Where is my order #A12345?").text()).contains("order");
        assertThat(DemoReplay.reply("gpt-4o-mini", "Can I pay with PayPal?").text()).contains("PayPal");
    }
}
