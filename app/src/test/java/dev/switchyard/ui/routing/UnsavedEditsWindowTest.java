package dev.switchyard.ui.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.routing.PolicyStore;
import dev.switchyard.ui.AppWindow;
import dev.switchyard.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window under Xvfb on a fresh workspace (its default "tiered" policy in the designer), with a rule added and
 * not saved: another screen and back keeps the edit; the toolbar's New (a template, the empty policy) and Open saved…
 * ask "Save changes to … before …?" — Cancel keeps the edit, Discard replaces it, Save stores it as the next version and
 * then replaces it. With {@code -Ddesigner.shots=<dir>} it saves screenshots (X11 {@code import}).
 */
class UnsavedEditsWindowTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private javafx.application.Application app;
    private Path workspace;

    @BeforeEach
    void start() throws Exception {
        workspace = dir.resolve("unsaved.switchyard");
        app = AppWindow.open(robot, workspace);
        AppWindow.resize(1280, 860);
    }

    @AfterEach
    void stop() throws Exception {
        AppWindow.close(app);
    }

    @Test
    void newAndOpenSavedAskBeforeReplacingUnsavedEdits() throws Exception {
        AppWindow.click(robot, "#nav-routing");
        AppWindow.waitUntil(10, () -> robot.lookup("#rule-node-2").tryQuery().isPresent());
        AppWindow.click(robot, "#palette-rule"); // an edit not saved yet: a fourth rule
        AppWindow.waitUntil(5, () -> ruleShown(3) && dirtyShown());

        // another screen and back: the edit is still there, still unsaved
        AppWindow.click(robot, "#nav-history");
        AppWindow.waitUntil(10, () -> robot.lookup("#routing-screen").tryQuery().isEmpty());
        AppWindow.click(robot, "#nav-routing");
        AppWindow.waitUntil(10, () -> ruleShown(3));
        assertThat(dirtyShown()).isTrue();
        assertThat(name()).isEqualTo("tiered");

        // New → a template: Cancel keeps the edit
        AppWindow.click(robot, "#policy-new");
        AppWindow.click(robot, "#new-template-cascade");
        AppWindow.waitUntil(10, () -> header().equals("Save changes to tiered before starting a policy from the cascade template?"));
        shot("unsaved-question");
        answer("Cancel");
        assertThat(dialogShown()).isFalse();
        assertThat(ruleShown(3)).isTrue();
        assertThat(dirtyShown()).isTrue();
        assertThat(name()).isEqualTo("tiered");

        // Open saved… → tiered (the policy shown): Cancel keeps the edit too
        openSaved("tiered");
        AppWindow.waitUntil(10, () -> header().equals("Save changes to tiered before opening tiered?"));
        answer("Cancel");
        assertThat(ruleShown(3)).isTrue();
        assertThat(dirtyShown()).isTrue();

        // New → Empty policy: Discard replaces the edit, nothing is saved
        AppWindow.click(robot, "#policy-new");
        AppWindow.click(robot, "#new-empty");
        AppWindow.waitUntil(10, () -> header().equals("Save changes to tiered before starting a new empty policy?"));
        answer("Discard");
        AppWindow.waitUntil(10, () -> !ruleShown(0) && name().equals("untitled"));
        assertThat(dirtyShown()).isFalse();
        assertThat(versions("tiered")).isEqualTo(1);

        // a rule on the new policy, named "mine"; Open saved… → tiered: Save stores "mine", then tiered opens
        AppWindow.click(robot, "#palette-rule");
        AppWindow.waitUntil(5, () -> ruleShown(0) && dirtyShown());
        replace("#policy-name", "mine");
        openSaved("tiered");
        AppWindow.waitUntil(10, () -> header().equals("Save changes to mine before opening tiered?"));
        answer("Save");
        AppWindow.waitUntil(10, () -> name().equals("tiered") && ruleShown(2) && !ruleShown(3));
        assertThat(dirtyShown()).isFalse();
        assertThat(savedPolicies()).containsExactly("mine", "tiered");
        try (Workspace ws = Workspace.open(workspace)) {
            assertThat(new PolicyStore(ws).versions("mine")).hasSize(1);
            assertThat(new PolicyStore(ws).load("mine").rules()).hasSize(1);
        }

        // New → a template with tiered edited: Save stores tiered version 2, then the template opens
        AppWindow.click(robot, "#palette-rule");
        AppWindow.waitUntil(5, () -> ruleShown(3) && dirtyShown());
        AppWindow.click(robot, "#policy-new");
        AppWindow.click(robot, "#new-template-cascade");
        AppWindow.waitUntil(10, () -> header().equals("Save changes to tiered before starting a policy from the cascade template?"));
        answer("Save");
        AppWindow.waitUntil(10, () -> name().equals("cascade-copy"));
        assertThat(dirtyShown()).isFalse();
        assertThat(ruleShown(3)).isFalse();
        assertThat(versions("tiered")).isEqualTo(2);
        try (Workspace ws = Workspace.open(workspace)) {
            assertThat(new PolicyStore(ws).load("tiered").rules()).hasSize(4);
        }
    }

    /**
     * Only the policy's name changed in the toolbar: "● unsaved" shows, New asks "Save changes to tiered-v2 …?", and
     * File → Quit asks "Leave without saving?" naming the renamed policy; Cancel keeps the window and the name. Typing the
     * saved name back is no change.
     */
    @Test
    void aRenameAloneIsAskedAboutAndNamedOnQuit() throws Exception {
        AppWindow.click(robot, "#nav-routing");
        AppWindow.waitUntil(10, () -> robot.lookup("#rule-node-2").tryQuery().isPresent() && name().equals("tiered"));
        assertThat(dirtyShown()).isFalse();
        replace("#policy-name", "tiered-v2");
        AppWindow.waitUntil(5, this::dirtyShown);

        AppWindow.click(robot, "#policy-new");
        AppWindow.click(robot, "#new-empty");
        AppWindow.waitUntil(10, () -> header().equals("Save changes to tiered-v2 before starting a new empty policy?"));
        answer("Cancel");
        assertThat(name()).isEqualTo("tiered-v2");
        assertThat(ruleShown(2)).isTrue();

        AppWindow.click(robot, "File");
        AppWindow.click(robot, "Quit");
        AppWindow.waitUntil(10, () -> header().equals("Leave without saving?"));
        assertThat(AppWindow.onFx(() -> dialog().lookupAll(".label").stream().map(n -> ((javafx.scene.control.Label) n).getText())
                .collect(java.util.stream.Collectors.joining(" ")))).contains("Not saved yet: the routing policy tiered-v2 (renamed from tiered).");
        shot("rename-quit-question");
        answer("Cancel");
        assertThat(dialogShown()).isFalse();
        assertThat(AppWindow.onFx(() -> robot.lookup("#main-view").query().getScene().getWindow().isShowing())).isTrue();
        assertThat(name()).isEqualTo("tiered-v2");
        assertThat(dirtyShown()).isTrue();

        replace("#policy-name", "tiered");
        AppWindow.waitUntil(5, () -> !dirtyShown());
        assertThat(versions("tiered")).isEqualTo(1);
    }

    /**
     * A rule's new name typed in the Inspector and not yet committed (no Enter, the field still focused): File → Quit
     * asks "Leave without saving?" about the policy; Cancel gives the field its focus back with the name as typed.
     */
    @Test
    void aFieldStillBeingTypedInIsAskedAboutOnQuit() throws Exception {
        AppWindow.click(robot, "#nav-routing");
        AppWindow.waitUntil(10, () -> robot.lookup("#rule-node-2").tryQuery().isPresent() && name().equals("tiered"));
        AppWindow.click(robot, "#rule-node-0");
        AppWindow.waitUntil(5, () -> robot.lookup("#rule-name").tryQuery().isPresent());
        robot.clickOn(robot.lookup("#rule-name").queryAs(Node.class));
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("greetings");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dirtyShown()).as("not committed yet").isFalse();

        AppWindow.click(robot, "File");
        AppWindow.click(robot, "Quit");
        AppWindow.waitUntil(10, () -> header().equals("Leave without saving?"));
        assertThat(AppWindow.onFx(() -> dialog().lookupAll(".label").stream().map(n -> ((javafx.scene.control.Label) n).getText())
                .collect(java.util.stream.Collectors.joining(" ")))).contains("Not saved yet: the routing policy tiered.");
        answer("Cancel");
        assertThat(dialogShown()).isFalse();
        assertThat(AppWindow.onFx(() -> robot.lookup("#main-view").query().getScene().getWindow().isShowing())).isTrue();
        AppWindow.waitUntil(5, () -> robot.lookup("#rule-name").query().isFocused());
        assertThat(AppWindow.onFx(() -> robot.lookup("#rule-name").queryAs(TextField.class).getText())).isEqualTo("greetings");
        assertThat(dirtyShown()).isTrue();
        assertThat(versions("tiered")).isEqualTo(1);

        // undone; a name typed again and not committed, then New → Empty policy: asked too, Cancel keeps it
        AppWindow.click(robot, "#undo");
        AppWindow.waitUntil(5, () -> !dirtyShown());
        robot.clickOn(robot.lookup("#rule-name").queryAs(Node.class));
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("plugs");
        WaitForAsyncUtils.waitForFxEvents();
        AppWindow.click(robot, "#policy-new");
        AppWindow.click(robot, "#new-empty");
        AppWindow.waitUntil(10, () -> header().equals("Save changes to tiered before starting a new empty policy?"));
        answer("Cancel");
        assertThat(ruleShown(2)).isTrue();
        AppWindow.click(robot, "#rule-node-0");
        AppWindow.waitUntil(5, () -> "plugs".equals(robot.lookup("#rule-name").queryAs(TextField.class).getText()));
    }

    private boolean ruleShown(int index) throws Exception {
        return AppWindow.onFx(() -> robot.lookup("#rule-node-" + index).tryQuery().isPresent());
    }

    private boolean dirtyShown() throws Exception {
        return AppWindow.onFx(() -> robot.lookup(".dirty-marker").query().isVisible());
    }

    private String name() throws Exception {
        return AppWindow.onFx(() -> robot.lookup("#policy-name").queryAs(TextField.class).getText());
    }

    private List<String> savedPolicies() throws Exception {
        return AppWindow.onFx(() -> ((ComboBox<?>) robot.lookup("#policy-open").query()).getItems().stream()
                .map(String::valueOf).sorted().toList());
    }

    private int versions(String policy) {
        try (Workspace ws = Workspace.open(workspace)) {
            return new PolicyStore(ws).versions(policy).size();
        }
    }

    /** Picks {@code policy} in the toolbar's Open saved… list, as a user does. */
    private void openSaved(String policy) throws Exception {
        AppWindow.click(robot, "#policy-open");
        Node[] cell = new Node[1];
        AppWindow.waitUntil(10, () -> (cell[0] = robot.lookup(".combo-box-popup .list-cell").queryAll().stream()
                .filter(n -> n.isVisible() && ((ListCell<?>) n).getText() != null
                        && ((ListCell<?>) n).getText().startsWith(policy))
                .findFirst().orElse(null)) != null);
        robot.clickOn(cell[0]);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Types {@code text} over the field, then Enter, as a user does. */
    private void replace(String query, String text) {
        robot.clickOn(robot.lookup(query).queryAs(Node.class));
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
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

    private String header() throws Exception {
        return AppWindow.onFx(() -> dialog() == null ? "" : dialog().getHeaderText());
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
