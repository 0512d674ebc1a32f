package dev.switchyard.ui.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.routing.Action;
import dev.switchyard.app.routing.Condition;
import dev.switchyard.app.routing.Policy;
import dev.switchyard.app.routing.edit.Describe;
import dev.switchyard.app.routing.edit.PolicyEdits;
import dev.switchyard.ui.task.DirectTaskRunner;
import dev.switchyard.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The designer's editing model without a toolkit: add, reorder, edit, undo/redo and problems on nodes. */
class DesignerViewModelTest {

    @TempDir
    Path dir;

    private Workspace workspace;
    private DesignerViewModel vm;

    @BeforeEach
    void setUp() {
        workspace = Workspace.open(dir.resolve("d.switchyard"));
        vm = new DesignerViewModel(new DirectTaskRunner());
        vm.attach(new TestBackend(workspace));
        vm.load(PolicyEdits.empty("p"));
    }

    @AfterEach
    void tearDown() {
        workspace.close();
    }

    @Test
    void aConditionFromThePaletteStartsARuleThenJoinsTheSelectedRule() {
        vm.addCondition("keywords");
        assertThat(vm.policy().rules()).hasSize(1);
        assertThat(vm.selectedRule()).isZero();
        assertThat(vm.policy().rules().get(0).when()).isInstanceOf(Condition.Keywords.class);
        assertThat(vm.policy().rules().get(0).then()).isEqualTo(new Action.Route(PolicyEdits.NEW_DEFAULT_TARGET));

        vm.addCondition("has_code");
        Condition when = vm.policy().rules().get(0).when();
        assertThat(when).isInstanceOf(Condition.All.class);
        assertThat(((Condition.All) when).all()).hasSize(2);
        assertThat(vm.conditionPathProperty().get()).containsExactly(1);
        assertThat(vm.selectedCondition()).isInstanceOf(Condition.HasCode.class);
    }

    @Test
    void everyEditIsOneUndoStepAndRedoReplaysIt() {
        Policy empty = vm.policy();
        vm.addCondition("keywords");
        Policy one = vm.policy();
        assertThat(vm.setConditionField("words", "lights, kitchen")).isTrue();
        Policy edited = vm.policy();
        assertThat(((Condition.Keywords) edited.rules().get(0).when()).words()).containsExactly("lights", "kitchen");

        vm.undo();
        assertThat(vm.policy()).isEqualTo(one);
        vm.undo();
        assertThat(vm.policy()).isEqualTo(empty);
        assertThat(vm.canUndoProperty().get()).isFalse();
        vm.redo();
        vm.redo();
        assertThat(vm.policy()).isEqualTo(edited);
        assertThat(vm.canRedoProperty().get()).isFalse();

        vm.undo();
        vm.addRule();
        assertThat(vm.canRedoProperty().get()).as("a new edit drops the redo stack").isFalse();
    }

    @Test
    void rulesReorderAndUndoRestoresTheOrder() {
        vm.addCondition("keywords");
        vm.selectionProperty().set(null);
        vm.addCondition("regex");
        vm.selectionProperty().set(null);
        vm.addCondition("complexity");
        vm.moveRule(2, 0);
        assertThat(vm.policy().rules().stream().map(r -> Condition.typeName(r.when())).toList())
                .containsExactly("complexity", "keywords", "regex");
        assertThat(vm.selectedRule()).isZero();
        vm.undo();
        assertThat(vm.policy().rules().stream().map(r -> Condition.typeName(r.when())).toList())
                .containsExactly("keywords", "regex", "complexity");
    }

    @Test
    void aBadFieldValueKeepsThePolicyAndSaysWhy() {
        vm.addCondition("prompt_tokens");
        Policy before = vm.policy();
        assertThat(vm.setConditionField("value", "lots")).isFalse();
        assertThat(vm.policy()).isEqualTo(before);
        assertThat(vm.messageProperty().get()).contains("Value must be a number");
        assertThat(vm.setConditionField("op", "le")).isTrue();
        assertThat(Describe.inline(vm.policy().rules().get(0).when())).isEqualTo("tokens ≤ 200");
    }

    @Test
    void undoingBackToTheSavedPolicyIsNoUnsavedChange() {
        assertThat(vm.dirtyProperty().get()).isFalse();
        vm.addCondition("keywords");
        vm.renameRule(0, "lights");
        assertThat(vm.dirtyProperty().get()).isTrue();
        vm.undo();
        vm.undo();
        assertThat(vm.dirtyProperty().get()).as("back to the loaded policy").isFalse();
        vm.redo();
        assertThat(vm.dirtyProperty().get()).isTrue();
        vm.markSaved(vm.policy());
        assertThat(vm.dirtyProperty().get()).isFalse();
        vm.redo();
        assertThat(vm.dirtyProperty().get()).isTrue();
        vm.undo();
        assertThat(vm.dirtyProperty().get()).as("back to the saved policy").isFalse();
        // an edit that ends where the saved policy was is no change either
        vm.renameRule(0, "other");
        vm.renameRule(0, null);
        assertThat(vm.dirtyProperty().get()).isFalse();
    }

