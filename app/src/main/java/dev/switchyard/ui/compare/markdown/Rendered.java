package dev.switchyard.ui.compare.markdown;

import java.util.List;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The kinds of node rendered Markdown is built from ({@link MarkdownNodes}): styled by copying
 * ({@link MarkdownLooks}), and — text flows and columns of blocks — remembering their sizes ({@link SizeCache}),
 * since a settled block never changes.
 */
final class Rendered {

    private Rendered() {
    }

    /** A run of text. */
    static final class Run extends Text implements MarkdownLooks.Copied {
        Run(String text) {
            super(text);
        }

        @Override
        public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
            return MarkdownLooks.declared(super.getCssMetaData());
        }

        @Override
        public Node probe() {
            return new Text();
        }
    }

    /** A paragraph, heading, code block or list marker: runs of text wrapped to its width. */
    static final class Flow extends TextFlow implements MarkdownLooks.Copied {
        private final SizeCache sizes = new SizeCache();

        @Override
        public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
            return MarkdownLooks.declared(super.getCssMetaData());
        }

        @Override
        public Node probe() {
            return new TextFlow();
        }

        @Override
        protected double computePrefHeight(double width) {
            return sizes.get(SizeCache.PREF_HEIGHT, width, super::computePrefHeight);
        }

        @Override
        protected double computeMinHeight(double width) {
            return sizes.get(SizeCache.MIN_HEIGHT, width, super::computeMinHeight);
        }

        @Override
        protected double computePrefWidth(double height) {
            return sizes.get(SizeCache.PREF_WIDTH, height, super::computePrefWidth);
        }

        @Override
        public void requestLayout() {
            if (sizes != null) { // null while the super constructor runs
                sizes.forget();
            }
            super.requestLayout();
        }
    }

    /** Blocks one under another: a list, a quote, a list item's blocks, a settled part ({@link MarkdownView.Chunk}). */
    static class Column extends VBox implements MarkdownLooks.Copied {
        private final SizeCache sizes = new SizeCache();

        @Override
        public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
            return MarkdownLooks.declared(super.getCssMetaData());
        }

        @Override
        public Node probe() {
            return new VBox();
        }

        @Override
        protected double computePrefHeight(double width) {
            return sizes.get(SizeCache.PREF_HEIGHT, width, super::computePrefHeight);
        }

        @Override
        protected double computeMinHeight(double width) {
            return sizes.get(SizeCache.MIN_HEIGHT, width, super::computeMinHeight);
        }

        @Override
        protected double computePrefWidth(double height) {
            return sizes.get(SizeCache.PREF_WIDTH, height, super::computePrefWidth);
        }

        @Override
        protected double computeMinWidth(double height) {
            return sizes.get(SizeCache.MIN_WIDTH, height, super::computeMinWidth);
        }

        @Override
        public void requestLayout() {
            if (sizes != null) {
                sizes.forget();
            }
            super.requestLayout();
        }
    }

    /**
     * A list item: its marker beside its content. Its sizes are not remembered: both children are text flows that
     * remember theirs, and the list holding it remembers its own, so working a row's size out again costs little.
     */
    static final class Row extends HBox implements MarkdownLooks.Copied {
        Row(double spacing, Node... children) {
            super(spacing, children);
        }

        @Override
        public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
            return MarkdownLooks.declared(super.getCssMetaData());
        }

        @Override
        public Node probe() {
            return new HBox();
        }
    }

    /** A thematic break. */
    static final class Rule extends Region implements MarkdownLooks.Copied {
        @Override
        public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
            return MarkdownLooks.declared(super.getCssMetaData());
        }

        @Override
        public Node probe() {
            return new Region();
        }
    }
}
