package dev.switchyard.ui;

import dev.switchyard.ui.prefs.AppChrome;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window for TestFX tests: started on a workspace file with in-memory preferences (a test never writes the
 * user's own window size, theme or last workspace), and closed again.
 */
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

    /** Stops the app and hides its windows; the primary stage, which TestFX keeps for the next test, loses the title binding and gets the default size back. */
    public static void close(Application app) throws Exception {
        FxToolkit.cleanupApplication(app);
        resetStage();
    }

    /**
     * Hides the windows and gives the primary stage, which TestFX keeps for the next test, no title binding and a
     * 1100 x 720 size back (a test that resized it would leave the next one a window too small for its controls).
     */
    public static void resetStage() throws Exception {
        FxToolkit.cleanupStages();
        FxToolkit.setupStage(stage -> {
            stage.titleProperty().unbind();
            stage.setWidth(1100);
            stage.setHeight(720);
        });
    }

    /**
     * Waits up to {@code seconds} until {@code condition} holds. The condition is asked on the FX thread: a lookup
     * made on the test thread walks the scene graph while the window changes it, and can fail with an index out of
     * bounds (CI saw it). A condition that throws means "not yet".
     */
    public static void waitUntil(long seconds, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            try {
                return Boolean.TRUE.equals(onFx(condition));
            } catch (Exception e) {
                return false; // not built yet
            }
        });
    }

    /** The text of the label (or button) {@code query} finds, read on the FX thread; "" while it is not there. */
    public static String label(FxRobot robot, String query) {
        try {
            return onFx(() -> robot.lookup(query).queryAs(javafx.scene.control.Labeled.class).getText());
        } catch (Exception e) {
            return "";
        }
    }

    /**
     * Clicks the visible node {@code query} finds (a selector or a text, as {@link FxRobot#clickOn(String...)}), the
     * node looked up on the FX thread (see {@link #waitUntil}) and waited for up to 10 s (a popup's items, a screen
     * being built); the robot, to go on with.
     */
    public static org.testfx.api.FxRobotInterface click(FxRobot robot, String query) {
        Node[] found = new Node[1];
        Callable<Boolean> visible = () -> (found[0] = robot.lookup(query).match(org.testfx.util.NodeQueryUtils.isVisible())
                .query()) != null;
        try {
            waitUntil(10, visible);
        } catch (TimeoutException e) {
            // shown but scrolled out of the window (TestFX's "visible" asks for the scene's bounds): scroll to it, as
            // a user would before clicking, and say where it was if that does not help
            String where = describe(robot, query);
            try {
                onFx(() -> {
                    robot.lookup(query).queryAll().forEach(AppWindow::scrollIntoView);
                    return null;
                });
                waitUntil(5, visible);
            } catch (Exception again) {
                throw new IllegalStateException("nothing visible matches " + query + " after 15 s: " + where, e);
            }
        }
        return robot.clickOn(found[0]);
    }

    /** Each node {@code query} finds: visible or not, its bounds in the scene, the scene's size and the focus owner. */
    private static String describe(FxRobot robot, String query) {
        try {
            return onFx(() -> {
                StringBuilder b = new StringBuilder();
                for (Node n : robot.lookup(query).queryAll()) {
                    b.append(n.getClass().getSimpleName()).append(" visible=").append(n.isVisible())
                            .append(" inScene=").append(n.getScene() != null);
                    if (n.getScene() != null) {
                        b.append(" bounds=").append(n.localToScene(n.getBoundsInLocal())).append(" scene=")
                                .append(n.getScene().getWidth()).append("x").append(n.getScene().getHeight())
                                .append(" focus=").append(n.getScene().getFocusOwner());
                    }
                    b.append("; ");
                }
                return b.length() == 0 ? "no node matches" : b.toString();
            });
        } catch (Exception e) {
            return "could not look: " + e;
        }
    }

    /** Scrolls every scroll pane around {@code node} so that its top is in view. */
    private static void scrollIntoView(Node node) {
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane scroll && scroll.getContent() != null) {
                double top = scroll.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
                double range = scroll.getContent().getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
                if (range > 0) {
                    scroll.setVvalue(Math.max(0, Math.min(1, top / range)));
                }
            }
        }
    }

    /** Gives the app's window this size (as a user's resize does) and waits until it is laid out again. */
    public static void resize(double width, double height) throws Exception {
        onFx(() -> {
            javafx.stage.Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
            stage.setWidth(width);
            stage.setHeight(height);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> {
            FxToolkit.toolkitContext().getRegisteredStage().getScene().getRoot().layout();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * The texts cut to "…" on screen among the labels and buttons under the node {@code query} finds (the shown ones:
     * a hidden node and its children are left out); empty when every one reads whole.
     */
    public static java.util.List<String> cutTexts(FxRobot robot, String query) throws Exception {
        return onFx(() -> laidOut(robot.lookup(query).query()).lookupAll("*").stream()
                .filter(n -> n instanceof javafx.scene.control.Labeled l && l.getText() != null && !l.getText().isEmpty()
                        && shown(n))
                .map(n -> (javafx.scene.control.Labeled) n)
                .filter(l -> l.lookup(".text") instanceof javafx.scene.text.Text t && !l.getText().equals(t.getText()))
                .map(l -> l.getText() + " (shown as " + ((javafx.scene.text.Text) l.lookup(".text")).getText() + ")")
                .toList());
    }

    /** Whether {@code node}'s right edge lies within the window (nothing of it past the window's edge). */
    public static boolean withinWindow(FxRobot robot, String query) throws Exception {
        return onFx(() -> {
            Node n = robot.lookup(query).query();
            return n.localToScene(n.getLayoutBounds()).getMaxX() <= n.getScene().getWidth() + 0.5;
        });
    }

    /**
     * {@code node} after a CSS and layout pass of its scene: a label shows a new text only once laid out, and a check
     * made in the same FX turn as the change (a wait that ends on it) would read the old one.
     */
    private static Node laidOut(Node node) {
        Parent root = node.getScene().getRoot();
        root.applyCss();
        root.layout();
        return node;
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** {@code work}'s result, computed on the FX thread. */
    public static <T> T onFx(Callable<T> work) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return work.call();
        }
        try {
            return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * Another window takes the keyboard focus (a terminal, say), then the app's window gets it back: the shown screen
     * hears {@link Screen#windowFocused}.
     */
    public static void leaveTheWindowAndComeBack() throws Exception {
        javafx.stage.Stage main = onFx(() -> FxToolkit.toolkitContext().getRegisteredStage());
        javafx.stage.Stage other = onFx(() -> {
            javafx.stage.Stage s = new javafx.stage.Stage();
            s.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 200, 100));
            s.show();
            s.requestFocus();
            return s;
        });
        try {
            waitUntil(10, () -> other.isFocused() && !main.isFocused());
        } finally {
            onFx(() -> {
                other.close();
                main.requestFocus();
                return null;
            });
        }
        waitUntil(10, main::isFocused);
    }

    /**
     * Saves a screenshot of the whole X display as {@code <dir>/<name>.png} (X11 {@code import}) when {@code dir} is
     * given and there is a display; for looking at a window test's screens by hand, never asserted.
     */
    public static void shot(String dir, String name) throws Exception {
        if (dir == null || System.getenv("DISPLAY") == null) {
            return;
        }
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        new ProcessBuilder("import", "-window", "root", Path.of(dir, name + ".png").toString()).inheritIO().start()
                .waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
    }
}
