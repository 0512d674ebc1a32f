package dev.switchyard.ui.intents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.ui.AppWindow;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Intent;
import java.nio.file.Path;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real window: the Intent sets screen edits an intent of a shipped set and tries a prompt against it. */
class IntentsWindowTest {

    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private javafx.application.Application app;
    private Path file;

    @BeforeEach
    void start() throws Exception {
        file = dir.resolve("intents-test.switchyard");
        app = AppWindow.open(robot, file);
    }

    @AfterEach
    void stop() throws Exception {
        AppWindow.close(app);
    }

    private String text(String query) {
        return AppWindow.label(robot, query);
    }

    @Test
    @SuppressWarnings("unchecked")
    void addAnIntentToAShippedSetAndTryAPromptAgainstIt() throws Exception {
        AppWindow.click(robot, "#nav-intents");
        AppWindow.waitUntil(10, () -> !robot.lookup("#intent-list").queryAs(ListView.class).getItems().isEmpty());
        ListView<dev.switchyard.workspace.model.IntentSet> sets = robot.lookup("#intent-sets").queryAs(ListView.class);
        assertThat(sets.getItems()).extracting(s -> s.name()).contains("smart-home", "customer-support");
        AppWindow.click(robot, "smart-home");
        WaitForAsyncUtils.waitForFxEvents();

        AppWindow.click(robot, "#intent-new");
        AppWindow.click(robot, "#intent-name").write("water_plants");
        AppWindow.click(robot, "#intent-reply").write("Watering the plants.");
        AppWindow.click(robot, "#intent-examples").write("water the plants").type(KeyCode.ENTER).write("water the basil");
        AppWindow.click(robot, "#intent-save");
        AppWindow.waitUntil(10, () -> text("#intent-message").startsWith("Saved intent 'water_plants'"));
        ListView<Intent> intents = robot.lookup("#intent-list").queryAs(ListView.class);
        assertThat(intents.getItems()).extracting(Intent::name).contains("water_plants");
        assertThat(intents.getSelectionModel().getSelectedItem().name()).isEqualTo("water_plants");

        AppWindow.click(robot, "#intent-try-prompt").write("please water the basil").type(KeyCode.ENTER);
        AppWindow.waitUntil(30, () -> text("#intent-try-result").startsWith("Reply:"));
        assertThat(text("#intent-try-result")).startsWith("Reply: Watering the plants.");
        ListView<IntentsViewModel.Scored> scores = robot.lookup("#intent-scores").queryAs(ListView.class);
        assertThat(scores.getItems().get(0).toString()).startsWith("water_plants — confidence ");

        // stored in the workspace file: another connection reads it
        try (Workspace ws = Workspace.open(file)) {
            long setId = ws.intentSets().findByName("smart-home").orElseThrow().id();
            assertThat(ws.intentSets().intents(setId)).filteredOn(i -> i.name().equals("water_plants"))
                    .singleElement().satisfies(i -> assertThat(i.examples()).containsExactly("water the plants", "water the basil"));
        }
    }
}
