package dev.switchyard.ui;

import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Tab and Shift+Tab leave a text area, as they leave every other control; a prompt has no use for tab characters, and
 * a user tabbing through a screen was caught in the first text area (JavaFX's text area types the tab and moves on
 * only with Ctrl+Tab, which is what the key is turned into here).
 */
public final class TabMovesFocus {

    private TabMovesFocus() {
    }

    public static <T extends TextArea> T install(T area) {
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown() && !e.isAltDown() && !e.isMetaDown()) {
                e.consume();
                area.fireEvent(new KeyEvent(e.getSource(), e.getTarget(), KeyEvent.KEY_PRESSED, e.getCharacter(),
                        e.getText(), KeyCode.TAB, e.isShiftDown(), true, false, false));
            }
        });
        return area;
    }
}
