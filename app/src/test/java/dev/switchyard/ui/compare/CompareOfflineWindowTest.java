package dev.switchyard.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.engine.Availability;
import dev.switchyard.ui.AppWindow;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The real window (Xvfb) on a workspace whose only cloud provider is on a host that cannot be reached (".invalid"
 * never resolves, so the status bar's network monitor says Offline): Compare's picker says the cloud model cannot run
 * now because the machine is offline and how to fix it, while the embedded intent model stays ready; Run refuses the
 * cloud model with that sentence.
 */
class CompareOfflineWindowTest {

    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private Application app;

    @BeforeEach
    void start() throws Exception {
        Path file = dir.resolve("offline.switchyard");
        try (Workspace ws = Workspace.open(file)) {
            Provider away = ws.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "far gateway",
                    "https://gateway.invalid/v1", null, null)); // needs no key: only the network stops it
            ws.models().insert(Model.of(away.id(), "gpt-x", "gpt-x", ModelKind.CLOUD, 8192, null, "{}"));
        }
        app = AppWindow.open(robot, file);
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            AppWindow.close(app);
        }
    }

    @Test
    void offlineThePickerSaysTheCloudModelCannotRunAndWhy() throws Exception {
        AppWindow.waitUntil(20, () -> AppWindow.label(robot, "#network-indicator").equals("Offline"));
        AppWindow.click(robot, "#nav-compare");
        AppWindow.waitUntil(15, () -> state("#pick-gpt-x").contains("Offline"));

        assertThat(state("#pick-gpt-x")).isEqualTo("● " + Availability.OFFLINE.reason());
        assertThat(texts("#pick-gpt-x")).contains(Availability.OFFLINE.fix());
        assertThat(AppWindow.onFx(() -> robot.lookup("#pick-gpt-x").query().getParent().lookup(".button") == null))
                .as("no 'Fix in Models…': reconnecting is not done there").isTrue();

        AppWindow.onFx(() -> {
            robot.lookup("#pick-gpt-x").queryAs(javafx.scene.control.CheckBox.class).setSelected(true);
            return null;
        });
        AppWindow.click(robot, "#user-message").write("Turn on the lights");
        AppWindow.click(robot, "#run-button");
        AppWindow.waitUntil(10, () -> AppWindow.label(robot, "#compare-message").startsWith("gpt-x cannot run now: Offline"));
        assertThat(AppWindow.onFx(() -> robot.lookup("#answer-grid").query().isVisible())).isFalse();
    }

    /** The picker row's state line (the third line of the model's row). */
    private String state(String pick) throws Exception {
        return AppWindow.onFx(() -> {
            Node box = robot.lookup(pick).tryQuery().orElse(null);
            if (box == null || !(box.getParent() instanceof VBox row) || row.getChildren().size() < 3) {
                return "";
            }
            return ((Label) row.getChildren().get(2)).getText();
        });
    }

    /** Every label's text in the picker row. */
    private String texts(String pick) throws Exception {
        return AppWindow.onFx(() -> {
            StringBuilder sb = new StringBuilder();
            for (Node n : robot.lookup(pick).query().getParent().lookupAll(".label")) {
                if (n instanceof Label l) {
                    sb.append(l.getText()).append('\n');
                }
            }
            return sb.toString();
        });
    }
}
