package dev.switchyard.ui.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.cli.CliRunner;
import dev.switchyard.app.routing.Policy;
import dev.switchyard.app.routing.PolicyFile;
import dev.switchyard.app.routing.PolicyJson;
import dev.switchyard.app.routing.PolicyStore;
import dev.switchyard.app.routing.edit.WorkspaceDesignerBackend;
import dev.switchyard.ui.UnsavedChoice;
import dev.switchyard.ui.task.DirectTaskRunner;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.PolicyVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Routing screen's Import and Export without a toolkit, on real temporary files and a real workspace: a valid file
 * becomes a version and opens in the designer, a name clash becomes the next version, a bad file changes nothing and
 * says what and where, unsaved edits are asked about, and an export reads back to the same policy.
 */
class PolicyFileViewModelTest {

    /** Valid against {@link TestBackend}: every condition kind the designer has that needs no model, and every action. */
    static final String TEAM = """
            {
              "schema_version": 1,
              "name": "team",
              "description": "what the team agreed on",
              "example_sets": { "reasoning": ["Prove that the sum of two odd numbers is even."] },
              "rules": [
                { "name": "lights", "when": { "type": "keywords", "words": ["lights", "lamp"], "match": "any" },
                  "then": { "type": "cascade", "local": "local-llama", "accept_if": { "max_tokens": 80 }, "escalate": "$cloud-cheap" } },
                { "name": "code or long", "when": { "type": "any", "any": [
                    { "type": "has_code", "value": true },
                    { "type": "all", "all": [ { "type": "prompt_chars", "op": "gt", "value": 400 },
                                              { "type": "not", "not": { "type": "language", "languages": ["de"] } } ] } ] },
                  "then": { "type": "fallback", "chain": ["$cloud-strong", "local-llama"], "on": { "error": true, "ttft_over_ms": 1500 } } },
                { "when": { "type": "regex", "pattern": "refund|order \\\\d+", "ignore_case": true },
                  "then": { "type": "split", "weights": [ { "target": "$cloud-cheap", "weight": 80 }, { "target": "local-llama", "weight": 20 } ], "seed": 7 } },
                { "when": { "type": "similarity", "example_set": "reasoning", "min_similarity": 0.5 },
                  "then": { "type": "route", "target": "$cloud-strong" } },
                { "when": { "type": "metadata", "key": "tier", "value": "free" },
                  "then": { "type": "route", "target": "local-llama" } }
              ],
              "default": { "type": "route", "target": "$cloud-cheap" }
            }
            """;

    @TempDir
    Path dir;

    private Workspace workspace;
    private RoutingViewModel vm;
    private final List<PolicyFileViewModel.NameQuestion> asked = new ArrayList<>();
    private final List<String> askedToSave = new ArrayList<>();

    @BeforeEach
    void setUp() {
        workspace = Workspace.open(dir.resolve("files.switchyard"));
        vm = new RoutingViewModel(new DirectTaskRunner());
        vm.attach(new TestBackend(workspace));
        answerName(null); // the proposed name
        answerSave(UnsavedChoice.CANCEL);
    }

    @AfterEach
    void tearDown() {
        workspace.close();
    }

    private void answerName(String name) {
        vm.files().setAskName(q -> {
            asked.add(q);
            return name == null ? q.proposed() : name;
        });
    }

    private void answerSave(UnsavedChoice choice) {
        vm.files().setAskToSave(q -> {
            askedToSave.add(q);
            return choice;
        });
    }

    private Path file(String name, String body) throws Exception {
        return Files.writeString(dir.resolve(name), body);
    }

    private PolicyStore store() {
        return new PolicyStore(workspace);
    }

    private String status() {
        return vm.versions().statusProperty().get();
    }

