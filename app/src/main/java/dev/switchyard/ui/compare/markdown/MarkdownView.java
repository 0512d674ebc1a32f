package dev.switchyard.ui.compare.markdown;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A streaming Markdown view, append-only: text grows at the end while a model answers. Each settled part
 * (everything before the start of the newest top-level block, see {@link MarkdownStream}) is rendered once into a
 * {@link Chunk} that is never rebuilt or touched again; the block being written shows as plain text in one reused
 * {@link Text} whose string is replaced (its Markdown syntax taken out and its block's look applied, {@link TailText}),
 * and is rendered as Markdown when the stream ends.
 */
public final class MarkdownView extends VBox {

    private final MarkdownStream<Chunk> stream = new MarkdownStream<>(Chunk::of);
    private final Text rawTail = new Text();
    private final TextFlow rawFlow = new TextFlow(rawTail);
    /** The tail text {@link #rawTail} shows (without its Markdown syntax, {@link TailText}). */
    private String rawSource = "";
    /** The tail's nodes: {@link #rawFlow} while streaming, its Markdown nodes once settled. */
    private List<Node> tail = List.of();
    /** The tail text {@link #tail} shows as Markdown; null while it shows raw text. */
    private String renderedTail;
    /**
     * Nodes of a previous answer, hidden and waiting to be detached a few per pulse: detaching a node from the scene
     * walks its whole subtree, and a new run would otherwise detach every node of six answers in its first pulse.
     */
    private final java.util.ArrayDeque<Node> retired = new java.util.ArrayDeque<>();
    private final javafx.animation.AnimationTimer detacher = new javafx.animation.AnimationTimer() {
        @Override
        public void handle(long now) {
            for (int i = 0; i < DETACH_PER_PULSE && !retired.isEmpty(); i++) {
                getChildren().remove(retired.poll());
            }
            if (retired.isEmpty()) {
                stop();
            }
        }
    };
    private static final int DETACH_PER_PULSE = 4;

    public MarkdownView() {
        getStyleClass().add("md-view");
        setFillWidth(true);
        rawTail.getStyleClass().setAll(TailText.PARAGRAPH);
        rawFlow.getStyleClass().setAll("md-text");
    }

    /** Shows {@code text} fully rendered. */
    public void setMarkdown(String text) {
        setMarkdown(text, false);
    }

    /**
     * Shows {@code text}; cheap when it extends the previous text. While {@code streaming}, the unsettled tail shows
     * as plain text in one reused node, so a streaming pane creates and styles new nodes only when a block settles
     * (once per block); the final call with {@code streaming = false} renders the tail as Markdown too.
     */
    public void setMarkdown(String text, boolean streaming) {
        MarkdownStream.Update<Chunk> u = stream.update(text);
        if (u.reset()) {
            retire();
        }
        if (!u.added().isEmpty()) {
            getChildren().addAll(getChildren().size() - tail.size(), u.added());
            renderedTail = null;
        }
        if (streaming) {
            if (!u.tail().equals(rawSource)) {
                rawSource = u.tail();
                TailText shown = TailText.of(u.tail());
                if (!rawTail.getStyleClass().equals(shown.runStyles())) {
                    rawTail.getStyleClass().setAll(shown.runStyles()); // once per block: a new block kind
                    rawFlow.getStyleClass().setAll(shown.flowStyle());
                }
                rawTail.setText(shown.text());
            }
            showTail(List.of(rawFlow));
            renderedTail = null;
        } else if (!u.tail().equals(renderedTail)) {
            showTail(u.tail().isEmpty() ? List.of() : List.of(Chunk.of(u.tail())));
            renderedTail = u.tail();
            rawTail.setText("");
            rawSource = "";
        }
    }

    /** Hides the nodes shown so far and detaches them over the next pulses (the reused tail node at once). */
    private void retire() {
        getChildren().remove(rawFlow);
        for (Node n : getChildren()) {
            if (n.isManaged()) {
                n.setVisible(false);
                n.setManaged(false);
                retired.add(n);
            }
        }
        tail = List.of();
        renderedTail = null;
        if (getScene() == null) {
            getChildren().removeAll(retired); // not showing: detaching costs nothing worth spreading
            retired.clear();
        } else if (!retired.isEmpty()) {
            detacher.start();
        }
    }

    private void showTail(List<Node> nodes) {
        if (nodes.equals(tail)) {
            return;
        }
        int from = getChildren().size() - tail.size();
        getChildren().remove(from, getChildren().size());
        getChildren().addAll(nodes);
        tail = nodes;
    }

    /** The settled chunks, oldest first (each rendered once; for tests). */
    public List<Chunk> settledChunks() {
        return stream.settled();
    }

    /**
     * The nodes of a settled part. Their sizes never change once styled, so size queries are remembered for the
     * last few widths: a layout pass costs O(chunks), not O(text), while the tail streams (JavaFX caches size
     * queries only without a width, and a scroll pane asks for two widths, with and without its scroll bar).
     */
    public static final class Chunk extends VBox {
        private static final int WIDTHS = 4;
        private static final int PREF_H = 0;
        private static final int MIN_H = 1;
        private static final int PREF_W = 2;
        private static final int MIN_W = 3;
        private final double[][] args = new double[4][WIDTHS];
        private final double[][] values = new double[4][WIDTHS];
        private final int[] next = new int[4];

        Chunk() {
            getStyleClass().add("md-chunk");
            forget();
        }

        static Chunk of(String markdown) {
            Chunk c = new Chunk();
            c.getChildren().setAll(MarkdownNodes.render(markdown));
            return c;
        }

        private void forget() {
            if (args == null) {
                return; // called from the super constructor
            }
            for (double[] a : args) {
                java.util.Arrays.fill(a, Double.NaN);
            }
        }

        private double cached(int kind, double arg, java.util.function.DoubleUnaryOperator compute) {
            double[] a = args[kind];
            for (int i = 0; i < WIDTHS; i++) {
                if (Double.compare(a[i], arg) == 0) {
                    return values[kind][i];
                }
            }
            double v = compute.applyAsDouble(arg);
            int slot = next[kind];
            next[kind] = (slot + 1) % WIDTHS;
            a[slot] = arg;
            values[kind][slot] = v;
            return v;
        }

        @Override
        protected double computePrefHeight(double width) {
            return cached(PREF_H, width, super::computePrefHeight);
        }

        @Override
        protected double computeMinHeight(double width) {
            return cached(MIN_H, width, super::computeMinHeight);
        }

        @Override
        protected double computePrefWidth(double height) {
            return cached(PREF_W, height, super::computePrefWidth);
        }

        @Override
        protected double computeMinWidth(double height) {
            return cached(MIN_W, height, super::computeMinWidth);
        }

        @Override
        public void requestLayout() {
            forget();
            super.requestLayout();
        }
    }
}
