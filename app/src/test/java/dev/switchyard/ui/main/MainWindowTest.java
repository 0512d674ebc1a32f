package dev.switchyard.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.ui.AppWindow;
import dev.switchyard.workspace.Workspace;
import java.nio.file.Path;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real application window (under Xvfb in CI) on a fresh workspace. */
class MainWindowTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private javafx.application.Application app;

    @BeforeEach
    void start() throws Exception {
        app = AppWindow.open(robot, dir.resolve("window-test.switchyard"));
    }

    @AfterEach
    void stop() throws Exception {
        AppWindow.close(app);
    }

    @Test
    void theWindowShowsTheWorkspaceNameAndItsCounts() throws Exception {
        AppWindow.waitUntil(15, () -> robot.lookup("#status-message").queryAs(Label.class).getText().contains("is open")
                && robot.lookup("#welcome-view").tryQuery().map(n -> n.getScene() != null).orElse(false));
        AppWindow.click(robot, "#nav-overview"); // an empty workspace opens on the welcome screen
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#workspace-name").queryAs(Label.class).getText()).isEqualTo("window-test");
        AppWindow.click(robot, "#nav-overview"); // Compare opens first; the counts are on the Workspace screen
        assertThat(robot.lookup("#count-runs").queryAs(Label.class).getText()).isEqualTo("0");
        assertThat(robot.lookup("#status-message").queryAs(Label.class).getText()).contains("is open");
        assertThat(robot.lookup("#workspace-file").queryAs(Label.class).getText())
                .contains("window-test.switchyard").contains("schema v" + Workspace.latestSchemaVersion());
    }
}
