package dev.switchyard.ui;

import dev.switchyard.ui.prefs.AppChrome;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.control.Label;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real window for TestFX tests: started on a workspace file with in-memory preferences, and closed again. */
public final class AppWindow {

    private AppWindow() {
    }

    /** Starts the app on {@code workspace} and waits until the status bar says the workspace is open. */
    public static Application open(FxRobot robot, Path workspace) throws Exception {
        System.setProperty(AppChrome.PREFS_PROPERTY, "memory");
        FxToolkit.registerPrimaryStage();
        Application app = FxToolkit.setupApplication(SwitchyardApp.class, "--workspace=" + workspace);
        waitUntil(15, () -> label(robot, "#status-message").contains("is open"));
        return app;
    }

    /**
     * Waits up to {@code seconds} until {@code condition} holds. The condition is asked on the FX thread: a lookup
     * made on the test thread walks the scene graph while the window changes it, and can fail with an index out of
     * bounds (CI saw it). A condition that throws means "not yet".
     */
    public static void waitUntil(long seconds, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition));
    }

    private static boolean onFx(Callable<Boolean> condition) throws Exception {
        final boolean[] holds = {false};
        WaitForAsyncUtils.asyncFx(() -> {
            try {
                holds[0] = Boolean.TRUE.equals(condition.call());
            } catch (Exception e) {
                holds[0] = false; // not built yet
            }
        }).get();
        return holds[0];
    }

    public static void close(Application app) throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    /** The text of the label {@code query} finds; "" while it is not there (lookups run off the FX thread). */
    public static String label(FxRobot robot, String query) {
        try {
            return robot.lookup(query).queryAs(Label.class).getText();
        } catch (RuntimeException e) {
            return ""; // not built yet, or the scene graph changed under the lookup: ask again
        }
    }
}
