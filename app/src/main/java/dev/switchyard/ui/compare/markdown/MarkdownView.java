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
 * and is rendered as Markdown when the stream ends. Rendered nodes are styled by copying ({@link MarkdownLooks}), so a
 * settled part can be built, styled and measured before it is shown ({@link #prepare}; README decision 29).
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
    /** The looks copied onto rendered nodes (decision 29); null while not in a scene or styled by CSS. */
    private MarkdownLooks looks;
    /** {@link MarkdownLooks#generation()} the shown nodes were styled at. */
    private int styledGeneration = -1;
    /** Settled parts built, styled and measured ahead of the next render ({@link #prepare}), not shown yet. */
    private final List<Chunk> prepared = new java.util.ArrayList<>();
    /** The text was replaced since the last render: the nodes shown go before the prepared ones are added. */
    private boolean preparedReset;
    /** The open block rendered as Markdown ahead of the final render ({@link #prepareFinal}), and its text. */
    private Chunk preparedTail;
    private String preparedTailText;
    /** The widths this view was last asked its height at, newest first (a scroll pane asks at two, a window at none). */
    private final double[] askedWidths = {Double.NaN, Double.NaN, Double.NaN};

    public MarkdownView() {
        getStyleClass().add("md-view");
        setFillWidth(true);
        rawTail.getStyleClass().setAll(TailText.PARAGRAPH);
        rawFlow.getStyleClass().setAll("md-text");
        if (MarkdownLooks.ON) {
            sceneProperty().addListener((o, old, scene) -> {
                if (looks != null) {
                    looks.unwatch(this);
                }
                looks = scene == null ? null : MarkdownLooks.of(scene);
                if (looks != null) {
                    looks.watch(this);
                    if (looks.generation() != styledGeneration) {
                        restyle();
                    }
                }
            });
        }
    }

    /** Styles every rendered node shown again (the scene's stylesheets changed, or the view entered a scene). */
    void restyle() {
        if (looks == null) {
            return;
        }
        for (Node n : List.copyOf(getChildren())) {
            looks.style(n, this);
        }
        styledGeneration = looks.generation();
    }

    /** Adds rendered nodes at {@code index}, styled as the scene's stylesheets say (decision 29). */
    private void addRendered(int index, List<? extends Node> nodes) {
        if (looks != null) {
            if (looks.generation() != styledGeneration) {
                restyle();
            }
            for (Node n : nodes) {
                if (!(n instanceof Chunk c) || c.styledAt != styledGeneration) {
                    looks.style(n, this);
                }
            }
        }
        getChildren().addAll(index, nodes);
    }

    /**
     * Builds the blocks of {@code text} that settled since the last call, styles them and works out their sizes at
     * the widths this view was last laid out at, without showing them (decision 29): called in the pulses between
     * two renders, so that when six panes settle a block at once the render that shows them only attaches them. Does
     * nothing while the nodes cannot be styled here (not in a scene, or styled by CSS).
     */
    public void prepare(String text) {
        prepareSettled(text);
    }

    /**
     * As {@link #prepare}, for the text a stream ended with: the open block too is built, styled and measured as the
     * Markdown the final {@code setMarkdown(text, false)} shows, so six answers ending in one frame do not render six
     * blocks in it.
     */
    public void prepareFinal(String text) {
        String open = prepareSettled(text);
        if (open == null || open.isEmpty() || open.equals(renderedTail) || open.equals(preparedTailText)) {
            return;
        }
        preparedTail = Chunk.of(open);
        looks.style(preparedTail, this);
        preparedTail.styledAt = styledGeneration;
        measure(preparedTail);
        preparedTailText = open;
    }

    /** Builds, styles and measures what settled (see {@link #prepare}); the open block's text, null if not styled here. */
    private String prepareSettled(String text) {
        if (looks == null) {
            return null;
        }
        MarkdownStream.Update<Chunk> u = stream.update(text);
        if (u.reset()) {
            prepared.clear();
            preparedReset = true;
        }
        if (looks.generation() != styledGeneration) {
            restyle();
        }
        for (Chunk c : u.added()) {
            looks.style(c, this);
            c.styledAt = styledGeneration;
            measure(c);
            prepared.add(c);
        }
        return u.tail();
    }

    /** Asks {@code c} its sizes as this view's layout will, at the widths it was last laid out at (oldest first). */
    private void measure(Chunk c) {
        for (int i = askedWidths.length - 1; i >= 0; i--) {
            double width = askedWidths[i];
            if (Double.isNaN(width)) {
                continue;
            }
            // as VBox.getAreaHeights and Region.computeChildPrefAreaHeight work out a filled child's width
            double inside = width - snapSpaceX(getInsets().getLeft()) - snapSpaceX(getInsets().getRight());
            double w = width < 0 ? -1
                    : snapSizeX(Math.min(Math.max(inside, c.minWidth(-1)), Math.max(c.minWidth(-1), c.maxWidth(-1))));
            c.minHeight(w);
            c.prefHeight(w);
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        int seen = 0;
        while (seen < askedWidths.length - 1 && Double.compare(askedWidths[seen], width) != 0) {
            seen++;
        }
        System.arraycopy(askedWidths, 0, askedWidths, 1, seen); // move it to the front, the oldest drops out
        askedWidths[0] = width;
        return super.computePrefHeight(width);
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
        List<Chunk> added = u.added();
        if (!u.reset() && !prepared.isEmpty()) {
            prepared.addAll(added);
            added = List.copyOf(prepared);
        }
        if (u.reset() || preparedReset) {
            retire();
        }
        prepared.clear();
        preparedReset = false;
        Chunk preparedLast = preparedTail;
        String preparedLastText = preparedTailText;
        preparedTail = null;
        preparedTailText = null;
        if (!added.isEmpty()) {
            addRendered(getChildren().size() - tail.size(), added);
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
            Chunk last = !u.reset() && u.tail().equals(preparedLastText) ? preparedLast : Chunk.of(u.tail());
            showTail(u.tail().isEmpty() ? List.of() : List.of(last));
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
        addRendered(getChildren().size(), nodes);
        tail = nodes;
    }

    /** The settled chunks, oldest first (each rendered once; for tests). */
    public List<Chunk> settledChunks() {
        return stream.settled();
    }

    /**
     * The nodes of a settled part. Their sizes never change once styled, so size queries are remembered for the
     * last few widths ({@link SizeCache}): a layout pass costs O(chunks), not O(text), while the tail streams.
     */
    public static final class Chunk extends Rendered.Column {
        /** The looks generation it was styled at ahead of being shown; -1 if not. */
        private int styledAt = -1;

        Chunk() {
            super("md-chunk");
        }

        static Chunk of(String markdown) {
            Chunk c = new Chunk();
            c.getChildren().setAll(MarkdownNodes.render(markdown));
            return c;
        }
    }
}
