package dev.switchyard.ui.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.routing.Policy;
import dev.switchyard.app.routing.PolicyJson;
import dev.switchyard.ui.AppWindow;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window under Xvfb: builds a three-rule policy on the canvas from scratch through the palette
 * and the inspector, saves it, and routes a prompt with it in the test panel. With
 * {@code -Ddesigner.shots=<dir>} it also saves screenshots of the screen (X11 {@code import}).
 */
class DesignerWindowTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private javafx.application.Application app;
    private Stage stage;

    @BeforeEach
    void start() throws Exception {
        app = AppWindow.open(robot, dir.resolve("designer.switchyard"));
        stage = FxToolkit.toolkitContext().getRegisteredStage();
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1280);
            stage.setHeight(860);
        });
    }

    @AfterEach
    void stop() throws Exception {
        AppWindow.close(app);
    }

    /** At the default window size the toolbar and the palette read whole; a 1000 px window puts the version note and Save on a line of their own. */
    @Test
    void toolbarAndPaletteReadWholeAtTheDefaultSizeAndWrapWhenNarrower() throws Exception {
        AppWindow.click(robot, "#nav-routing");
        AppWindow.waitUntil(10, () -> robot.lookup("#rule-node-0").tryQuery().isPresent());
        AppWindow.resize(1100, 720);
        assertThat(AppWindow.cutTexts(robot, "#routing-toolbar")).isEmpty();
        assertThat(AppWindow.cutTexts(robot, ".palette")).isEmpty();
        assertThat(AppWindow.onFx(() -> ((dev.switchyard.ui.WrapRow) robot.lookup("#routing-toolbar").query())
                .stacked(robot.lookup("#routing-toolbar").query().getLayoutBounds().getWidth()))).isFalse();

        AppWindow.resize(1000, 700);
        assertThat(AppWindow.cutTexts(robot, "#routing-toolbar")).isEmpty();
        assertThat(AppWindow.withinWindow(robot, "#save-policy")).isTrue();
        assertThat(AppWindow.withinWindow(robot, "#routing-tabs")).isTrue();

        // the Versions tab in a short window: the list keeps room for its rows, Diff with nothing selected says why,
        // and its status line follows the dark theme
        AppWindow.resize(1100, 720);
        AppWindow.click(robot, "#tab-versions");
        assertThat(AppWindow.onFx(() -> robot.lookup("#version-list").queryAs(Region.class).getHeight()))
                .isGreaterThan(120);
        AppWindow.click(robot, "#version-diff");
        AppWindow.waitUntil(5, () -> AppWindow.label(robot, "#version-status").equals("Select one or two versions to diff."));
        AppWindow.click(robot, "View");
        AppWindow.click(robot, "Dark theme");
        AppWindow.waitUntil(5, () -> AppWindow.onFx(() -> robot.lookup("#version-status").queryAs(Label.class)
                .getTextFill().equals(javafx.scene.paint.Color.web("#e6edf3"))));
        // so do its fields and lists (Modena's white stayed before)
        for (String dark : new String[] {"#version-list", "#policy-name"}) {
            AppWindow.waitUntil(5, () -> AppWindow.onFx(() -> {
                javafx.scene.layout.Background bg = robot.lookup(dark).queryAs(Region.class).getBackground();
                javafx.scene.paint.Paint inner = bg.getFills().get(bg.getFills().size() - 1).getFill();
                return inner instanceof javafx.scene.paint.Color c && c.getBrightness() < 0.3;
            }));
        }
    }

    /**
     * The walkthrough's findings on the default "tiered" policy, at 1100x720 and 1600x1000: model names on the canvas
     * read whole, "● unsaved" goes when undo brings the saved policy back, Move up / Move down are off where the rule
     * cannot move, a validation sentence uses the form's words, and the test panel's tables keep room for their rows.
     */
    @Test
    void theDesignerReadsWholeAndSaysWhatTheUserSees() throws Exception {
        AppWindow.click(robot, "#nav-routing");
        AppWindow.waitUntil(10, () -> robot.lookup("#rule-node-2").tryQuery().isPresent());
        for (double[] size : new double[][] {{1100, 720}, {1600, 1000}}) {
            AppWindow.resize(size[0], size[1]);
            shot("walkthrough-canvas-" + (int) size[0]);
            // the model column: "intent:customer-support" was cut to "intent:customer-s…"; it takes two lines now
            assertThat(AppWindow.cutTexts(robot, ".target-node")).isEmpty();
            assertThat(AppWindow.onFx(() -> robot.lookup(".target-node").queryAll().stream()
                    .filter(n -> "intent:customer-support".equals(n.getUserData()))
                    .map(n -> ((Label) n.lookup(".node-title")).getText()).findFirst().orElseThrow()))
                    .isEqualTo("intent:customer-\nsupport");
            // and a rule's text cut to fit its node shows whole on hover
            assertThat(AppWindow.onFx(() -> robot.lookup("#policy-canvas").query().lookupAll(".rule-node .label")
                    .stream().map(n -> (Label) n).filter(l -> !l.getStyleClass().contains("rule-number") && !l.getStyleClass().contains("problem-badge"))
                    .filter(l -> l.getTooltip() == null || !l.getTooltip().getText().contains(l.getText()))
                    .map(Label::getText).toList())).isEmpty();
        }
        AppWindow.resize(1100, 720);

        // unsaved, then undone back to the saved policy: the marker goes
        Node dirty = robot.lookup(".dirty-marker").query();
        assertThat(dirty.isVisible()).isFalse();
        AppWindow.click(robot, "#rule-node-0");
        replace("#rule-name", "lights and plugs");
        assertThat(dirty.isVisible()).isTrue();
        AppWindow.click(robot, "#undo");
        assertThat(dirty.isVisible()).as("undone back to the saved policy").isFalse();

        // rule 1 cannot move up, the last rule not down
        AppWindow.click(robot, "#rule-node-0");
        assertThat(robot.lookup("#rule-up").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#rule-down").queryButton().isDisabled()).isFalse();
        AppWindow.click(robot, "#rule-node-2");
        assertThat(robot.lookup("#rule-down").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#rule-up").queryButton().isDisabled()).isFalse();

        // a bad confidence: the sentence names the field as the form does
        AppWindow.click(robot, "#rule-node-0");
        AppWindow.click(robot, "#cond-");
        replace("#field-min_confidence", "1.5");
        AppWindow.waitUntil(10, () -> !robot.lookup("#inspector-problems").queryAs(javafx.scene.layout.VBox.class)
                .getChildren().isEmpty());
        String problem = AppWindow.onFx(() -> ((Label) robot.lookup("#inspector-problems").queryAs(
                javafx.scene.layout.VBox.class).getChildren().get(0)).getText());
        assertThat(problem).startsWith("Min confidence must be between 0 and 1").doesNotContain("min_confidence");
        assertThat(AppWindow.onFx(() -> robot.lookup("#inspector").query().lookupAll(".field-label").stream()
                .map(n -> ((Label) n).getText()).toList())).contains("min confidence");
        shot("walkthrough-problem");
        AppWindow.click(robot, "#undo");

        // the test panel at 1100x720: the trace and the features keep their columns and a few rows in view
        AppWindow.click(robot, "#tab-test");
        AppWindow.click(robot, "#test-prompt").write("please turn on the kitchen lights");
        AppWindow.click(robot, "#test-route");
        AppWindow.waitUntil(30, () -> AppWindow.label(robot, "#test-decision").startsWith("rule"));
        for (double[] size : new double[][] {{1100, 720}, {1600, 1000}}) {
            AppWindow.resize(size[0], size[1]);
            shot("walkthrough-test-" + (int) size[0]);
            assertThat(AppWindow.cutTexts(robot, "#test-trace")).isEmpty();
            assertThat(AppWindow.cutTexts(robot, "#test-features")).isEmpty();
            assertThat(AppWindow.onFx(() -> robot.lookup("#test-trace").queryAs(Region.class).getHeight()))
                    .isGreaterThanOrEqualTo(150);
            assertThat(AppWindow.onFx(() -> robot.lookup("#test-features").queryAs(Region.class).getHeight()))
                    .isGreaterThanOrEqualTo(110);
            assertThat(AppWindow.withinWindow(robot, "#test-trace")).isTrue();
            for (String table : new String[] {"#test-trace", "#test-features"}) {
                // every column in view: none pushed past the table's right edge
                assertThat(AppWindow.onFx(() -> {
                    Node t = robot.lookup(table).query();
                    double right = t.localToScene(t.getLayoutBounds()).getMaxX();
                    return t.lookupAll(".column-header").stream()
                            .filter(h -> h instanceof javafx.scene.control.skin.TableColumnHeader)
                            .filter(h -> h.localToScene(h.getLayoutBounds()).getMaxX() > right + 0.5).count();
                })).as(table).isZero();
            }
        }
    }

    @Test
    void buildsAThreeRulePolicyOnTheCanvasSavesItAndRoutesAPrompt() throws Exception {
        AppWindow.waitUntil(20, () -> robot.lookup("#status-message").queryAs(Label.class).getText().contains("is open"));
        AppWindow.click(robot, "#nav-routing");
        AppWindow.waitUntil(10, () -> robot.lookup("#rule-node-0").tryQuery().isPresent());
        shot("01-default-policy");

        AppWindow.click(robot, "#policy-new");

        AppWindow.click(robot, "#new-empty");
        AppWindow.waitUntil(5, () -> robot.lookup("#rule-node-0").tryQuery().isEmpty());
        replace("#policy-name", "three-rules");

        // rule 1: keywords "lights, kitchen" -> the smart-home intent model
        AppWindow.click(robot, "#palette-keywords");
        replace("#field-words", "lights, kitchen");
        replace("#field-target", "intent:smart-home");
        replace("#rule-name", "home lights");
        // rule 2: has code -> the strong cloud role
        AppWindow.click(robot, "#prompt-node");
        AppWindow.click(robot, "#palette-has-code");
        replace("#field-target", "$cloud-strong");
        // rule 3: more than 400 characters -> fallback from the strong role to the cheap one
        AppWindow.click(robot, "#prompt-node");
        AppWindow.click(robot, "#palette-prompt-chars");
        replace("#field-value", "400");
        AppWindow.click(robot, "#palette-action-fallback");
        replace("#field-chain", "$cloud-strong, $cloud-cheap");
        AppWindow.click(robot, "#rule-node-0");
        assertThat(robot.lookup("#rule-node-2").tryQuery()).isPresent();
        shot("02-three-rules");

        replace("#save-note", "three rules from scratch");
        AppWindow.click(robot, "#save-policy");
        AppWindow.waitUntil(10, () -> !robot.lookup("#version-list")
                .queryAs(ListView.class).getItems().isEmpty());
        VersionsViewModel.VersionRow v1 = (VersionsViewModel.VersionRow) robot.lookup("#version-list")
                .queryAs(ListView.class).getItems().get(0);
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.note()).isEqualTo("three rules from scratch");

        AppWindow.click(robot, "#tab-test");
        AppWindow.click(robot, "#test-prompt").write("please turn on the kitchen lights");
        AppWindow.click(robot, "#test-route");
        AppWindow.waitUntil(20, () -> robot.lookup("#test-decision").queryAs(Label.class)
                .getText().startsWith("rule"));
        assertThat(robot.lookup("#test-decision").queryAs(Label.class).getText())
                .isEqualTo("rule 1 · home lights → route intent:smart-home");
        assertThat(robot.lookup("#rule-node-0").query().getStyleClass()).contains("hit");
        shot("03-routed");

        try (var ws = dev.switchyard.workspace.Workspace.open(dir.resolve("designer.switchyard"))) {
            Policy saved = PolicyJson.read(new dev.switchyard.app.routing.PolicyStore(ws).version("three-rules", 1).bodyJson());
            assertThat(saved.rules()).hasSize(3);
            assertThat(PolicyJson.write(saved)).contains("\"lights\"", "\"has_code\"", "\"prompt_chars\"", "\"fallback\"");
        }

        AppWindow.click(robot, "#tab-versions");
        shot("04-versions");

        AppWindow.click(robot, "#rule-node-2");
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        assertThat(robot.lookup("#rule-node-2").queryAs(javafx.scene.layout.Region.class).lookupAll(".node-detail").stream()
                .map(n -> ((Label) n).getText()).toList()).contains("fallback $cloud-cheap → $cloud-strong");
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        assertThat(robot.lookup("#rule-node-2").queryAs(javafx.scene.layout.Region.class).lookupAll(".node-detail").stream()
                .map(n -> ((Label) n).getText()).toList()).contains("fallback $cloud-strong → $cloud-cheap");

        // drag rule 3 to the top, then undo with the toolbar button
        robot.drag("#rule-node-2").dropTo("#rule-node-0");
        assertThat(text("#rule-node-0", ".node-condition")).isEqualTo("if characters > 400");
        AppWindow.click(robot, "#undo");
        assertThat(text("#rule-node-0", ".node-condition")).isEqualTo("if mentions lights or kitchen");
        // connect rule 2 to the smart-home model by dragging its port onto the model node
        Node smartHome = robot.lookup(".target-node").match(n -> "intent:smart-home".equals(n.getUserData())).query();
        robot.drag("#port-1").dropTo(smartHome);
        assertThat(text("#rule-node-1", ".node-detail")).isEqualTo("route → intent:smart-home");
    }

    private String text(String node, String part) {
        return ((Label) robot.lookup(node).query().lookup(part)).getText();
    }

    private void replace(String query, String text) {
        Node node = robot.lookup(query).query();
        robot.clickOn(node);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shot(String name) throws Exception {
        AppWindow.shot(System.getProperty("designer.shots"), name);
    }
}
