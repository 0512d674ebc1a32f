package dev.switchyard.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.ui.prefs.AppChrome;
import dev.switchyard.ui.AppWindow;
import dev.switchyard.ui.SwitchyardApp;
import dev.switchyard.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import javafx.scene.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * A workspace the window cannot open (written by a newer Switchyard, not a database): the window says so above the
 * screens with the way out, rather than showing screens that read as an empty workspace with the reason only in the
 * status bar; the file is left as it was.
 */
class WorkspaceFailureWindowTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private javafx.application.Application app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            AppWindow.close(app);
        }
    }

    private void start(Path workspace) throws Exception {
        System.setProperty(AppChrome.PREFS_PROPERTY, "memory");
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(SwitchyardApp.class, "--workspace=" + workspace);
    }

    @Test
    void aWorkspaceFromANewerVersionIsSaidAboveTheScreensWithTheWayOut() throws Exception {
        Path newer = dir.resolve("newer.switchyard");
        try (Workspace ws = Workspace.open(newer)) {
            ws.name();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + newer); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        byte[] before = Files.readAllBytes(newer);

        start(newer);
        AppWindow.waitUntil(15, () -> AppWindow.label(robot, "#status-message").contains("newer Switchyard"));

        assertThat(AppWindow.onFx(() -> robot.lookup(".workspace-failure").query().isVisible())).isTrue();
        assertThat(AppWindow.label(robot, "#workspace-failure")).isEqualTo("No workspace is open. The workspace "
                + newer + " was written by a newer Switchyard (schema version 99, this build knows up to version "
                + Workspace.latestSchemaVersion() + "); update Switchyard to open it. The file was not changed.");
        assertThat(AppWindow.onFx(() -> robot.lookup("#workspace-failure-open").query().isVisible()
                && robot.lookup("#workspace-failure-new").query().isVisible())).isTrue();
        assertThat(AppWindow.withinWindow(robot, "#workspace-failure-new")).isTrue();
        assertThat(Files.readAllBytes(newer)).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotAWorkspaceIsSaidTooAndAnOpenWorkspaceHidesTheSentence() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.switchyard"), "meeting notes, not a database\n".repeat(50));

        start(text);
        AppWindow.waitUntil(15, () -> AppWindow.label(robot, "#status-message").contains("not a Switchyard workspace"));

        assertThat(AppWindow.label(robot, "#workspace-failure")).startsWith("No workspace is open. The file " + text
                + " is not a Switchyard workspace");
        AppWindow.close(app);
        app = AppWindow.open(robot, dir.resolve("fine.switchyard"));
        assertThat(AppWindow.onFx(() -> robot.lookup(".workspace-failure").tryQuery().map(Node::isVisible).orElse(false)))
                .isFalse();
    }
}
