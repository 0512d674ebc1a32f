package dev.switchyard.ui;

import java.nio.file.Path;
import javafx.application.Application;

/** Starts the JavaFX application on a workspace file and blocks until the window closes. */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    public static void launch(Path workspaceFile) {
        dev.switchyard.app.StartupLog.mark("command line parsed: launching JavaFX");
        Application.launch(SwitchyardApp.class, "--workspace=" + workspaceFile.toAbsolutePath());
    }
}