    @Test
    void aValidFileBecomesANewPolicyAndOpensInTheDesigner() throws Exception {
        Path f = file("team-policy.json", TEAM);

        vm.files().importFrom(f);

        assertThat(asked).singleElement().satisfies(q -> {
            assertThat(q.fileName()).isEqualTo("team-policy.json");
            assertThat(q.proposed()).isEqualTo("team"); // the name in the file, not the file's
            assertThat(q.consequence("team")).isEqualTo("The file becomes version 1 of a new policy team.");
        });
        PolicyVersion v1 = store().version("team", null);
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.note()).isEqualTo("imported from team-policy.json");
        Policy read = PolicyJson.read(TEAM);
        assertThat(store().load("team")).isEqualTo(read);
        assertThat(vm.designer().policy()).isEqualTo(read);
        assertThat(vm.designer().dirtyProperty().get()).isFalse();
        assertThat(vm.designer().canUndoProperty().get()).isFalse();
        assertThat(vm.designer().problems()).isEmpty();
        assertThat(vm.versions().nameProperty().get()).isEqualTo("team");
        assertThat(vm.versions().policies()).containsExactly("team");
        assertThat(vm.versions().versions()).extracting(VersionsViewModel.VersionRow::version).containsExactly(1);
        assertThat(vm.versions().shownVersionProperty().get()).isEqualTo(1);
        assertThat(status()).isEqualTo("Imported team-policy.json as version 1 of team.");
        assertThat(vm.versions().statusProblemProperty().get()).isFalse();
        assertThat(vm.modeProperty().get()).isEqualTo(RoutingViewModel.Mode.VERSIONS);

