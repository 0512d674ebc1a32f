package dev.switchyard.ui.compare.markdown;

import javafx.scene.layout.VBox;

/**
 * A streaming Markdown view. Text grows at the end while a model answers, so the view keeps the nodes of the
 * settled part (everything before the last blank line outside a code fence) and re-renders only the tail.
 */
public final class MarkdownView extends VBox {

    private final VBox tail = new VBox();
    private final javafx.scene.text.Text rawTail = new javafx.scene.text.Text();
    private final javafx.scene.text.TextFlow rawFlow = new javafx.scene.text.TextFlow(rawTail);
    private String settled = "";

    public MarkdownView() {
        getStyleClass().add("md-view");
        tail.getStyleClass().add("md-view");
        setFillWidth(true);
        getChildren().add(tail);
        rawTail.getStyleClass().addAll("md-run", "md-text");
        rawFlow.getStyleClass().add("md-text");
    }

    /** Shows {@code text} fully rendered. */
    public void setMarkdown(String text) {
        setMarkdown(text, false);
    }

    /**
     * Shows {@code text}; cheap when it extends the previous text. While {@code streaming}, the unsettled tail (the
     * block being written) shows as plain text in one reused node, so a streaming pane creates and styles new nodes
     * only when a block settles; the final call with {@code streaming = false} renders the tail as Markdown too.
     */
    public void setMarkdown(String text, boolean streaming) {
        String t = text == null ? "" : text;
        if (!t.startsWith(settled)) {
            settled = "";
            getChildren().setAll(tail);
        }
        int cut = MarkdownBlocks.settledCut(t);
        if (cut > settled.length()) {
            Chunk chunk = new Chunk();
            chunk.getChildren().setAll(MarkdownNodes.render(t.substring(settled.length(), cut)));
            getChildren().add(getChildren().size() - 1, chunk);
            settled = t.substring(0, cut);
        }
        String rest = t.substring(settled.length());
        if (streaming) {
            rawTail.setText(rest);
            if (tail.getChildren().size() != 1 || tail.getChildren().get(0) != rawFlow) {
                tail.getChildren().setAll(rawFlow);
            }
        } else {
            tail.getChildren().setAll(MarkdownNodes.render(rest));
        }
    }

    /**
     * Settled blocks. Their sizes never change once styled, so sizes are remembered per width: a layout pass
     * costs O(chunks), not O(text), while the tail streams (JavaFX does not cache size queries with a width).
     */
    static final class Chunk extends VBox {
        private final double[] memo = {Double.NaN, 0, Double.NaN, 0, Double.NaN, 0, Double.NaN, 0};

        Chunk() {
            getStyleClass().add("md-view");
        }

        private double cached(int slot, double arg, java.util.function.DoubleUnaryOperator compute) {
            if (Double.compare(memo[slot], arg) != 0) {
                memo[slot + 1] = compute.applyAsDouble(arg);
                memo[slot] = arg;
            }
            return memo[slot + 1];
        }

        @Override
        protected double computePrefHeight(double width) {
            return cached(0, width, super::computePrefHeight);
        }

        @Override
        protected double computeMinHeight(double width) {
            return cached(2, width, super::computeMinHeight);
        }

        @Override
        protected double computePrefWidth(double height) {
            return cached(4, height, super::computePrefWidth);
        }

        @Override
        protected double computeMinWidth(double height) {
            return cached(6, height, super::computeMinWidth);
        }

        @Override
        public void requestLayout() {
            for (int i = 0; memo != null && i < memo.length; i += 2) {
                memo[i] = Double.NaN;
            }
            super.requestLayout();
        }
    }
}
