package dev.switchyard.ui;

import java.util.Objects;
import javafx.scene.Parent;

/**
 * Puts a screen's stylesheet on the scene the screen is shown in, not on the screen's root node. JavaFX registers
 * every Parent styled under a node that has its own stylesheets in a list kept per stylesheet
 * ({@code StyleManager.StylesheetContainer.parentUsers}); adding to it and removing from it scans the whole list, and
 * every Parent removed from the scene is searched for in every such list. A streamed Markdown answer creates and later
 * removes hundreds of Parents per pane, so with {@code compare.css} on the Compare view that bookkeeping grew
 * quadratically and showed as FX-thread bursts when a new run cleared the old answers. The screens' stylesheets are
 * scoped by the screen's id ({@code #compare-screen …}), so on the scene they style exactly what they styled before,
 * and their id selectors outrank the app's class-level sheets whatever their place in the scene's list (README
 * decision 18).
 */
public final class SceneStylesheets {

    private SceneStylesheets() {
    }

    /** Adds the stylesheet {@code resource} to the scene of {@code view} whenever {@code view} is in one (once per scene). */
    public static void use(Parent view, String resource) {
        String url = Objects.requireNonNull(view.getClass().getResource(resource), resource).toExternalForm();
        view.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null && !scene.getStylesheets().contains(url)) {
                scene.getStylesheets().add(url);
            }
        });
        if (view.getScene() != null && !view.getScene().getStylesheets().contains(url)) {
            view.getScene().getStylesheets().add(url);
        }
    }
}
