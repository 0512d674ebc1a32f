package dev.switchyard.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.ui.AppWindow;
import dev.switchyard.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;
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
        // the shipped intent models' provider row is this machine, not a provider the user added
        assertThat(AppWindow.label(robot, "#count-providers") + " " + AppWindow.label(robot, "#count-providers-label"))
                .isEqualTo("0 cloud providers · this device");
        assertThat(robot.lookup("#status-message").queryAs(Label.class).getText()).contains("is open");
        assertThat(robot.lookup("#workspace-file").queryAs(Label.class).getText())
                .contains("window-test.switchyard").contains("schema v" + Workspace.latestSchemaVersion());
    }

    @Test
    void theWorkspaceScreenExportsChecksAndMergesAnotherWorkspacesExport() throws Exception {
        Path other = dir.resolve("other.json");
        try (Workspace ws = Workspace.open(dir.resolve("other.switchyard"));
             java.io.OutputStream out = java.nio.file.Files.newOutputStream(other)) {
            var p = ws.providers().insert(dev.switchyard.workspace.model.Provider.of(
                    dev.switchyard.workspace.model.ProviderKind.OPENAI_COMPATIBLE, "Team gateway", "http://127.0.0.1:9/v1", null, null));
            ws.models().insert(dev.switchyard.workspace.model.Model.of(p.id(), "team-model", "team-model",
                    dev.switchyard.workspace.model.ModelKind.CLOUD, null, null, "{}"));
            ws.exportTo(out);
        }
        Path bad = java.nio.file.Files.writeString(dir.resolve("bad.json"), "{ this is not an export");
        Path exported = dir.resolve("mine.json");
        AppWindow.waitUntil(15, () -> robot.lookup("#welcome-view").tryQuery().map(n -> n.getScene() != null).orElse(false));
        AppWindow.click(robot, "#nav-overview");
        java.util.concurrent.atomic.AtomicReference<Path> toImport = new java.util.concurrent.atomic.AtomicReference<>(other);
        OverviewScreen screen = AppWindow.onFx(() -> (OverviewScreen) robot.lookup("#overview-view").query().getUserData());
        robot.interact(() -> screen.setFileChoosers((owner, title, name, ext) -> exported, owner -> toImport.get()));
        String modelsBefore = AppWindow.label(robot, "#count-models");

        AppWindow.click(robot, "#workspace-export");
        AppWindow.waitUntil(10, () -> AppWindow.label(robot, "#workspace-tools-message").startsWith("Exported"));
        assertThat(java.nio.file.Files.readString(exported)).contains("\"format\" : \"switchyard-workspace\"");
        try (var left = java.nio.file.Files.list(dir)) {
            assertThat(left.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }

        AppWindow.click(robot, "#workspace-check");
        AppWindow.waitUntil(20, () -> AppWindow.label(robot, "#workspace-tools-message")
                .equals("Checked window-test: no problems found."));

        AppWindow.click(robot, "#workspace-import");
        AppWindow.waitUntil(10, () -> AppWindow.label(robot, "#workspace-tools-message").startsWith("Imported other.json: "));
        AppWindow.waitUntil(10, () -> Long.parseLong(AppWindow.label(robot, "#count-models")) == Long.parseLong(modelsBefore) + 1);
        assertThat(AppWindow.onFx(() -> robot.lookup("#workspace-tools-details .label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList())).anyMatch(l -> l.startsWith("added: ") && l.contains("1 model")
                        && !l.contains("1 models"));

        toImport.set(bad);
        AppWindow.click(robot, "#workspace-import");
        AppWindow.waitUntil(10, () -> AppWindow.label(robot, "#workspace-tools-message").startsWith("Nothing was imported from bad.json")
                || AppWindow.label(robot, "#workspace-tools-message").startsWith("Could not import"));
        assertThat(AppWindow.label(robot, "#count-models")).isEqualTo(String.valueOf(Long.parseLong(modelsBefore) + 1));
    }

    /**
     * Opening a workspace shows Get started while the button the user last clicked (History) may still hold the
     * keyboard focus and the pointer: it must not look like a second selection (the walkthrough saw History keep a
     * dark highlight beside the selected Get started).
     */
    @Test
    void aScreenShownFromElsewhereLeavesOneNavButtonLookingSelected() throws Exception {
        AppWindow.waitUntil(15, () -> robot.lookup("#welcome-view").tryQuery().map(n -> n.getScene() != null).orElse(false));
        AppWindow.click(robot, "#nav-history"); // focus and pointer on History
        AppWindow.waitUntil(10, () -> robot.lookup("#nav-history").query().isHover()
                && robot.lookup("#nav-history").query().isFocused());
        robot.interact(() -> ((MainView) robot.lookup("#main-view").query()).show("welcome")); // as opening a workspace does

        AppWindow.waitUntil(10, () -> robot.lookup("#nav-welcome").query().isFocused());
        List<ToggleButton> nav = AppWindow.onFx(() -> robot.lookup(".nav-button").queryAllAs(ToggleButton.class)
                .stream().toList());
        assertThat(nav).filteredOn(ToggleButton::isSelected).extracting(ToggleButton::getId).containsExactly("nav-welcome");
        Paint accent = AppWindow.onFx(() -> fill(robot.lookup("#nav-welcome").queryAs(Region.class)));
        assertThat(AppWindow.onFx(() -> nav.stream().filter(b -> accent.equals(fill(b))).map(ToggleButton::getId).toList()))
                .containsExactly("nav-welcome");
        assertThat(AppWindow.onFx(() -> nav.stream().filter(b -> b.getBorder() != null && !b.getBorder().isEmpty())
                .map(ToggleButton::getId).toList())).containsExactly("nav-welcome"); // the one focus ring
        // History, still under the pointer, shows a hover tint that is not the selection's colour
        assertThat(AppWindow.onFx(() -> robot.lookup("#nav-history").query().isHover())).isTrue();
        assertThat(AppWindow.onFx(() -> fill(robot.lookup("#nav-history").queryAs(Region.class)))).isNotEqualTo(accent);
    }

    private static Paint fill(Region r) {
        return r.getBackground() == null || r.getBackground().getFills().isEmpty() ? null
                : r.getBackground().getFills().get(r.getBackground().getFills().size() - 1).getFill();
    }
}
