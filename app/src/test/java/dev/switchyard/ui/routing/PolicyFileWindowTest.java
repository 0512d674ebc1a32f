package dev.switchyard.ui.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.cli.CliRunner;
import dev.switchyard.app.routing.PolicyFile;
import dev.switchyard.app.routing.PolicyJson;
import dev.switchyard.app.routing.PolicyStore;
import dev.switchyard.ui.AppWindow;
import dev.switchyard.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window under Xvfb on a fresh workspace (its default "tiered" policy in the designer): New → From a file… of
 * a policy file with an unknown condition says what and where and changes nothing; the Versions tab's Import… of a
 * good file proposes its name,
 * says what a typed name will do, asks about the designer's unsaved edit (Cancel keeps it, Discard goes on) and opens
 * the new version; Export… writes a file the CLI's {@code policy validate} accepts, whose import finds the same version
 * and saves nothing new; a tiered policy naming roles this workspace has no model for imports as a draft, its problems
 * listed in the status and marked on the canvas.
 * With {@code -Ddesigner.shots=<dir>} it saves screenshots (X11 {@code import}).
 */
class PolicyFileWindowTest {

    private static final String TEAM = """
            {
              "schema_version": 1,
              "name": "team",
              "rules": [
                { "name": "device command", "when": { "type": "intent", "intent_set": "smart-home", "min_confidence": 0.6 },
                  "then": { "type": "route", "target": "intent:smart-home" } },
                { "name": "orders", "when": { "type": "keywords", "words": ["order", "refund"] },
                  "then": { "type": "route", "target": "intent:customer-support" } }
              ],
              "default": { "type": "route", "target": "intent:customer-support" }
            }
            """;

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private javafx.application.Application app;
    private Path workspace;

    @BeforeEach
    void start() throws Exception {
        workspace = dir.resolve("files.switchyard");
        app = AppWindow.open(robot, workspace);
        AppWindow.resize(1280, 860);
    }

    @AfterEach
    void stop() throws Exception {
        AppWindow.close(app);
    }

