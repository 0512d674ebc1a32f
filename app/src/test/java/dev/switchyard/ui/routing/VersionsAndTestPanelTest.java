package dev.switchyard.ui.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.routing.Action;
import dev.switchyard.app.routing.Policy;
import dev.switchyard.app.routing.PolicyTemplates;
import dev.switchyard.ui.UnsavedChoice;
import dev.switchyard.ui.task.DirectTaskRunner;
import dev.switchyard.workspace.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Save / version / diff / restore, templates, and the test panel's decision and trace, without a toolkit. */
class VersionsAndTestPanelTest {

    @TempDir
    Path dir;

    private Workspace workspace;
    private RoutingViewModel vm;

    @BeforeEach
    void setUp() {
        workspace = Workspace.open(dir.resolve("v.switchyard"));
        vm = new RoutingViewModel(new DirectTaskRunner());
        vm.attach(new TestBackend(workspace));
    }

    @AfterEach
    void tearDown() {
        workspace.close();
    }

    @Test
    void savingMakesVersionsThatDiffAndRestore() {
        VersionsViewModel v = vm.versions();
        DesignerViewModel d = vm.designer();
        v.startNew(null);
        v.nameProperty().set("mine");
        d.addCondition("keywords");
        d.setConditionField("words", "lights");
        v.noteProperty().set("first");
        v.save();
        assertThat(d.dirtyProperty().get()).isFalse();
        assertThat(v.policies()).containsExactly("mine");
        assertThat(v.versions()).singleElement().satisfies(r -> assertThat(r.note()).isEqualTo("first"));
        assertThat(v.noteProperty().get()).isEmpty();

        d.connect(0, "local-llama");
        assertThat(d.dirtyProperty().get()).isTrue();
        v.noteProperty().set("to local");
        v.save();
        assertThat(v.versions()).extracting(VersionsViewModel.VersionRow::version).containsExactly(2, 1);

        v.diff(1, 2);
        assertThat(v.diff()).containsExactly("~ /rules/0/then/target: \"$cloud-cheap\" → \"local-llama\"");
        assertThat(v.statusProperty().get()).isEqualTo("1 change from v1 to v2.");

        v.restore(1);
        assertThat(v.versions()).extracting(VersionsViewModel.VersionRow::version).containsExactly(3, 2, 1);
        assertThat(d.policy().rules().get(0).then()).isEqualTo(new Action.Route("$cloud-cheap"));
        assertThat(d.canUndoProperty().get()).isFalse();
        assertThat(v.statusProperty().get()).isEqualTo("Restored v1 as v3.");

        v.startNew(null);
        v.open("mine");
        assertThat(d.policy().rules()).hasSize(1);
    }

