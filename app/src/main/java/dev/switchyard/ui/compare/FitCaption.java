package dev.switchyard.ui.compare;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * A field's caption that reads whole where its column has room ("Stop (comma-separated)") and in a short form where it
 * has not ("Stop"), never cut to "…"; what the field takes is in its tooltip either way. It asks for the whole
 * caption's width and can shrink to the short one's, so a narrow window shrinks the column instead of cutting it.
 */
final class FitCaption extends Label {

    private String whole;
    private String brief;

    FitCaption(String whole, String brief, String tip) {
        super(whole);
        this.whole = whole;
        this.brief = brief;
        Tooltip t = new Tooltip(tip);
        t.setWrapText(true);
        t.setMaxWidth(360);
        setTooltip(t);
    }

    /** Changes both forms (a count, say); the next layout picks the one that fits. */
    void setTexts(String whole, String brief) {
        this.whole = whole;
        this.brief = brief;
        setText(whole);
        requestLayout();
    }

    @Override
    protected double computePrefWidth(double height) {
        return width(whole);
    }

    @Override
    protected double computeMinWidth(double height) {
        return width(brief);
    }

    @Override
    protected void layoutChildren() {
        String fits = getWidth() + 0.5 >= width(whole) ? whole : brief;
        if (!fits.equals(getText())) {
            setText(fits);
        }
        super.layoutChildren();
    }

    /** {@code text}'s width in this caption's font, its padding included. */
    private double width(String text) {
        Text t = new Text(text);
        t.setFont(getFont());
        return Math.ceil(t.getLayoutBounds().getWidth()) + snappedLeftInset() + snappedRightInset();
    }
}