    @Test
    void importsAPolicyFileAsANewVersionAndExportsOneTheCliAccepts() throws Exception {
        Path team = Files.writeString(dir.resolve("team.json"), TEAM);
        Path bad = Files.writeString(dir.resolve("team-bad.json"), TEAM.replace("\"keywords\"", "\"telepathy\""));
        Path exported = dir.resolve("shared/team-export.json");
        AtomicReference<Path> toImport = new AtomicReference<>(bad);
        AtomicReference<String> suggested = new AtomicReference<>();
        AppWindow.click(robot, "#nav-routing");
        AppWindow.waitUntil(10, () -> robot.lookup("#rule-node-2").tryQuery().isPresent());
        RoutingScreen screen = AppWindow.onFx(() -> (RoutingScreen) robot.lookup("#routing-screen").query().getUserData());
        robot.interact(() -> screen.setFileChoosers((owner, title, name, ext) -> {
            suggested.set(name);
            return exported;
        }, owner -> toImport.get()));

        // an edit not saved yet: a fourth rule
        AppWindow.click(robot, "#palette-rule");
        AppWindow.waitUntil(5, () -> robot.lookup("#rule-node-3").tryQuery().isPresent() && dirtyShown());

        // a file with an unknown condition, from the toolbar's New menu: the Versions tab says what and where, in red;
        // nothing changes
        AppWindow.click(robot, "#policy-new");
        AppWindow.click(robot, "From a file…");
        AppWindow.waitUntil(10, () -> status().startsWith("team-bad.json was not imported"));
        shot("import-refused");
        assertThat(status()).isEqualTo("team-bad.json was not imported: at /rules/1/when: Unknown condition type "
                + "\"telepathy\"; a condition's type is one of all, any, budget, complexity, has_code, intent, keywords, "
                + "language, metadata, network, not, prompt_chars, prompt_tokens, regex, similarity (ROUTING.md).");
        assertThat(selectedTab()).isEqualTo("tab-versions");
        assertThat(AppWindow.onFx(() -> robot.lookup("#version-status").query().getStyleClass())).contains("problem-text");
        assertThat(dialogShown()).isFalse();
        assertThat(field("#policy-name")).isEqualTo("tiered");
        assertThat(robot.lookup("#rule-node-3").tryQuery()).isPresent();
        assertThat(dirtyShown()).isTrue();
        assertThat(savedPolicies()).containsExactly("tiered");
        // in the default 1100 x 720 window the sentence, the buttons and the version list still read whole
        AppWindow.resize(1100, 720);
        assertThat(AppWindow.cutTexts(robot, "#versions-panel")).isEmpty();
        assertThat(AppWindow.withinWindow(robot, "#policy-export")).isTrue();
        assertThat(AppWindow.onFx(() -> robot.lookup("#version-list").queryAs(javafx.scene.layout.Region.class).getHeight()))
                .isGreaterThan(100);
        AppWindow.resize(1280, 860);

        // a good file: its name proposed, and what another name would do
        toImport.set(team);
        AppWindow.click(robot, "#policy-import");
        AppWindow.waitUntil(10, () -> dialogShown() || status().startsWith("team.json"));
        assertThat(dialogShown()).as(status()).isTrue();
        assertThat(dialogHeader()).isEqualTo("Import team.json as the policy");
        assertThat(AppWindow.onFx(() -> ((TextField) dialog().lookup("#ask-text-field")).getText())).isEqualTo("team");
        assertThat(consequence()).isEqualTo("The file becomes version 1 of a new policy team.");
        typeName("tiered");
        AppWindow.waitUntil(5, () -> consequence().equals(
                "A policy named tiered exists: the file becomes its version 2; version 1 stays as it is."));
        shot("import-name");
        typeName("team");
        answer("Import");
        // the designer's unsaved edit is asked about; Cancel keeps it and imports nothing
        AppWindow.waitUntil(10, () -> dialogShown() && dialogHeader().equals("Save changes to tiered before opening team.json?"));
        answer("Cancel");
        AppWindow.waitUntil(10, () -> status().equals("Import of team.json cancelled: your unsaved changes are still in the designer."));
        assertThat(robot.lookup("#rule-node-3").tryQuery()).isPresent();
        assertThat(savedPolicies()).containsExactly("tiered");

        // again, Discard: the file is version 1 of "team", open in the designer
        AppWindow.click(robot, "#policy-import");
        AppWindow.waitUntil(10, this::dialogShown);
        answer("Import");
        AppWindow.waitUntil(10, () -> dialogShown() && dialogHeader().startsWith("Save changes to tiered"));
        answer("Discard");
        AppWindow.waitUntil(10, () -> status().equals("Imported team.json as version 1 of team."));
        shot("imported");
        assertThat(dialogShown()).isFalse();
        assertThat(field("#policy-name")).isEqualTo("team");
        assertThat(dirtyShown()).isFalse();
        assertThat(robot.lookup("#rule-node-1").tryQuery()).isPresent();
        assertThat(robot.lookup("#rule-node-2").tryQuery()).isEmpty();
        assertThat(AppWindow.onFx(() -> robot.lookup("#rule-node-0").query().lookupAll(".node-title").stream()
                .map(n -> ((Label) n).getText()).toList())).contains("device command");
        assertThat(versionRows()).singleElement().asString().startsWith("v1 · ").endsWith(" · imported from team.json");
        assertThat(AppWindow.onFx(() -> robot.lookup("#version-status").query().getStyleClass())).doesNotContain("problem-text");
        assertThat(savedPolicies()).containsExactly("team", "tiered");

        // Export: the file the CLI validates, the same policy
        AppWindow.click(robot, "#policy-export");
        AppWindow.waitUntil(10, () -> status().startsWith("Exported team version 1 to "));
        assertThat(status()).isEqualTo("Exported team version 1 to " + exported.toAbsolutePath() + ".");
        assertThat(suggested.get()).isEqualTo("team.json");
        assertThat(PolicyFile.parse(exported).policy()).isEqualTo(PolicyJson.read(TEAM));
        CliRunner.Result validated = CliRunner.run("policy", "validate", exported.toString(), "-w", workspace.toString());
        assertThat(validated.code()).as(validated.out() + validated.err()).isZero();

        // importing it back finds version 1 the same: nothing new is saved, version 1 stays open
        toImport.set(exported);
        AppWindow.click(robot, "#policy-import");
        AppWindow.waitUntil(10, this::dialogShown);
        assertThat(consequence())
                .isEqualTo("Version 1 of team is the same as the file: nothing new is saved, and version 1 opens.");
        answer("Import");
        AppWindow.waitUntil(10, () -> status().equals(
                "Same as version 1 of team: nothing new to save from team-export.json; version 1 is open."));
        assertThat(versionRows()).hasSize(1);
        try (Workspace ws = Workspace.open(workspace)) {
            assertThat(new PolicyStore(ws).versions("team")).hasSize(1);
        }

        // the tiered policy of a workspace with cloud models: this fresh one has none for its two roles, which does not
        // refuse the file — it is version 2 of tiered, open with the two problems marked on the canvas
        Path shared = dir.resolve("tiered-shared.json");
        Files.writeString(shared, TIERED_ELSEWHERE);
        toImport.set(shared);
        AppWindow.click(robot, "#policy-import");
        AppWindow.waitUntil(10, this::dialogShown);
        assertThat(consequence())
                .isEqualTo("A policy named tiered exists: the file becomes its version 2; version 1 stays as it is.");
        answer("Import");
        AppWindow.waitUntil(10, () -> status().startsWith("Imported tiered-shared.json as version 2 of tiered with 2 problems:"));
        shot("imported-draft");
        assertThat(status()).contains("\n• at /rules/2/then/target: No model for the role $cloud-strong: ",
                "\n• at /default/target: No model for the role $cloud-cheap: ",
                "\nAdd the models on the Models screen; the designer marks where each problem is.");
        assertThat(field("#policy-name")).isEqualTo("tiered");
        assertThat(dirtyShown()).isFalse();
        AppWindow.waitUntil(10, () -> robot.lookup("#rule-node-2 .problem-badge").tryQuery().isPresent()
                && robot.lookup("#default-node .problem-badge").tryQuery().isPresent());
        assertThat(robot.lookup("#rule-node-0 .problem-badge").tryQuery()).isEmpty();
        assertThat(versionRows()).hasSize(2);
    }

