package dev.switchyard.ui.compare.markdown;

import javafx.scene.layout.Region;

/**
 * Hosts one region as a <em>layout root</em> (an unmanaged child sized to this box): a layout request from
 * inside it, such as a streaming answer growing in a scroll pane, lays out that region only instead of every
 * ancestor up to the window (JavaFX re-lays out each ancestor of a managed node that asks, and each ancestor
 * re-measures all its children). Meant for content whose own size does not follow what is inside, like a scroll
 * pane with a preferred viewport: this box reports the content's sizes but does not watch them change.
 */
public final class LayoutRoot extends Region {

    private final Region content;

    public LayoutRoot(Region content) {
        this.content = content;
        content.setManaged(false);
        getChildren().add(content);
        getStyleClass().add("layout-root");
    }

    public Region content() {
        return content;
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        content.resizeRelocate(x, y, snapSizeX(getWidth() - x - snappedRightInset()),
                snapSizeY(getHeight() - y - snappedBottomInset()));
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + content.prefWidth(height) + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + content.prefHeight(width) + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + content.minWidth(height) + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return snappedTopInset() + content.minHeight(width) + snappedBottomInset();
    }
}