    @Test
    void theFirstRuleDoesNotMoveUpNorTheLastDown() {
        vm.addCondition("keywords");
        vm.selectionProperty().set(null);
        vm.addCondition("has_code");
        Policy before = vm.policy();
        vm.moveRule(0, -1);
        vm.moveRule(1, 2);
        assertThat(vm.policy()).isSameAs(before);
        assertThat(vm.canUndoProperty().get()).isTrue();
        vm.moveRule(1, 0);
        assertThat(vm.policy().rules().get(0).when()).isInstanceOf(Condition.HasCode.class);
    }

    @Test
    void problemsAndFieldMessagesUseTheFormsWords() {
        vm.addCondition("intent");
        assertThat(vm.setConditionField("min_confidence", "1.5")).isTrue();
        assertThat(vm.problemsOf("rule:0")).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("/rules/0/when/min_confidence");
            assertThat(p.message()).isEqualTo("Min confidence must be between 0 and 1, not 1.5.");
        });
        assertThat(vm.setConditionField("min_confidence", "high")).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("Min confidence must be a number; \"high\" is not.");
        vm.selectionProperty().set("default");
        vm.setActionType("cascade");
        assertThat(vm.setActionField("accept_if.max_tokens", "0")).isTrue();
        assertThat(vm.problemsOf("default")).anySatisfy(p ->
                assertThat(p.message()).isEqualTo("Accept if: max tokens must be at least 1."));
        assertThat(vm.setActionField("accept_if.max_tokens", "many")).isFalse();
        assertThat(vm.messageProperty().get()).startsWith("Accept if: max tokens must be a number");
        // a shadowed rule: no JSON path in the sentence
        vm.selectionProperty().set(null);
        vm.addRule();
        vm.selectionProperty().set(null);
        vm.addRule();
        assertThat(vm.problemsOf("rule:2")).anySatisfy(p -> assertThat(p.message())
                .isEqualTo("This rule is never reached: rule 2 always matches. Move it up or give that rule a condition."));
    }

    @Test
    void groupsWrapAndConditionsRemove() {
        vm.addCondition("has_code");
        vm.wrapCondition("any");
        vm.conditionPathProperty().set(List.of());
        vm.addCondition("complexity");
        assertThat(Describe.inline(vm.policy().rules().get(0).when())).isEqualTo("has code or complexity ≥ 0.6");
        vm.conditionPathProperty().set(List.of(0));
        vm.wrapCondition("not");
        assertThat(Describe.inline(vm.policy().rules().get(0).when())).isEqualTo("not has code or complexity ≥ 0.6");
        vm.conditionPathProperty().set(List.of(1));
        vm.removeCondition();
        assertThat(((Condition.Any) vm.policy().rules().get(0).when()).any()).hasSize(1);
    }

    @Test
    void actionsChangeTypeKeepTheirTargetsAndConnect() {
        vm.addCondition("keywords");
        vm.connect(0, "local-llama");
        vm.setActionType("cascade");
        Action.Cascade c = (Action.Cascade) vm.policy().rules().get(0).then();
        assertThat(c.local()).isEqualTo("local-llama");
        assertThat(vm.setActionField("accept_if.max_tokens", "120")).isTrue();
        assertThat(((Action.Cascade) vm.policy().rules().get(0).then()).acceptIf().maxTokens()).isEqualTo(120);
        vm.setActionType("split");
        assertThat(vm.setActionField("weights", "local-llama:70, $cloud-cheap:30")).isTrue();
        assertThat(Describe.action(vm.policy().rules().get(0).then())).isEqualTo("split 70% / 30%");
        vm.selectionProperty().set("default");
        vm.setActionType("fallback");
        assertThat(vm.setActionField("on.ttft_over_ms", "800")).isTrue();
        assertThat(Describe.fallbackTrigger(((Action.Fallback) vm.policy().defaultAction()).on()))
                .isEqualTo("on error / timeout>10000 ms / ttft>800 ms");
    }

    @Test
    void validationProblemsLandOnTheirNodesLiveAsTheUserEdits() {
        vm.addCondition("regex");
        assertThat(vm.problemsOf("rule:0")).isEmpty();
        vm.setConditionField("pattern", "([a-z");
        assertThat(vm.problemsOf("rule:0")).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/rules/0/when/pattern");
            assertThat(p.message()).contains("does not compile");
        });
        vm.connect(0, "nowhere-model");
        assertThat(vm.problemsOf("rule:0")).hasSize(2);

        vm.selectionProperty().set(null);
        vm.addRule();
        vm.selectionProperty().set(null);
        vm.addCondition("has_code");
        assertThat(vm.problemsOf("rule:2")).as("shadowed by the unconditional rule 2")
                .anySatisfy(p -> assertThat(p.message()).contains("never reached"));

        vm.selectionProperty().set("default");
        vm.setActionType("split");
        vm.setActionField("weights", "$cloud-cheap:60, $cloud-strong:30");
        assertThat(vm.problemsOf("default")).anySatisfy(p -> assertThat(p.message()).contains("100"));

        vm.undo();
        assertThat(vm.problemsOf("default")).isEmpty();
    }
}