    /**
     * New (empty, from a template), Open and Restore replace the designer's policy: with unsaved edits they ask first.
     * Cancel keeps the edits, Discard replaces them, Save stores them as the next version and then replaces them; a save
     * that fails replaces nothing and says why in red, in view. Without unsaved edits nothing is asked.
     */
    @Test
    void everyActionThatReplacesUnsavedEditsAsksFirst() {
        VersionsViewModel v = vm.versions();
        DesignerViewModel d = vm.designer();
        java.util.List<String> asked = new java.util.ArrayList<>();
        UnsavedChoice[] answer = {UnsavedChoice.CANCEL};
        v.setAskToSave(q -> {
            asked.add(q);
            return answer[0];
        });
        v.startNew(null);
        v.nameProperty().set("mine");
        v.save();
        v.startNew("cascade");
        v.nameProperty().set("other");
        v.save();
        assertThat(asked).as("nothing unsaved: nothing asked").isEmpty();
        d.addRule();
        Policy edited = d.policy();

        // Cancel: each action keeps the edits and says so
        v.startNew(null);
        v.startNew("tiered");
        v.open("mine");
        v.open("other"); // the policy shown: opening it again would drop the edits too
        v.restore(1);
        assertThat(asked).containsExactly("Save changes to other before starting a new empty policy?",
                "Save changes to other before starting a policy from the tiered template?",
                "Save changes to other before opening mine?", "Save changes to other before opening other?",
                "Save changes to other before restoring version 1?");
        assertThat(d.policy()).isSameAs(edited);
        assertThat(d.dirtyProperty().get()).isTrue();
        assertThat(d.canUndoProperty().get()).isTrue();
        assertThat(v.nameProperty().get()).isEqualTo("other");
        assertThat(v.statusProperty().get()).isEqualTo("Restoring version 1 cancelled: your unsaved changes are still in the designer.");
        assertThat(workspaceVersions("other")).isEqualTo(1);

        // Discard: the template replaces them, nothing is saved
        answer[0] = UnsavedChoice.DISCARD;
        v.startNew("tiered");
        assertThat(d.policy()).isEqualTo(PolicyTemplates.load("tiered"));
        assertThat(v.nameProperty().get()).isEqualTo("tiered-copy");
        assertThat(d.dirtyProperty().get()).isFalse();
        assertThat(workspaceVersions("other")).isEqualTo(1);

        // Save: the edits become the next version, then "mine" opens
        d.addRule();
        Policy tieredEdited = d.policy();
        answer[0] = UnsavedChoice.SAVE;
        v.open("mine");
        assertThat(asked.get(asked.size() - 1)).isEqualTo("Save changes to tiered-copy before opening mine?");
        assertThat(new dev.switchyard.app.routing.PolicyStore(workspace).load("tiered-copy").rules())
                .isEqualTo(tieredEdited.rules());
        assertThat(v.nameProperty().get()).isEqualTo("mine");
        assertThat(d.policy().rules()).isEmpty();
        assertThat(v.statusProperty().get()).isEqualTo("Opened mine.");

        // Save, then Restore: the edits are version 2, the restored body version 3
        d.addRule();
        v.restore(1);
        assertThat(workspaceVersions("mine")).isEqualTo(3);
        assertThat(d.policy().rules()).isEmpty();
        assertThat(v.statusProperty().get()).isEqualTo("Restored v1 as v3.");

        // Save that fails (no name): nothing replaced, the reason in red, the Versions tab brought forward
        d.addRule();
        Policy unsaved = d.policy();
        v.nameProperty().set("");
        vm.modeProperty().set(RoutingViewModel.Mode.TEST);
        v.startNew(null);
        assertThat(asked.get(asked.size() - 1)).isEqualTo("Save changes to the new policy before starting a new empty policy?");
        assertThat(v.statusProperty().get()).isEqualTo("Give the policy a name before saving. New empty policy cancelled: "
                + "your unsaved changes are still in the designer.");
        assertThat(v.statusProblemProperty().get()).isTrue();
        assertThat(vm.modeProperty().get()).isEqualTo(RoutingViewModel.Mode.VERSIONS);
        assertThat(d.policy()).isSameAs(unsaved);
        assertThat(d.dirtyProperty().get()).isTrue();
    }

    /**
     * A name typed in the toolbar is an unsaved edit by itself (saving stores the policy under it): the "unsaved" state,
     * the question New / Open / Restore ask, and what quitting names. Typing the saved name back is no edit; Discard
     * goes back to the saved name; Save stores the policy under the new name; versions, diff and restore stay those of
     * the policy listed. An edit of the default route counts as any edit of the policy.
     */
    @Test
    void aNameTypedAloneIsAnUnsavedEdit() {
        VersionsViewModel v = vm.versions();
        DesignerViewModel d = vm.designer();
        java.util.List<String> asked = new java.util.ArrayList<>();
        UnsavedChoice[] answer = {UnsavedChoice.CANCEL};
        v.setAskToSave(q -> {
            asked.add(q);
            return answer[0];
        });
        PolicyTemplates.ensureDefault(workspace);
        vm.attach(new TestBackend(workspace));
        assertThat(v.nameProperty().get()).isEqualTo("tiered");
        assertThat(v.unsavedProperty().get()).isFalse();
        assertThat(v.unsavedWork()).isNull();

        v.nameProperty().set("tiered-2");
        assertThat(d.dirtyProperty().get()).as("the policy itself is as saved").isFalse();
        assertThat(v.unsavedProperty().get()).isTrue();
        assertThat(v.unsavedWork()).isEqualTo("the routing policy tiered-2 (renamed from tiered)");

        // Cancel: New, Open saved… and Restore each ask, and keep the name typed
        v.startNew(null);
        v.open("tiered");
        v.restore(1);
        assertThat(asked).containsExactly("Save changes to tiered-2 before starting a new empty policy?",
                "Save changes to tiered-2 before opening tiered?", "Save changes to tiered-2 before restoring version 1?");
        assertThat(v.nameProperty().get()).isEqualTo("tiered-2");
        assertThat(v.unsavedProperty().get()).isTrue();

        // the saved name typed back (spaces around do not count): nothing to ask
        v.nameProperty().set(" tiered ");
        assertThat(v.unsavedProperty().get()).isFalse();
        v.open("tiered");
        assertThat(asked).hasSize(3);

        // Discard, then Restore: version 1 of tiered (the policy listed, not the name typed) comes back as version 2
        v.nameProperty().set("tiered-2");
        answer[0] = UnsavedChoice.DISCARD;
        v.restore(1);
        assertThat(asked).hasSize(4);
        assertThat(workspaceVersions("tiered")).isEqualTo(2);
        assertThat(v.nameProperty().get()).isEqualTo("tiered");
        assertThat(v.unsavedProperty().get()).isFalse();
        assertThat(v.policies()).containsExactly("tiered");

        // Save, then Restore: the policy is stored under the name typed, and tiered's version 1 is restored
        v.nameProperty().set("tiered-b");
        answer[0] = UnsavedChoice.SAVE;
        v.restore(1);
        assertThat(workspaceVersions("tiered-b")).isEqualTo(1);
        assertThat(new dev.switchyard.app.routing.PolicyStore(workspace).load("tiered-b").rules()).isEqualTo(d.policy().rules());
        assertThat(workspaceVersions("tiered")).isEqualTo(3);
        assertThat(v.nameProperty().get()).isEqualTo("tiered");
        assertThat(v.versions()).extracting(VersionsViewModel.VersionRow::version).containsExactly(3, 2, 1);

        // Save version under a new name: nothing unsaved after it; the name cleared is unsaved again
        v.nameProperty().set("mine");
        v.save();
        assertThat(v.unsavedProperty().get()).isFalse();
        assertThat(v.savedNameProperty().get()).isEqualTo("mine");
        v.nameProperty().set("");
        assertThat(v.unsavedWork()).isEqualTo("the routing policy mine (its name cleared)");
        v.nameProperty().set("mine");

        // the default route edited: unsaved like any edit of the policy
        d.connect(-1, "local-llama");
        assertThat(v.unsavedWork()).isEqualTo("the routing policy mine");
        d.undo();
        assertThat(v.unsavedWork()).isNull();

        // a new policy never saved, only named: unsaved, under the name typed
        v.startNew(null);
        v.nameProperty().set("night");
        assertThat(v.unsavedWork()).isEqualTo("the routing policy night");
    }

