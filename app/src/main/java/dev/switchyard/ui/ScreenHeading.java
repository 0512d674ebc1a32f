package dev.switchyard.ui;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A screen's page title with the sentence under it, the same on every screen that has one. */
public final class ScreenHeading {

    private ScreenHeading() {
    }

    public static VBox of(String title, String subtitle) {
        Label t = new Label(title);
        t.getStyleClass().add(Styles.SCREEN_TITLE);
        Label s = new Label(subtitle);
        s.getStyleClass().add(Styles.MUTED);
        s.setWrapText(true);
        VBox box = new VBox(2, t, s);
        box.getStyleClass().add("screen-heading");
        return box;
    }
}
