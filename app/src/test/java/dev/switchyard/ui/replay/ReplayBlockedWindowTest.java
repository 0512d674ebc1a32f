package dev.switchyard.ui.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.engine.Availability;
import dev.switchyard.app.replay.dataset.DatasetService;
import dev.switchyard.ui.AppWindow;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The real window (Xvfb) on a workspace whose two cloud models cannot run now: gpt-x's provider is on a host that
 * cannot be reached (".invalid" never resolves, so the status bar's network monitor says Offline), big-model's key is
 * in an environment variable that is not set. A live replay's confirmation shows, in red under the estimate, both
 * models with their planned calls, why and the fix; *Don't start* calls nothing and stores nothing.
 */
class ReplayBlockedWindowTest {

    private static final String NO_KEY = "SWITCHYARD_TEST_NO_SUCH_KEY_7f3a";

    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private Application app;
    private Path file;

    @BeforeEach
    void start() throws Exception {
        file = dir.resolve("blocked.switchyard");
        Path csv = dir.resolve("prompts.csv");
        Files.writeString(csv, "prompt,reference,grader\nlights on,ok,contains\n"
                + "summarise the meeting notes please,ok,contains\nplan a three day trip to Lisbon please,ok,contains\n");
        try (Workspace ws = Workspace.open(file)) {
            Provider away = ws.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "far gateway",
                    "https://gateway.invalid/v1", null, null)); // needs no key: only the network stops it
            Provider keyless = ws.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "keyless gateway",
                    "http://127.0.0.1:9/v1", "env:" + NO_KEY, null));
            ws.models().insert(Model.of(away.id(), "gpt-x", "gpt-x", ModelKind.CLOUD, 8192, null, "{}"));
            ws.models().insert(Model.of(keyless.id(), "big-model", "big-model", ModelKind.CLOUD, 8192, null, "{}"));
            var policy = ws.policies().create("cloud-split");
            ws.policies().addVersion(policy.id(), """
                    {"schema_version": 1, "name": "cloud-split",
                     "rules": [{"name": "short", "when": {"type": "prompt_chars", "op": "le", "value": 12},
                                "then": {"type": "route", "target": "gpt-x"}}],
                     "default": {"type": "route", "target": "big-model"}}
                    """, null);
            new DatasetService(ws).importFile(csv, "prompts");
        }
        app = AppWindow.open(robot, file);
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            AppWindow.close(app);
        }
    }

    private String text(String query) {
        return AppWindow.label(robot, query);
    }

    @Test
    void theConfirmationNamesTheModelsThatCannotRunNowAndDontStartCallsNothing() throws Exception {
        // the monitor's first check may run before the workspace (and its providers' hosts) is open: the next says it
        AppWindow.waitUntil(20, () -> text("#network-indicator").equals("Offline"));
        AppWindow.click(robot, "#nav-replay");
        AppWindow.waitUntil(15, () -> robot.lookup("#replay-start").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        chooseLiveCalls();
        AppWindow.click(robot, "#replay-start");
        AppWindow.waitUntil(30, () -> robot.lookup("#replay-confirm-box").query().isVisible());

        Label warning = robot.lookup("#replay-estimate-warning").queryAs(Label.class);
        assertThat(AppWindow.onFx(warning::isVisible)).isTrue();
        // three items, every one on both models (the baselines): 3 planned calls each
        assertThat(warning.getText()).startsWith("2 models cannot run now; their calls will fail: ")
                .contains("gpt-x (3 planned calls): " + Availability.OFFLINE.reason() + " " + Availability.OFFLINE.fix())
                .contains("big-model (3 planned calls): ").contains(NO_KEY);
        assertThat(text("#replay-estimate")).contains("6 cloud calls");
        assertThat(text("#replay-run-message")).contains("Confirm to start anyway");
        // shown in red, whole (wrapped, not cut) in the 1100 x 720 window
        Color fill = AppWindow.onFx(() -> (Color) warning.getTextFill());
        assertThat(fill.getRed()).as(fill.toString()).isGreaterThan(0.6);
        assertThat(fill.getGreen()).as(fill.toString()).isLessThan(0.35);
        assertThat(fill.getBlue()).as(fill.toString()).isLessThan(0.35);
        assertThat(AppWindow.cutTexts(robot, "#replay-confirm-box")).isEmpty();
        assertThat(AppWindow.withinWindow(robot, "#replay-estimate-warning")).isTrue();
        assertThat(AppWindow.withinWindow(robot, "#replay-decline")).isTrue();
        AppWindow.shot(System.getenv("REPLAY_UI_SHOTS"), "blocked-confirm");

        AppWindow.click(robot, "#replay-decline");
        AppWindow.waitUntil(10, () -> text("#replay-run-message").equals("Not started: no call was made."));
        assertThat(AppWindow.onFx(() -> robot.lookup("#replay-confirm-box").query().isVisible())).isFalse();
        AppWindow.close(app);
        app = null;
        try (Workspace ws = Workspace.open(file)) {
            assertThat(ws.runs().count()).isZero();
            assertThat(ws.replays().list()).isEmpty();
        }
    }

    /** Picks "Live calls" in the sourcing box's popup. */
    private void chooseLiveCalls() throws Exception {
        javafx.scene.Scene window = robot.lookup("#replay-sourcing").query().getScene();
        AppWindow.click(robot, "#replay-sourcing");
        Node[] cell = new Node[1];
        AppWindow.waitUntil(10, () -> (cell[0] = robot.lookup(".list-cell").match((javafx.scene.control.ListCell<?> c)
                -> "Live calls".equals(c.getText()) && c.isVisible() && c.getScene() != window).query()) != null);
        robot.clickOn(cell[0]);
        AppWindow.waitUntil(5, () -> robot.lookup("#replay-sourcing").queryAs(javafx.scene.control.ComboBox.class)
                .getValue() == dev.switchyard.app.replay.engine.Sourcing.LIVE);
    }
}
