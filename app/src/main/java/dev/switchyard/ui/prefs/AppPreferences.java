package dev.switchyard.ui.prefs;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The desktop app's remembered settings, typed, over a {@link PreferenceStore}. Keys (also listed in
 * app/SCREENS.md): {@code theme}, {@code window.x|y|width|height|maximized}, {@code split.<id>},
 * {@code workspace.last}. No {@code javafx.scene} here; the theme is an observable property the window follows.
 */
public final class AppPreferences {

    public static final String THEME = "theme";
    public static final String LAST_WORKSPACE = "workspace.last";
    public static final String WINDOW = "window.";
    public static final String SPLIT = "split.";
    public static final String PANEL = "panel.";

    /** Window bounds as remembered. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }

    private final PreferenceStore store;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);

    public AppPreferences(PreferenceStore store) {
        this.store = store;
        theme.set(store.get(THEME).map(AppPreferences::parseTheme).orElse(Theme.LIGHT));
        theme.addListener((obs, old, now) -> {
            store.put(THEME, now.name().toLowerCase(java.util.Locale.ROOT));
            store.flush();
        });
    }

    private static Theme parseTheme(String s) {
        return "dark".equalsIgnoreCase(s) ? Theme.DARK : Theme.LIGHT;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public void toggleTheme() {
        theme.set(theme.get() == Theme.DARK ? Theme.LIGHT : Theme.DARK);
    }

    /** The last workspace file, when it still exists. */
    public Optional<Path> lastWorkspace() {
        try {
            return store.get(LAST_WORKSPACE).map(Path::of).filter(Files::isRegularFile);
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    public void rememberWorkspace(Path file) {
        store.put(LAST_WORKSPACE, file.toAbsolutePath().toString());
        store.flush();
    }

    /** Remembered bounds, when all four numbers are present and the size is sane. */
    public Optional<WindowBounds> window() {
        double w = store.getDouble(WINDOW + "width", -1);
        double h = store.getDouble(WINDOW + "height", -1);
        if (w < 400 || h < 300 || store.get(WINDOW + "x").isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WindowBounds(store.getDouble(WINDOW + "x", 0), store.getDouble(WINDOW + "y", 0), w, h,
                store.get(WINDOW + "maximized").map(Boolean::parseBoolean).orElse(false)));
    }

    public void rememberWindow(WindowBounds b) {
        store.putDouble(WINDOW + "x", b.x());
        store.putDouble(WINDOW + "y", b.y());
        store.putDouble(WINDOW + "width", b.width());
        store.putDouble(WINDOW + "height", b.height());
        store.put(WINDOW + "maximized", Boolean.toString(b.maximized()));
        store.flush();
    }

    /** A split pane's divider position (0..1) by id, or the fallback. */
    public double split(String id, double fallback) {
        double v = store.getDouble(SPLIT + id, fallback);
        return v > 0.05 && v < 0.95 ? v : fallback;
    }

    public void rememberSplit(String id, double position) {
        store.putDouble(SPLIT + id, position);
    }

    /** Whether a panel that can be hidden (by id) was left shown; the fallback when never set or unreadable. */
    public boolean shown(String id, boolean fallback) {
        return store.get(PANEL + id).map(v -> v.equals("true") ? Boolean.TRUE : v.equals("false") ? Boolean.FALSE : null)
                .orElse(fallback);
    }

    public void rememberShown(String id, boolean shown) {
        store.put(PANEL + id, Boolean.toString(shown));
        store.flush();
    }

    public void flush() {
        store.flush();
    }
}
