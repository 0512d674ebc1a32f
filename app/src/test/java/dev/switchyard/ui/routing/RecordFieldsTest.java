package dev.switchyard.ui.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchyard.app.routing.Action;
import dev.switchyard.app.routing.Condition;
import dev.switchyard.app.routing.edit.PolicyEdits;
import dev.switchyard.app.routing.edit.ProblemNodes;
import dev.switchyard.app.routing.edit.RecordFields;
import org.junit.jupiter.api.Test;

/** Every condition and action type is editable field by field, and writing a field's own text back changes nothing. */
class RecordFieldsTest {

    @Test
    void everyConditionTypeRoundTripsThroughItsFields() {
        for (String type : PolicyEdits.CONDITION_TYPES) {
            Condition c = PolicyEdits.newCondition(type);
            var fields = RecordFields.fields((Record) c);
            assertThat(fields).as(type).isNotEmpty();
            for (RecordFields.Field f : fields) {
                assertThat(RecordFields.with((Record) c, f.name(), f.value())).as(type + "." + f.name()).isEqualTo(c);
            }
        }
    }

    @Test
    void everyActionTypeRoundTripsThroughItsFields() {
        for (String type : PolicyEdits.ACTION_TYPES) {
            Action a = PolicyEdits.newAction(type, null, "$cloud-cheap");
            for (RecordFields.Field f : RecordFields.fields((Record) a)) {
                assertThat(RecordFields.with((Record) a, f.name(), f.value())).as(type + "." + f.name()).isEqualTo(a);
            }
        }
        assertThat(RecordFields.fields(new Action.Fallback(java.util.List.of("a"), null)))
                .extracting(RecordFields.Field::name).containsExactly("chain", "on.error", "on.timeout_ms", "on.ttft_over_ms");
    }

    @Test
    void badTextIsASentence() {
        Condition c = PolicyEdits.newCondition("complexity");
        assertThatThrownBy(() -> RecordFields.with((Record) c, "value", "high")).hasMessage("value must be a number; \"high\" is not.");
        assertThatThrownBy(() -> RecordFields.with((Record) c, "op", "about")).hasMessageContaining("op must be one of");
        Action s = PolicyEdits.newAction("split", null, "x");
        assertThatThrownBy(() -> RecordFields.with((Record) s, "weights", "x 50")).hasMessageContaining("target:weight");
    }

    @Test
    void problemPathsMapToNodes() {
        assertThat(ProblemNodes.nodeOf("/rules/12/when/any/0")).isEqualTo("rule:12");
        assertThat(ProblemNodes.nodeOf("/rules/3")).isEqualTo("rule:3");
        assertThat(ProblemNodes.nodeOf("/default/chain")).isEqualTo("default");
        assertThat(ProblemNodes.nodeOf("/example_sets/x")).isEqualTo("policy");
        assertThat(ProblemNodes.nodeOf("")).isEqualTo("policy");
    }
}