    private int workspaceVersions(String name) {
        return new dev.switchyard.app.routing.PolicyStore(workspace).versions(name).size();
    }

    /**
     * Opening another workspace (File → Open / New workspace; the window has asked about the unsaved edits before) shows
     * that workspace's default policy, or a new empty one when it has none — never the previous workspace's policy, still
     * marked unsaved as if it belonged to the other file. Two real workspace files: this one with "tiered" as its default
     * as the app seeds it, and one with no policy at all.
     */
    @Test
    void anotherWorkspaceShowsItsOwnPolicyOrANewEmptyOne() {
        VersionsViewModel v = vm.versions();
        DesignerViewModel d = vm.designer();
        PolicyTemplates.ensureDefault(workspace);
        vm.attach(new TestBackend(workspace));
        assertThat(v.nameProperty().get()).isEqualTo("tiered");
        d.addRule();
        assertThat(d.dirtyProperty().get()).isTrue();

        try (Workspace empty = Workspace.open(dir.resolve("empty.switchyard"))) {
            assertThat(empty.policies().list()).as("a workspace without any policy").isEmpty();
            vm.attach(new TestBackend(empty));
            assertThat(d.policy()).isEqualTo(dev.switchyard.app.routing.edit.PolicyEdits.empty("untitled"));
            assertThat(v.nameProperty().get()).isEqualTo("untitled");
            assertThat(d.dirtyProperty().get()).as("nothing of the other workspace is unsaved here").isFalse();
            assertThat(d.canUndoProperty().get()).isFalse();
            assertThat(v.shownVersionProperty().get()).isNull();
            assertThat(v.policies()).isEmpty();
            assertThat(v.versions()).isEmpty();
            assertThat(v.defaultPolicyProperty().get()).isEmpty();
            assertThat(v.statusProperty().get()).isEqualTo("No saved policy in this workspace yet: a new empty policy.");

            // and back: the first workspace's default, as saved (the discarded rule is not in it)
            vm.attach(new TestBackend(workspace));
            assertThat(v.nameProperty().get()).isEqualTo("tiered");
            assertThat(d.policy()).isEqualTo(new dev.switchyard.app.routing.PolicyStore(workspace).load("tiered"));
            assertThat(d.dirtyProperty().get()).isFalse();
            assertThat(v.shownVersionProperty().get()).isEqualTo(1);
            assertThat(v.defaultPolicyProperty().get()).isEqualTo("tiered");

            // no workspace at all (the window closing it): nothing of it stays either
            d.addRule();
            vm.attach(null);
            assertThat(d.policy()).isEqualTo(dev.switchyard.app.routing.edit.PolicyEdits.empty("untitled"));
            assertThat(d.dirtyProperty().get()).isFalse();
            assertThat(v.defaultPolicyProperty().get()).isEmpty();
        }
    }