        // a file without a name is proposed under the file's name
        vm.files().importFrom(file("night-shift.json", TEAM.replace("\"name\": \"team\",", "")));
        assertThat(asked.get(1).proposed()).isEqualTo("night-shift");
        assertThat(store().load("night-shift").rules()).isEqualTo(read.rules());
    }

    @Test
    void aNameThatExistsBecomesItsNextVersionAndNothingIsOverwritten() throws Exception {
        vm.versions().startNew(null);
        vm.versions().nameProperty().set("team");
        vm.designer().addRule();
        vm.versions().save();
        vm.versions().save();
        String v1 = store().version("team", 1).bodyJson();

        vm.files().importFrom(file("team.json", TEAM));

        PolicyFileViewModel.NameQuestion q = asked.get(0);
        assertThat(q.consequence("team")).isEqualTo(
                "A policy named team exists: the file becomes its version 3; versions 1–2 stay as they are.");
        assertThat(q.consequence(" team-b ")).isEqualTo("The file becomes version 1 of a new policy team-b.");
        assertThat(q.consequence("  ")).isEqualTo("Give the policy a name.");
        assertThat(store().versions("team")).extracting(PolicyVersion::version).containsExactly(1, 2, 3);
        assertThat(store().version("team", 1).bodyJson()).isEqualTo(v1);
        assertThat(store().load("team")).isEqualTo(PolicyJson.read(TEAM));
        assertThat(vm.versions().versions()).extracting(VersionsViewModel.VersionRow::version).containsExactly(3, 2, 1);
        assertThat(status()).isEqualTo("Imported team.json as version 3 of team.");

        // another name typed in the question: a new policy, the file's name replaced by it
        answerName(" team-b ");
        vm.files().importFrom(file("team.json", TEAM));
        assertThat(store().versions("team")).hasSize(3);
        assertThat(store().load("team-b").name()).isEqualTo("team-b");
        assertThat(vm.versions().nameProperty().get()).isEqualTo("team-b");
        assertThat(vm.versions().policies()).containsExactly("team", "team-b");

        // cancelling the name question changes nothing
        vm.files().setAskName(x -> null);
        vm.files().importFrom(file("team.json", TEAM));
        assertThat(store().list()).hasSize(2);
        assertThat(store().versions("team-b")).hasSize(1);
        assertThat(status()).isEqualTo("Import of team.json cancelled: nothing changed.");
    }

    @Test
    void aMalformedFileChangesNothingAndSaysWhatAndWhere() throws Exception {
        vm.versions().startNew(null);
        vm.versions().nameProperty().set("mine");
        vm.designer().addCondition("keywords");
        vm.designer().setConditionField("words", "lights");
        vm.versions().save();
        vm.designer().connect(0, "local-llama"); // an unsaved edit
        Policy edited = vm.designer().policy();

        Map<String, String> files = Map.of(
                "broken.json", "{\n  \"schema_version\": 1,\n  \"rules\": [ { \"then\": } ]\n}",
                "telepathy.json", TEAM.replace("\"has_code\"", "\"telepathy\""),
                "teleport.json", TEAM.replace("\"fallback\"", "\"teleport\""),
                "bad-regex.json", TEAM.replace("refund|order", "refund|(order"),
                "wrong-type.json", TEAM.replace("\"value\": 400", "\"value\": \"many\""),
                "newer.json", TEAM.replace("\"schema_version\": 1", "\"schema_version\": 2"),
                "unknown-field.json", TEAM.replace("\"description\"", "\"x\": 1, \"description\""));
        Map<String, String> expected = Map.of(
                "broken.json", "broken.json was not imported: The policy is not valid JSON: Unexpected character ('}'",
                "telepathy.json", "telepathy.json was not imported: at /rules/1/when/any/0: Unknown condition type \"telepathy\"; "
                        + "a condition's type is one of all, any, budget, complexity, has_code",
                "teleport.json", "teleport.json was not imported: at /rules/1/then: Unknown action type \"teleport\"; "
                        + "an action's type is one of cascade, fallback, route, split",
                "bad-regex.json", "bad-regex.json was not imported: at /rules/2/when/pattern: The regular expression does "
                        + "not compile: Unclosed group",
                "wrong-type.json", "wrong-type.json was not imported: at /rules/1/when/any/1/all/0/value: \"many\" is not "
                        + "a whole number.",
                "newer.json", "newer.json was not imported: at /schema_version: This policy is in a newer format "
                        + "(schema_version 2) than this Switchyard reads (1): open it with a newer Switchyard.",
                "unknown-field.json", "unknown-field.json was not imported: at /x: Unknown field \"x\"");
        for (var e : files.entrySet()) {
            vm.files().importFrom(file(e.getKey(), e.getValue()));
            assertThat(status()).as(e.getKey()).startsWith(expected.get(e.getKey()));
            assertThat(vm.versions().statusProblemProperty().get()).as(e.getKey()).isTrue();
        }
        // the bad JSON's place in the file, the model the workspace lacks
        vm.files().importFrom(dir.resolve("broken.json"));
        assertThat(status()).contains("(line 3, column");
        vm.files().importFrom(dir.resolve("not-there.json"));
        assertThat(status()).isEqualTo("not-there.json was not imported: Cannot read "
                + dir.resolve("not-there.json").toAbsolutePath() + ": the file does not exist.");

        // several problems are listed one a line; a model this workspace lacks is not among them (it does not refuse
        // the file) when the file has problems of its own
        vm.files().importFrom(file("two.json", TEAM.replace("refund|order", "refund|(order").replace("\"weight\": 20",
                "\"weight\": 15").replace("\"local-llama\"", "\"gpt-9\"")));
        assertThat(status()).isEqualTo("two.json was not imported (2 problems):\n• at /rules/2/when/pattern: The regular "
                + "expression does not compile: Unclosed group near index 17.\n• at /rules/2/then/weights: The weights sum to "
                + "95, not 100.");

        assertThat(asked).isEmpty();
        assertThat(askedToSave).isEmpty();
        assertThat(store().list()).extracting(p -> p.name()).containsExactly("mine");
        assertThat(store().versions("mine")).hasSize(1);
        assertThat(vm.designer().policy()).isSameAs(edited);
        assertThat(vm.designer().dirtyProperty().get()).isTrue();
        assertThat(vm.designer().canUndoProperty().get()).isTrue();
        assertThat(vm.versions().nameProperty().get()).isEqualTo("mine");
    }

    /**
     * Problems that only say this workspace lacks a model, a model for a role or an intent set do not refuse a file, as
     * {@code policy save} stores such a draft: it becomes the next version, opens with the problems on its nodes, and
     * the status lists them and says what to add where.
     */
    @Test
    void aFileLackingOnlyThisWorkspacesModelsIsImportedAsADraftWithItsProblems() throws Exception {
        String lacking = TEAM.replace("\"$cloud-strong\", \"local-llama\"", "\"OpenAI/gpt-9\", \"local-llama\"")
                .replace("{ \"type\": \"metadata\", \"key\": \"tier\", \"value\": \"free\" }",
                        "{ \"type\": \"intent\", \"intent_set\": \"office\", \"min_confidence\": 0.6 }");
        vm.versions().startNew(null);
        vm.versions().nameProperty().set("team");
        vm.versions().save(); // version 1, so the file becomes version 2

        vm.files().importFrom(file("team.json", lacking));

        assertThat(store().versions("team")).extracting(PolicyVersion::version).containsExactly(1, 2);
        assertThat(store().load("team")).isEqualTo(PolicyJson.read(lacking));
        assertThat(vm.designer().policy()).isEqualTo(PolicyJson.read(lacking));
        assertThat(vm.designer().dirtyProperty().get()).isFalse();
        assertThat(vm.versions().shownVersionProperty().get()).isEqualTo(2);
        // shown on their nodes as for any draft
        assertThat(vm.designer().problems()).extracting(dev.switchyard.app.routing.Problem::path)
                .containsExactly("/rules/1/then/chain/0", "/rules/4/when/intent_set");
        assertThat(vm.designer().problemsOf("rule:1")).hasSize(1);
        assertThat(vm.designer().problemsOf("rule:4")).hasSize(1);
        assertThat(status()).isEqualTo("Imported team.json as version 2 of team with 2 problems:"
                + "\n• at /rules/1/then/chain/0: No model or role named 'OpenAI/gpt-9' in this workspace."
                + "\n• at /rules/4/when/intent_set: The workspace has no intent set 'office'."
                + "\nAdd the models on the Models screen and the intent sets on the Intent sets screen; the designer marks "
                + "where each problem is.");
        assertThat(vm.versions().statusProblemProperty().get()).isFalse();

        // one problem reads on one line
        vm.files().importFrom(file("solo.json", TEAM.replace("\"name\": \"team\"", "\"name\": \"solo\"")
                .replace("\"$cloud-strong\", \"local-llama\"", "\"OpenAI/gpt-9\", \"local-llama\"")));
        assertThat(status()).isEqualTo("Imported solo.json as version 1 of solo with 1 problem: at /rules/1/then/chain/0: "
                + "No model or role named 'OpenAI/gpt-9' in this workspace. Add the models on the Models screen; the "
                + "designer marks where each problem is.");
    }

    /** A file the same as the latest version of its name adds no identical version: that version opens. */
    @Test
    void aFileTheSameAsTheLatestVersionOpensItInsteadOfAddingACopy() throws Exception {
        Path f = file("team.json", TEAM);
        vm.files().importFrom(f);
        vm.versions().startNew("cascade"); // the designer shows something else

        vm.files().importFrom(f);

        assertThat(asked.get(1).consequence("team"))
                .isEqualTo("Version 1 of team is the same as the file: nothing new is saved, and version 1 opens.");
        assertThat(asked.get(1).consequence("team-b")).isEqualTo("The file becomes version 1 of a new policy team-b.");
        assertThat(store().versions("team")).hasSize(1);
        assertThat(status()).isEqualTo("Same as version 1 of team: nothing new to save from team.json; version 1 is open.");
        assertThat(vm.versions().nameProperty().get()).isEqualTo("team");
        assertThat(vm.versions().shownVersionProperty().get()).isEqualTo(1);
        assertThat(vm.designer().policy()).isEqualTo(PolicyJson.read(TEAM));
        assertThat(vm.designer().dirtyProperty().get()).isFalse();

        // the file's own name does not count: the same rules under another name in the file are still the same policy
        vm.files().importFrom(file("renamed.json", TEAM.replace("\"name\": \"team\"", "\"name\": \"ours\"")));
        assertThat(status()).startsWith("Imported renamed.json as version 1 of ours");
        answerName("team");
        vm.files().importFrom(dir.resolve("renamed.json"));
        assertThat(status()).isEqualTo("Same as version 1 of team: nothing new to save from renamed.json; version 1 is open.");

        // only the latest version counts: once team has a version 2, the file is version 3
        vm.designer().addRule();
        vm.versions().save();
        vm.files().importFrom(f);
        assertThat(store().versions("team")).extracting(PolicyVersion::version).containsExactly(1, 2, 3);
        assertThat(status()).isEqualTo("Imported team.json as version 3 of team.");
    }

    @Test
    void unsavedEditsAreAskedAboutBeforeAnImportReplacesThem() throws Exception {
        vm.versions().startNew(null);
        vm.versions().nameProperty().set("mine");
        vm.designer().addRule();
        vm.versions().save();
        vm.designer().addCondition("has_code");
        Policy edited = vm.designer().policy();
        Path f = file("team.json", TEAM);

        vm.files().importFrom(f); // Cancel
        assertThat(askedToSave).containsExactly("Save changes to mine before opening team.json?");
        assertThat(store().list()).extracting(p -> p.name()).containsExactly("mine");
        assertThat(vm.designer().policy()).isSameAs(edited);
        assertThat(vm.designer().dirtyProperty().get()).isTrue();
        assertThat(status()).isEqualTo("Import of team.json cancelled: your unsaved changes are still in the designer.");

        answerSave(UnsavedChoice.SAVE);
        vm.files().importFrom(f);
        assertThat(store().versions("mine")).hasSize(2);
        assertThat(store().load("mine").rules()).isEqualTo(edited.rules());
        assertThat(store().load("team")).isEqualTo(PolicyJson.read(TEAM));
        assertThat(vm.designer().policy()).isEqualTo(PolicyJson.read(TEAM));

        vm.designer().addRule();
        answerSave(UnsavedChoice.DISCARD);
        vm.files().importFrom(f);
        assertThat(store().versions("team")).hasSize(1); // the same as team version 1: opened, not stored again
        assertThat(vm.designer().policy()).isEqualTo(PolicyJson.read(TEAM));
        assertThat(vm.designer().dirtyProperty().get()).isFalse();
        assertThat(askedToSave).hasSize(3);

        // Save when the name cannot be saved: said in red, in the Versions tab, and nothing is imported
        vm.designer().addRule();
        Policy unnamed = vm.designer().policy();
        vm.versions().nameProperty().set(" ");
        vm.modeProperty().set(RoutingViewModel.Mode.INSPECT);
        answerSave(UnsavedChoice.SAVE);
        vm.files().importFrom(file("other.json", TEAM.replace("\"team\"", "\"other\"")));
        assertThat(askedToSave.get(3)).isEqualTo("Save changes to the new policy before opening other.json?");
        assertThat(status()).isEqualTo("Give the policy a name before saving. Import of other.json cancelled: your unsaved "
                + "changes are still in the designer.");
        assertThat(vm.versions().statusProblemProperty().get()).isTrue();
        assertThat(vm.modeProperty().get()).isEqualTo(RoutingViewModel.Mode.VERSIONS);
        assertThat(vm.designer().policy()).isSameAs(unnamed);
        assertThat(vm.designer().dirtyProperty().get()).isTrue();
        assertThat(store().list()).extracting(p -> p.name()).containsExactly("mine", "team");
    }

    /**
     * Export writes the saved version shown under the name it was saved as: a name typed since is an unsaved edit, not
     * another policy to look up (a name typed that another policy has would export that one).
     */
    @Test
    void aNameTypedSinceTheSaveIsNotExported() throws Exception {
        vm.files().importFrom(file("team.json", TEAM));
        vm.versions().nameProperty().set("team-2");
        Path out = dir.resolve("renamed.json");
        assertThat(vm.files().suggestedFileName()).isEqualTo("team.json");

        vm.files().exportTo(out);

        assertThat(status()).isEqualTo("Exported team version 1 to " + out.toAbsolutePath() + ". Your unsaved changes "
                + "are not in it: save a version to export them.");
        assertThat(PolicyFile.parse(out).policy()).isEqualTo(store().load("team"));
    }

    @Test
    void anExportReadsBackAsTheSamePolicyAndReimportsExactly() throws Exception {
        vm.files().importFrom(file("team.json", TEAM));
        Path out = dir.resolve("out/team-export.json");
        assertThat(vm.files().suggestedFileName()).isEqualTo("team.json");

        vm.files().exportTo(out);

        assertThat(status()).isEqualTo("Exported team version 1 to " + out.toAbsolutePath() + ".");
        assertThat(PolicyFile.parse(out).policy()).isEqualTo(store().load("team"));
        assertThat(Files.readString(out)).isEqualTo(store().version("team", 1).bodyJson() + System.lineSeparator());
        try (var left = Files.list(out.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("team-export.json"); // no .part left
        }

        // importing it back finds the same policy: nothing new to save, version 1 stays the latest and opens
        vm.files().importFrom(out);
        assertThat(asked.get(1).consequence("team"))
                .isEqualTo("Version 1 of team is the same as the file: nothing new is saved, and version 1 opens.");
        assertThat(store().versions("team")).hasSize(1);
        assertThat(status()).isEqualTo("Same as version 1 of team: nothing new to save from team-export.json; version 1 is open.");
        assertThat(vm.versions().shownVersionProperty().get()).isEqualTo(1);
        assertThat(vm.designer().policy()).isEqualTo(store().load("team"));

        // unsaved edits: the saved version shown is written, and the status says the edits are not in it
        vm.designer().addRule();
        vm.files().exportTo(out);
        assertThat(PolicyFile.parse(out).policy()).isEqualTo(store().load("team"));
        assertThat(status()).endsWith("Your unsaved changes are not in it: save a version to export them.");

        // an older version restored is the one shown and exported (the edit discarded when asked)
        vm.designer().addRule();
        vm.versions().save();
        answerSave(UnsavedChoice.DISCARD);
        vm.designer().addRule();
        vm.versions().restore(1);
        vm.files().exportTo(out);
        assertThat(status()).startsWith("Exported team version 3 to ");

        // a policy never saved has no version to export
        vm.versions().startNew("cascade");
        vm.files().exportTo(dir.resolve("nothing.json"));
        assertThat(status()).isEqualTo("Save a version first: Export writes a saved version of the policy, and cascade-copy has none yet.");
        assertThat(vm.versions().statusProblemProperty().get()).isTrue();
        assertThat(dir.resolve("nothing.json")).doesNotExist();
    }

    /** The CLI's {@code policy validate} accepts an export of a real workspace, and {@code policy save} stores it equal. */
    @Test
    void theCliValidatesAndSavesAnExportedFile() throws Exception {
        workspace.close();
        Path wsFile = dir.resolve("real.switchyard");
        try (AppContext app = new AppContext(Map.<String, String>of()::get, Clock.systemUTC())) {
            workspace = Workspace.open(wsFile);
            app.prepare(workspace);
            vm = new RoutingViewModel(new DirectTaskRunner());
            vm.attach(new WorkspaceDesignerBackend(app, workspace));
            answerName("home");
            vm.files().importFrom(file("home.json", """
                    {"schema_version": 1, "rules": [
                      {"name": "device", "when": {"type": "intent", "intent_set": "smart-home", "min_confidence": 0.6},
                       "then": {"type": "route", "target": "intent:smart-home"}}],
                     "default": {"type": "route", "target": "intent:customer-support"}}
                    """));
            assertThat(status()).isEqualTo("Imported home.json as version 1 of home.");
            Path out = dir.resolve("home-export.json");
            vm.files().exportTo(out);

            CliRunner.Result validated = CliRunner.run("policy", "validate", out.toString(), "-w", wsFile.toString());
            assertThat(validated.code()).as(validated.out() + validated.err()).isZero();
            assertThat(validated.out()).contains("no problems");
            CliRunner.Result saved = CliRunner.run("policy", "save", out.toString(), "--name", "home-cli", "-w", wsFile.toString());
            assertThat(saved.code()).as(saved.out() + saved.err()).isZero();
            assertThat(store().load("home-cli").rules()).isEqualTo(store().load("home").rules());
            assertThat(store().load("home-cli").defaultAction()).isEqualTo(store().load("home").defaultAction());
        }
    }
}
