package dev.switchyard.ui.prefs;

import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Restores and saves the window's bounds and split positions through {@link AppPreferences}. */
public final class WindowMemory {

    private WindowMemory() {
    }

    /**
     * The window's size at a first start (nothing remembered): most of the screen's usable area, up to 1440 x 900 —
     * six answers side by side need the room — and never below 1100 x 720 unless the screen itself is smaller.
     */
    public static double[] firstSize(Rectangle2D usable) {
        double w = Math.min(1440, Math.max(1100, usable.getWidth() * 0.9));
        double h = Math.min(900, Math.max(720, usable.getHeight() * 0.9));
        return new double[] {Math.min(w, usable.getWidth()), Math.min(h, usable.getHeight())};
    }

    /** Applies remembered bounds (only when they still fall on a screen) and saves them when the window hides. */
    public static void attach(Stage stage, AppPreferences prefs) {
        prefs.window().ifPresent(b -> {
            boolean visible = !Screen.getScreensForRectangle(new Rectangle2D(b.x(), b.y(), b.width(), b.height())).isEmpty();
            if (visible) {
                stage.setX(b.x());
                stage.setY(b.y());
                stage.setWidth(b.width());
                stage.setHeight(b.height());
            }
            stage.setMaximized(b.maximized());
        });
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDING, e -> save(stage, prefs));
    }

    public static void save(Stage stage, AppPreferences prefs) {
        if (!Double.isNaN(stage.getWidth()) && !stage.isIconified()) {
            prefs.rememberWindow(new AppPreferences.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(),
                    stage.getHeight(), stage.isMaximized()));
        }
    }

    /**
     * Restores the first divider of {@code split} and remembers where the user drags it. Only a drag counts: a window
     * resize moves the divider too (a pane at its minimum width, a side pane that keeps its width), and that position
     * is the window's, not the user's choice.
     */
    public static void rememberSplit(SplitPane split, String id, AppPreferences prefs, double fallback) {
        split.setDividerPositions(prefs.split(id, fallback));
        rememberDrags(split, () -> id, prefs);
    }

    /**
     * As {@link #rememberSplit}, for a split that turns from side by side to one under the other with the window's
     * width: each orientation restores and remembers its own position, {@code id} side by side and {@code id.below}
     * one under the other.
     */
    public static void rememberSplitPerOrientation(SplitPane split, String id, AppPreferences prefs, double besideFallback,
                                                   double belowFallback) {
        java.util.function.Supplier<String> key = () -> split.getOrientation() == javafx.geometry.Orientation.VERTICAL
                ? id + ".below" : id;
        Runnable restore = () -> split.setDividerPositions(prefs.split(key.get(),
                split.getOrientation() == javafx.geometry.Orientation.VERTICAL ? belowFallback : besideFallback));
        restore.run();
        split.orientationProperty().addListener((obs, old, now) -> restore.run());
        rememberDrags(split, key, prefs);
    }

    /** Saves the first divider's position under {@code key} when the user has dragged it (pressed on a divider). */
    private static void rememberDrags(SplitPane split, java.util.function.Supplier<String> key, AppPreferences prefs) {
        boolean[] dragging = {false};
        split.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> dragging[0] = onDivider(e.getPickResult().getIntersectedNode(), split));
        split.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (dragging[0]) {
                dragging[0] = false;
                prefs.rememberSplit(key.get(), split.getDividers().get(0).getPosition());
            }
        });
    }

    private static boolean onDivider(Node node, SplitPane split) {
        for (Node n = node; n != null && n != split; n = n.getParent()) {
            if (n.getStyleClass().contains("split-pane-divider")) {
                return true;
            }
        }
        return false;
    }
}