    /** The shipped tiered policy with a team's description: what another workspace's tiered, exported, reads as. */
    private static final String TIERED_ELSEWHERE = """
            {
              "schema_version": 1,
              "name": "tiered",
              "description": "Ours: device commands and FAQs on the device, the rest to the cloud.",
              "rules": [
                { "name": "device command", "when": { "type": "intent", "intent_set": "smart-home", "min_confidence": 0.6 },
                  "then": { "type": "route", "target": "intent:smart-home" } },
                { "name": "support FAQ", "when": { "type": "intent", "intent_set": "customer-support", "min_confidence": 0.6 },
                  "then": { "type": "route", "target": "intent:customer-support" } },
                { "name": "complex question", "when": { "type": "any", "any": [
                    { "type": "complexity", "op": "ge", "value": 0.6 }, { "type": "has_code", "value": true } ] },
                  "then": { "type": "route", "target": "$cloud-strong" } }
              ],
              "default": { "type": "route", "target": "$cloud-cheap" }
            }
            """;

    private String status() {
        return AppWindow.label(robot, "#version-status");
    }

    private boolean dirtyShown() throws Exception {
        return AppWindow.onFx(() -> robot.lookup(".dirty-marker").query().isVisible());
    }

    private String selectedTab() throws Exception {
        return AppWindow.onFx(() -> robot.lookup("#routing-tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId());
    }

    private String field(String query) throws Exception {
        return AppWindow.onFx(() -> robot.lookup(query).queryAs(TextField.class).getText());
    }

    private java.util.List<String> savedPolicies() throws Exception {
        return AppWindow.onFx(() -> java.util.List.copyOf(robot.lookup("#policy-open").queryAs(javafx.scene.control.ComboBox.class)
                .getItems().stream().map(String::valueOf).sorted().toList()));
    }

    private java.util.List<String> versionRows() throws Exception {
        return AppWindow.onFx(() -> ((ListView<?>) robot.lookup("#version-list").query()).getItems().stream()
                .map(String::valueOf).toList());
    }

    /** The dialog shown (looked up on the FX thread through the windows: a robot lookup there misses it), or null. */
    private static DialogPane dialog() {
        return javafx.stage.Window.getWindows().stream().filter(javafx.stage.Window::isShowing)
                .map(w -> w.getScene() == null ? null : w.getScene().getRoot().lookup(".dialog-pane"))
                .filter(n -> n instanceof DialogPane).map(n -> (DialogPane) n).findFirst().orElse(null);
    }

    private boolean dialogShown() throws Exception {
        return AppWindow.onFx(() -> dialog() != null);
    }

    private String dialogHeader() throws Exception {
        return AppWindow.onFx(() -> dialog() == null ? "" : dialog().getHeaderText());
    }

    /** Types {@code name} over the name question's field, as a user does. */
    private void typeName(String name) throws Exception {
        robot.clickOn(AppWindow.onFx(() -> dialog().lookup("#ask-text-field")));
        robot.push(KeyCode.CONTROL, KeyCode.A).write(name);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** What the name question says the typed name will do. */
    private String consequence() throws Exception {
        return AppWindow.onFx(() -> dialog() == null ? "" : ((Label) dialog().lookup("#ask-text-consequence")).getText());
    }

    private void answer(String button) throws Exception {
        Node b = AppWindow.onFx(() -> dialog().getButtonTypes().stream().filter(t -> t.getText().equals(button))
                .map(t -> dialog().lookupButton(t)).findFirst().orElseThrow());
        robot.clickOn(b);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shot(String name) throws Exception {
        AppWindow.shot(System.getProperty("designer.shots"), name);
    }
}
