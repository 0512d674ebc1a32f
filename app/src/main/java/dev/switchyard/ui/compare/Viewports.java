package dev.switchyard.ui.compare;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * JavaFX's {@code ScrollPaneSkin} caches its viewport as a bitmap ({@code setCache(true)} on the ".viewport" node).
 * For content that changes every frame, as streaming answers do, that doubles the drawing: each change re-rasterizes
 * the whole viewport into the cache (all six panes, for the grid's scroll pane, when one pane got a token) and then
 * draws the cache, and it defeats dirty-region painting inside. Measured with the FX-pulse benchmark (see
 * app/COMPARE.md), the render thread's CPU dropped by about half without the cache.
 */
final class Viewports {

    private Viewports() {
    }

    /** Turns the viewport cache of {@code scroll} off once its skin exists (and again if the skin is replaced). */
    static void uncached(ScrollPane scroll) {
        scroll.skinProperty().addListener((o, old, skin) -> {
            if (skin != null) {
                Node viewport = scroll.lookup(".viewport");
                if (viewport != null) {
                    viewport.setCache(false);
                }
            }
        });
    }
}
