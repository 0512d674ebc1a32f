package dev.switchyard.ui.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.testing.Seed;
import dev.switchyard.ui.AppWindow;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.ProviderKind;
import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The real window while the CLI writes to the same workspace from a terminal: going back to the window shows what it
 * added, without File → Refresh.
 */
class WelcomeWindowTest {

    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private javafx.application.Application app;
    private Path file;

    @BeforeEach
    void start() throws Exception {
        file = dir.resolve("first-start.switchyard");
        app = AppWindow.open(robot, file);
    }

    @AfterEach
    void stop() throws Exception {
        AppWindow.close(app);
    }

    @Test
    void modelsAddedFromATerminalShowWhenTheWindowIsFocusedAgain() throws Exception {
        AppWindow.waitUntil(15, () -> robot.lookup("#welcome-view").tryQuery().map(n -> n.getScene() != null).orElse(false));
        AppWindow.waitUntil(10, () -> AppWindow.label(robot, "#welcome-next").contains("embedded intent model"));
        assertThat(AppWindow.label(robot, "#welcome-models-step")).isEqualTo("2");

        assertThat(AppWindow.label(robot, "#welcome-models")).isEqualTo("Add a provider");

        // `switchyard providers add …` in a terminal (another connection to the same file): a provider is no model to
        // compare yet, and the step's button says what is left
        long gateway;
        try (Workspace ws = Workspace.open(file)) {
            gateway = Seed.provider(ws, "Team gateway").id();
        }
        leaveTheWindowAndComeBack();
        AppWindow.waitUntil(10, () -> AppWindow.label(robot, "#welcome-models").equals("Add a model"));
        assertThat(AppWindow.label(robot, "#welcome-models-step")).isEqualTo("2");
        assertThat(AppWindow.label(robot, "#welcome-next")).startsWith("Team gateway is set up");
        AppWindow.click(robot, "#welcome-models"); // opens that provider in Models (built just now)
        AppWindow.waitUntil(10, () -> AppWindow.label(robot, "#provider-title").equals("Team gateway"));
        AppWindow.click(robot, "#nav-welcome");
        AppWindow.waitUntil(10, () -> robot.lookup("#welcome-view").tryQuery().map(n -> n.getScene() != null).orElse(false));

        // then `models add --provider "Team gateway" …`
        try (Workspace ws = Workspace.open(file)) {
            Seed.model(ws, ws.providers().get(gateway).orElseThrow(), "team-model");
        }
        leaveTheWindowAndComeBack();
        AppWindow.waitUntil(10, () -> AppWindow.label(robot, "#welcome-models-step").equals("✓"));
        assertThat(AppWindow.label(robot, "#welcome-next")).contains("You have models to compare");
        assertThat(AppWindow.label(robot, "#welcome-models")).isEqualTo("Cloud providers");

        // File → Refresh (F5) re-reads it too (it did not: the welcome listened to another workspace only)
        try (Workspace ws = Workspace.open(file)) {
            var device = ws.providers().list().stream().filter(p -> p.kind() == ProviderKind.LOCAL).findFirst().orElseThrow();
            // the committed tiny model's folder (a local model counts once its files let it run, as in Compare's picker)
            ws.models().insert(Model.of(device.id(), "tiny-llama", "Tiny Llama", ModelKind.LOCAL_GENERATIVE, 256, null,
                    new dev.switchyard.app.models.LocalModelSettings(java.nio.file.Path.of(
                            "../engine-local/src/test/resources/models/tiny-random-llama").toAbsolutePath().normalize(),
                            null, null).toJson()));
        }
        robot.press(KeyCode.F5).release(KeyCode.F5);
        AppWindow.waitUntil(10, () -> AppWindow.label(robot, "#welcome-local-step").equals("✓"));

        // the Compare picker likewise lists a model added while the window was in the background
        AppWindow.click(robot, "#nav-compare");
        AppWindow.waitUntil(10, () -> robot.lookup("#pick-team-model").tryQuery().isPresent());
        try (Workspace ws = Workspace.open(file)) {
            Seed.model(ws, ws.providers().list().stream().filter(p -> p.name().equals("Team gateway")).findFirst()
                    .orElseThrow(), "second-model");
        }
        leaveTheWindowAndComeBack();
        AppWindow.waitUntil(10, () -> robot.lookup("#pick-second-model").tryQuery().isPresent());
    }

    private static void leaveTheWindowAndComeBack() throws Exception {
        AppWindow.leaveTheWindowAndComeBack();
    }
}
