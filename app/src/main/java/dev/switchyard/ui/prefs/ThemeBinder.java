package dev.switchyard.ui.prefs;

import java.util.Objects;
import javafx.scene.Scene;

/** Keeps a scene's stylesheets in step with the theme: the base sheet, then the theme's variable overrides. */
public final class ThemeBinder {

    private ThemeBinder() {
    }

    public static void bind(Scene scene, AppPreferences prefs) {
        apply(scene, prefs.themeProperty().get());
        prefs.themeProperty().addListener((obs, old, now) -> apply(scene, now));
    }

    /** Removes every theme's extra sheet, then adds this theme's after the base sheet. */
    public static void apply(Scene scene, Theme theme) {
        for (Theme t : Theme.values()) {
            if (t.extraStylesheet() != null) {
                scene.getStylesheets().remove(url(t.extraStylesheet()));
            }
        }
        if (theme.extraStylesheet() != null) {
            scene.getStylesheets().add(url(theme.extraStylesheet()));
        }
    }

    private static String url(String resource) {
        return Objects.requireNonNull(ThemeBinder.class.getResource(resource), resource).toExternalForm();
    }
}
