package dev.switchyard.ui.routing;

import java.util.List;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Breaks a model or role name that is too wide for its canvas node into two lines, after a separator where one
 * fits ("Anthropic/" + "claude-3-5-sonnet", "intent:customer-" + "support"), else where the width runs out. A second
 * line that is still too wide is cut by its label, and the node's tooltip has the name whole.
 */
final class NameLines {

    private static final String SEPARATORS = "/:-_. ";

    private NameLines() {
    }

    static List<String> split(String name, double width, Font font) {
        if (width(name, font) <= width) {
            return List.of(name);
        }
        int cut = -1;
        for (int i = 1; i < name.length(); i++) {
            if (width(name.substring(0, i), font) > width) {
                break;
            }
            if (SEPARATORS.indexOf(name.charAt(i - 1)) >= 0) {
                cut = i; // after the last separator that still fits on the first line
            }
        }
        if (cut < 0) {
            cut = 1;
            while (cut < name.length() && width(name.substring(0, cut + 1), font) <= width) {
                cut++;
            }
        }
        return List.of(name.substring(0, cut), name.substring(cut).strip());
    }

    static double width(String text, Font font) {
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
