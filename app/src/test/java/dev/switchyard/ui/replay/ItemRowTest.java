package dev.switchyard.ui.replay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The item table's Decision column reads the rule, not the stored JSON. */
class ItemRowTest {

    @Test
    void aStoredRouterDecisionReadsAsItsRule() {
        assertThat(ItemRow.decision("{\"decision\":{\"policy\":\"tiered\",\"rule_index\":0,\"rule_name\":\"device command\","
                + "\"targets\":[\"intent:smart-home\"]},\"plan\":[]}")).isEqualTo("rule 1 · device command");
        assertThat(ItemRow.decision("{\"decision\":{\"policy\":\"tiered\",\"rule_index\":2,\"rule_name\":null},\"plan\":[]}"))
                .isEqualTo("rule 3");
        assertThat(ItemRow.decision("{\"decision\":{\"policy\":\"tiered\",\"rule_index\":-1},\"plan\":[]}"))
                .isEqualTo("default");
    }

    @Test
    void anOutcomesDecisionAsTheReplayServiceGivesItReadsAsItsRule() {
        // ItemOutcome.decisionJson(): the router's Decision itself (ReplayService.open and a live replay)
        assertThat(ItemRow.decision("{\"policy\":\"tiered\",\"rule_index\":0,\"rule_name\":\"device command\","
                + "\"action\":{\"type\":\"route\",\"target\":\"intent:smart-home\"},\"why\":\"Rule 1 matched\"}"))
                .isEqualTo("rule 1 · device command");
        assertThat(ItemRow.decision("{\"policy\":\"tiered\",\"rule_index\":-1,\"rule_name\":null}")).isEqualTo("default");
    }
}
