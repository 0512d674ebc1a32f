package dev.switchyard.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.models.LocalModelManager;
import dev.switchyard.local.LocalEngine;
import dev.switchyard.ui.AppWindow;
import dev.switchyard.ui.models.LocalModelRow;
import dev.switchyard.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window on a workspace with a copy of the committed tiny model imported (its files recorded): the model's
 * file is cut short while the window is open; after F5 Compare's picker says what changed instead of "Ready", its fix
 * opens the model's row on Models → Local models, and once the file is back, Import again makes it ready again.
 */
class LocalModelFilesWindowTest {

    static final Path TINY = Path.of("../engine-local/src/test/resources/models/tiny-random-llama").toAbsolutePath().normalize();
    static final String NAME = "tiny-random (nonsense output, for tests)";

    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private javafx.application.Application app;
    private Path folder;

    @BeforeEach
    void start() throws Exception {
        folder = dir.resolve("tiny-copy");
        try (var files = Files.walk(TINY)) {
            for (Path f : files.toList()) {
                Files.copy(f, folder.resolve(TINY.relativize(f).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Path file = dir.resolve("files-test.switchyard");
        // imported as Models → Import a folder… does it: validated by the engine, its files recorded
        try (Workspace ws = Workspace.open(file); AppContext ctx = new AppContext(n -> null, Clock.systemUTC(), LocalEngine::inProcess)) {
            new LocalModelManager(ctx.localModels(), dir.resolve("models"), null)
                    .importFolder(ctx.directory(ws), folder, null, null, null);
        }
        app = AppWindow.open(robot, file);
        waitFor(() -> robot.lookup("#welcome-view").tryQuery().map(n -> n.getScene() != null).orElse(false));
        AppWindow.click(robot, "#nav-compare");
        waitFor(() -> robot.lookup("#pick-tiny-copy").tryQuery().isPresent());
    }

    @AfterEach
    void stop() throws Exception {
        AppWindow.close(app);
    }

    private void waitFor(Callable<Boolean> condition) throws Exception {
        AppWindow.waitUntil(60, condition);
    }

    /** The picker's state line under the tiny model ("● Ready", "● Files changed since import: …"). */
    private String pickerState() throws Exception {
        return AppWindow.onFx(() -> {
            Node box = robot.lookup("#pick-tiny-copy").query();
            VBox row = (VBox) box.getParent();
            return row.getChildren().stream().filter(n -> n instanceof Label l && l.getText().startsWith("● "))
                    .map(n -> ((Label) n).getText()).findFirst().orElse("");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void aModelFileCutShortAfterImportIsNotReadyInThePickerAndItsFixOnModelsMakesItReadyAgain() throws Exception {
        assertThat(pickerState()).isEqualTo("● Ready");

        Path onnx = folder.resolve("onnx/model.onnx");
        byte[] all = Files.readAllBytes(onnx);
        Files.write(onnx, Arrays.copyOf(all, 12_000)); // a copy cut short, outside Switchyard
        robot.press(KeyCode.F5).release(KeyCode.F5);
        waitFor(() -> pickerState().startsWith("● Files changed"));
        assertThat(pickerState()).isEqualTo("● Files changed since import: onnx/model.onnx is 12 KB, expected 516 KB.");
        assertThat(AppWindow.onFx(() -> robot.lookup(".model-row .state-blocked")
                .match(l -> ((Label) l).getText().contains("onnx/model.onnx")).tryQuery().isPresent())).isTrue();
        Node fixButton = AppWindow.onFx(() -> ((VBox) robot.lookup("#pick-tiny-copy").query().getParent())
                .getChildren().stream().filter(n -> n instanceof Button b && b.getText().equals("Fix in Models…"))
                .findFirst().orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(fixButton);

        // Models → Local models, on the model's row: what changed and the fix
        waitFor(() -> robot.lookup("#local-models-table").tryQuery().map(n -> n.getScene() != null).orElse(false));
        TableView<LocalModelRow> table = robot.lookup("#local-models-table").queryAs(TableView.class);
        waitFor(() -> table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem().model().displayName().equals(NAME));
        assertThat(table.getSelectionModel().getSelectedItem().statusText()).isEqualTo("Files changed");
        waitFor(() -> AppWindow.label(robot, "#local-problem").startsWith("Files changed"));
        assertThat(AppWindow.label(robot, "#local-problem"))
                .isEqualTo("Files changed since import: onnx/model.onnx is 12 KB, expected 516 KB.");
        assertThat(AppWindow.label(robot, "#local-fix")).isEqualTo("Import again");

        Files.write(onnx, all); // the complete file put back
        AppWindow.click(robot, "#local-fix"); // validated by the engine again, its files recorded as they are now
        waitFor(() -> AppWindow.label(robot, "#local-message").startsWith("Imported " + NAME + " again"));
        waitFor(() -> table.getItems().stream().anyMatch(r -> r.model().displayName().equals(NAME)
                && r.statusText().equals("Ready")));
        assertThat(robot.lookup("#local-fix-box").query().isVisible()).isFalse();

        AppWindow.click(robot, "#nav-compare"); // Compare shown again checks its models anew
        waitFor(() -> pickerState().equals("● Ready"));
    }
}