    @Test
    void templatesStartAnUnsavedPolicyAndANameIsNeededToSave() {
        vm.versions().startNew("cascade");
        assertThat(vm.designer().policy()).isEqualTo(PolicyTemplates.load("cascade"));
        assertThat(vm.versions().nameProperty().get()).isEqualTo("cascade-copy");
        vm.versions().nameProperty().set("  ");
        vm.versions().save();
        assertThat(vm.versions().statusProperty().get()).isEqualTo("Give the policy a name before saving.");
        assertThat(vm.versions().policies()).isEmpty();
    }

    @Test
    void theTestPanelRoutesWithTheEditedPolicyAndShowsTheTrace() {
        DesignerViewModel d = vm.designer();
        vm.versions().startNew(null);
        d.addCondition("keywords");
        d.setConditionField("words", "lights");
        d.connect(0, "local-llama");
        d.selectionProperty().set(null);
        d.addCondition("prompt_chars");
        d.setConditionField("value", "20");
        d.connect(1, "$cloud-strong");

        TestPanelViewModel t = vm.test();
        assertThat(t.history()).containsExactly("turn on the kitchen lights");
        t.chooseDataset("demo");
        assertThat(t.datasetPrompts()).contains("explain quicksort");

        t.promptProperty().set("turn on the kitchen lights");
        t.route();
        assertThat(t.summaryProperty().get()).isEqualTo("rule 1 → route local-llama");
        assertThat(t.trace()).extracting(TestPanelViewModel.TraceRow::state).containsExactly("match", "pass", "not reached");
        assertThat(t.trace().get(1).observed()).contains("lights");

        t.promptProperty().set("please write me a detailed essay on rivers");
        t.route();
        assertThat(t.summaryProperty().get()).isEqualTo("rule 2 → route $cloud-strong");
        assertThat(t.trace()).extracting(TestPanelViewModel.TraceRow::state).containsExactly("no match", "fail", "match", "pass");
        assertThat(t.features()).extracting(TestPanelViewModel.FeatureRow::name).contains("characters");

        t.promptProperty().set("hi");
        t.route();
        assertThat(t.summaryProperty().get()).isEqualTo("default → route $cloud-cheap");

        t.promptProperty().set(" ");
        t.route();
        assertThat(t.summaryProperty().get()).startsWith("Type a prompt");
    }

    @Test
    void diffAndRestoreSayWhatToSelectInsteadOfDoingNothing() {
        VersionsViewModel v = vm.versions();
        v.startNew(null);
        v.nameProperty().set("mine");
        v.save();
        v.diffSelected(java.util.List.of());
        assertThat(v.statusProperty().get()).isEqualTo("Select one or two versions to diff.");
        v.diffSelected(java.util.List.of(1));
        assertThat(v.statusProperty().get()).isEqualTo("v1 is the first version: select another one to diff it with.");
        v.restoreSelected(java.util.List.of());
        assertThat(v.statusProperty().get()).isEqualTo("Select the one version to restore.");
        vm.designer().addCondition("keywords");
        v.save();
        v.diffSelected(java.util.List.of(2));
        assertThat(v.statusProperty().get()).endsWith("from v1 to v2.");
    }

    @Test
    void timesAndFeaturesReadAsWordsAndUnits() {
        assertThat(dev.switchyard.app.routing.TraceText.duration(640)).isEqualTo("640\u00a0µs");
        assertThat(dev.switchyard.app.routing.TraceText.duration(31_902)).isEqualTo("31.9\u00a0ms");
        assertThat(dev.switchyard.app.routing.TraceText.duration(1_392_564)).isEqualTo("1.39\u00a0s");
        assertThat(TestPanelViewModel.featureValue(java.util.List.of(
                java.util.Map.of("intent", "lights_on", "confidence", 0.7574),
                java.util.Map.of("intent", "dim", "confidence", 0.1)))).isEqualTo("lights_on 0.76, dim 0.10");
        assertThat(TestPanelViewModel.featureValue(true)).isEqualTo("yes");
        assertThat(TestPanelViewModel.featureValue(42)).isEqualTo("42");

        vm.versions().startNew(null);
        TestPanelViewModel t = vm.test();
        t.promptProperty().set("hi");
        t.route();
        assertThat(t.whyProperty().get()).matches(".*\\(decided in [0-9.]+\u00a0(µs|ms|s)\\)");
    }
}
