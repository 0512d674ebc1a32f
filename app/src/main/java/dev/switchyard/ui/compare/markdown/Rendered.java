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
 * The kinds of node rendered Markdown is built from ({@link MarkdownNodes}): each with its Markdown style classes
 * fixed when made and styled by copying ({@link MarkdownLooks}), and — text flows and columns of blocks — remembering
 * their sizes ({@link SizeCache}), since a settled block never changes.
 */
final class Rendered {

    private Rendered() {
    }

    /** A run of text. */
    static final class Run extends Text implements MarkdownLooks.Copied {
        private final List<String> classes;

        Run(String text, List<String> classes) {
            super(text);
            this.classes = MarkdownLooks.classify(this, classes);
        }

        @Override
        public List<String> classes() {
            return classes;
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
        private final List<String> classes;

        Flow(List<String> classes) {
            this.classes = MarkdownLooks.classify(this, classes);
        }

        @Override
        public List<String> classes() {
            return classes;
        }

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
            double known = sizes.find(SizeCache.PREF_HEIGHT, width);
            return Double.isNaN(known) ? sizes.keep(SizeCache.PREF_HEIGHT, width, super.computePrefHeight(width)) : known;
        }

        @Override
        protected double computeMinHeight(double width) {
            double known = sizes.find(SizeCache.MIN_HEIGHT, width);
            return Double.isNaN(known) ? sizes.keep(SizeCache.MIN_HEIGHT, width, super.computeMinHeight(width)) : known;
        }

        @Override
        protected double computePrefWidth(double height) {
            double known = sizes.find(SizeCache.PREF_WIDTH, height);
            return Double.isNaN(known) ? sizes.keep(SizeCache.PREF_WIDTH, height, super.computePrefWidth(height)) : known;
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
        private final List<String> classes;

        Column(String... classes) {
            this.classes = MarkdownLooks.classify(this, List.of(classes));
        }

        @Override
        public List<String> classes() {
            return classes;
        }

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
            double known = sizes.find(SizeCache.PREF_HEIGHT, width);
            return Double.isNaN(known) ? sizes.keep(SizeCache.PREF_HEIGHT, width, super.computePrefHeight(width)) : known;
        }

        @Override
        protected double computeMinHeight(double width) {
            double known = sizes.find(SizeCache.MIN_HEIGHT, width);
            return Double.isNaN(known) ? sizes.keep(SizeCache.MIN_HEIGHT, width, super.computeMinHeight(width)) : known;
        }

        @Override
        protected double computePrefWidth(double height) {
            double known = sizes.find(SizeCache.PREF_WIDTH, height);
            return Double.isNaN(known) ? sizes.keep(SizeCache.PREF_WIDTH, height, super.computePrefWidth(height)) : known;
        }

        @Override
        protected double computeMinWidth(double height) {
            double known = sizes.find(SizeCache.MIN_WIDTH, height);
            return Double.isNaN(known) ? sizes.keep(SizeCache.MIN_WIDTH, height, super.computeMinWidth(height)) : known;
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
        private static final List<String> CLASSES = List.of("md-item");

        Row(double spacing, Node... children) {
            super(spacing, children);
            MarkdownLooks.classify(this, CLASSES);
        }

        @Override
        public List<String> classes() {
            return CLASSES;
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
        private static final List<String> CLASSES = List.of("md-rule");

        Rule() {
            MarkdownLooks.classify(this, CLASSES);
        }

        @Override
        public List<String> classes() {
            return CLASSES;
        }
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
