package dev.switchyard.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.ui.AppWindow;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The real window (Xvfb) at the smallest size it opens at: the editor's "Prompts" toggle hides the saved-prompts
 * sidebar and the answers get its width; Ctrl+Shift+L brings it back.
 */
class PromptLibraryToggleWindowTest {

    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private Application app;

    @BeforeEach
    void start() throws Exception {
        app = AppWindow.open(robot, dir.resolve("library.switchyard")); // the app creates the workspace
        AppWindow.resize(1100, 720);
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            AppWindow.close(app);
        }
    }

    @Test
    void theToggleHidesTheSavedPromptsAndTheAnswersGetTheirWidth() throws Exception {
        AppWindow.click(robot, "#nav-compare");
        AppWindow.waitUntil(15, () -> shown("#prompt-library") && shown("#compare-results"));
        double before = width("#compare-results");
        double library = width("#prompt-library");
        assertThat(selected()).isTrue();

        AppWindow.click(robot, "#toggle-library");
        AppWindow.waitUntil(5, () -> !shown("#prompt-library"));
        assertThat(selected()).isFalse();
        AppWindow.waitUntil(5, () -> width("#compare-results") > before + library / 2);
        assertThat(AppWindow.withinWindow(robot, "#compare-results")).isTrue();

        AppWindow.click(robot, "#user-message");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        AppWindow.waitUntil(5, () -> shown("#prompt-library"));
        assertThat(selected()).isTrue();
        assertThat(AppWindow.onFx(() -> robot.lookup("#user-message").queryAs(javafx.scene.control.TextArea.class).getText()))
                .as("the shortcut typed nothing").isEmpty();
    }

    private boolean selected() throws Exception {
        return AppWindow.onFx(() -> robot.lookup("#toggle-library").queryAs(javafx.scene.control.ToggleButton.class).isSelected());
    }

    private boolean shown(String query) throws Exception {
        return AppWindow.onFx(() -> robot.lookup(query).tryQuery().map(n -> n.getScene() != null && n.isVisible()
                && n.getLayoutBounds().getWidth() > 0).orElse(false));
    }

    private double width(String query) throws Exception {
        return AppWindow.onFx(() -> robot.lookup(query).tryQuery().map(Node::getLayoutBounds).map(b -> b.getWidth())
                .orElse(0.0));
    }
}
