package dev.switchyard.ui;

import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;

/**
 * Groups side by side while their minimum widths fit, one under the other (each as wide as the row) when they do
 * not: a toolbar's second group, a form's second column, moves to a line of its own in a narrow window instead of
 * being cut. Side by side, a group gets its preferred width, shrunk towards its minimum when short of room; room to
 * spare goes to the groups with {@link HBox#setHgrow} {@link Priority#ALWAYS}. Groups are centred vertically.
 */
public class WrapRow extends Pane {

    private final double gap;
    private boolean lastFirst;

    public WrapRow(double gap, Node... groups) {
        super(groups);
        this.gap = gap;
    }

    /**
     * One under the other, the last group goes on top: the one a reader looks for first when the row is taller than
     * the view (Models' table of the provider's models, before the endpoint's list it is filled from).
     */
    public void setStackLastFirst(boolean lastFirst) {
        this.lastFirst = lastFirst;
        requestLayout();
    }

    /** Whether the groups stand one under the other at this width (the row's own width, insets included). */
    public boolean stacked(double width) {
        List<Node> groups = managed();
        double need = snappedLeftInset() + snappedRightInset() + gap * Math.max(0, groups.size() - 1);
        for (Node g : groups) {
            need += g.minWidth(-1);
        }
        return width < need;
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        return insetsWidth() + managed().stream().mapToDouble(g -> g.minWidth(-1)).max().orElse(0);
    }

    @Override
    protected double computePrefWidth(double height) {
        List<Node> groups = managed();
        return insetsWidth() + groups.stream().mapToDouble(g -> g.prefWidth(-1)).sum() + gap * Math.max(0, groups.size() - 1);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        List<Node> groups = managed();
        double inner = (width < 0 ? computePrefWidth(-1) : width) - insetsWidth();
        double h;
        if (width >= 0 && stacked(width)) {
            h = groups.stream().mapToDouble(g -> g.prefHeight(inner)).sum() + gap * Math.max(0, groups.size() - 1);
        } else {
            double[] widths = rowWidths(groups, inner);
            h = 0;
            for (int i = 0; i < groups.size(); i++) {
                h = Math.max(h, groups.get(i).prefHeight(widths[i]));
            }
        }
        return snappedTopInset() + snappedBottomInset() + h;
    }

    @Override
    protected void layoutChildren() {
        List<Node> groups = managed();
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double inner = getWidth() - insetsWidth();
        if (stacked(getWidth())) {
            List<Node> order = new java.util.ArrayList<>(groups);
            if (lastFirst) {
                java.util.Collections.reverse(order);
            }
            for (Node g : order) {
                double h = g.prefHeight(inner);
                layoutInArea(g, x, y, inner, h, 0, HPos.LEFT, VPos.CENTER);
                y += h + gap;
            }
            return;
        }
        double[] widths = rowWidths(groups, inner);
        double height = getHeight() - snappedTopInset() - snappedBottomInset();
        for (int i = 0; i < groups.size(); i++) {
            layoutInArea(groups.get(i), x, y, widths[i], height, 0, HPos.LEFT, VPos.CENTER);
            x += widths[i] + gap;
        }
    }

    /** Side by side: preferred widths, shrunk in proportion to what each can give, or the spare room to the growers. */
    private double[] rowWidths(List<Node> groups, double inner) {
        double[] widths = new double[groups.size()];
        double total = gap * Math.max(0, groups.size() - 1);
        double give = 0;
        int growers = 0;
        for (int i = 0; i < widths.length; i++) {
            Node g = groups.get(i);
            widths[i] = g.prefWidth(-1);
            total += widths[i];
            give += widths[i] - g.minWidth(-1);
            growers += HBox.getHgrow(g) == Priority.ALWAYS ? 1 : 0;
        }
        double extra = inner - total;
        for (int i = 0; i < widths.length; i++) {
            Node g = groups.get(i);
            if (extra < 0 && give > 0) {
                widths[i] -= Math.min(-extra, give) * (widths[i] - g.minWidth(-1)) / give;
            } else if (extra > 0 && HBox.getHgrow(g) == Priority.ALWAYS) {
                widths[i] += extra / growers;
            }
            widths[i] = snapSizeX(widths[i]);
        }
        return widths;
    }

    private List<Node> managed() {
        return getManagedChildren();
    }

    private double insetsWidth() {
        return snappedLeftInset() + snappedRightInset();
    }
}
