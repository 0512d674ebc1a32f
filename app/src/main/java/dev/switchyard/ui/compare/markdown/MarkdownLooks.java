package dev.switchyard.ui.compare.markdown;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.css.CssMetaData;
import javafx.css.StyleOrigin;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;

/**
 * Styles the nodes of rendered Markdown by copying, not by a CSS pass per node (README decision 29). JavaFX works out
 * every styleable property of every new node at its first CSS pass (some 20–40 properties a node, each looked up
 * through the stylesheets' rules); when a block settles in six streaming panes at once that was the larger part of
 * the FX thread's longest bursts. The nodes {@link MarkdownNodes} builds declare no styleable properties
 * ({@link Copied}), so that pass has nothing to do on them; instead, for each kind of node and list of style classes,
 * a plain node of that kind with those classes (a <em>probe</em>) is styled once by the scene's stylesheets inside
 * the Markdown view, and the values the stylesheets gave it are copied onto every node with the same classes. The
 * stylesheets (compare.css's {@code md-*} rules, the theme's colours) stay the one place that says how Markdown
 * looks; the copies are read again when the scene's stylesheets change (a theme switch).
 *
 * <p>A copied node keeps its Markdown style classes to itself ({@link Copied#classes}), off its
 * {@link Node#getStyleClass() style class list}: JavaFX matches every new node's style classes against the
 * stylesheets' rules at its first CSS pass, whether or not the node declares anything to style, walking up the
 * node's ancestors for each rule such as {@code #compare-screen .md-run}, and keeps what matched in a style helper
 * per node; with no classes nothing matches, no helper is made, and the pass on the node does next to nothing
 * (README decision 31). {@link MarkdownNodes#classesOf} reads the classes of any rendered node.
 *
 * <p>What a probe cannot see: a rule that depends on a Markdown node's Markdown ancestors (a probe is a direct child
 * of the view) or on a pseudo-class such as {@code :hover}. compare.css's {@code md-*} rules use neither.
 * {@code -Dswitchyard.markdownLooks=false} styles the nodes by CSS as before (for comparing the two).
 */
final class MarkdownLooks {

    /** Whether Markdown nodes are styled by copying (the default) or by JavaFX's CSS pass. */
    static final boolean ON = !"false".equals(System.getProperty("switchyard.markdownLooks"));

    /** What a {@link Copied} node declares instead of {@code css}, its kind's styleable properties. */
    static List<CssMetaData<? extends Styleable, ?>> declared(List<CssMetaData<? extends Styleable, ?>> css) {
        return ON ? List.of() : css;
    }

    /**
     * A node styled by copying: it declares no styleable properties and has no CSS style classes while {@link #ON},
     * and can make a plain node of its kind.
     */
    interface Copied {
        /** A plain node of the same kind (styled by CSS), to read what the stylesheets give its style classes. */
        Node probe();

        /** Its Markdown style classes (also its CSS style classes when not {@link #ON}). */
        List<String> classes();
    }

    /**
     * The style classes of a {@link Copied} node being made, as it keeps them: also given to CSS when nodes are styled
     * by CSS ({@code -Dswitchyard.markdownLooks=false}).
     */
    static List<String> classify(Node node, List<String> classes) {
        List<String> fixed = List.copyOf(classes);
        if (!ON) {
            node.getStyleClass().setAll(fixed);
        }
        return fixed;
    }

    private record Key(Class<?> kind, List<String> classes) {
    }

    private record Setting(CssMetaData<Styleable, Object> meta, StyleOrigin origin, Object value) {
    }

    private final Map<Key, List<Setting>> cache = new HashMap<>();
    private final Set<MarkdownView> views = new LinkedHashSet<>();
    private int generation;

    private MarkdownLooks(Scene scene) {
        scene.getStylesheets().addListener((ListChangeListener<String>) c -> {
            cache.clear();
            generation++;
            List.copyOf(views).forEach(MarkdownView::restyle);
        });
    }

    /** The looks of {@code scene}'s Markdown views (one per scene). */
    static MarkdownLooks of(Scene scene) {
        return (MarkdownLooks) scene.getProperties().computeIfAbsent(MarkdownLooks.class, k -> new MarkdownLooks(scene));
    }

    /** Counts the scene's stylesheet changes: nodes styled at an older count need styling again. */
    int generation() {
        return generation;
    }

    /** {@code view} is restyled when the scene's stylesheets change, while it is in the scene. */
    void watch(MarkdownView view) {
        views.add(view);
    }

    void unwatch(MarkdownView view) {
        views.remove(view);
    }

    /**
     * Gives {@code node} and the {@link Copied} nodes below it the values the scene's stylesheets give their style
     * classes; a combination not seen before is probed inside {@code context}, the view the nodes are shown in.
     */
    void style(Node node, Pane context) {
        if (node instanceof Copied copied) {
            for (Setting s : settings(node, copied, context)) {
                s.meta().getStyleableProperty(node).applyStyle(s.origin(), s.value());
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                style(child, context);
            }
        }
    }

    private List<Setting> settings(Node node, Copied copied, Pane context) {
        Key key = new Key(node.getClass(), copied.classes());
        List<Setting> settings = cache.get(key);
        if (settings == null) {
            settings = probe(copied.probe(), key.classes(), context);
            cache.put(key, settings);
        }
        return settings;
    }

    @SuppressWarnings("unchecked")
    private static List<Setting> probe(Node probe, List<String> classes, Pane context) {
        probe.getStyleClass().setAll(classes);
        probe.setManaged(false);
        probe.setVisible(false);
        context.getChildren().add(probe);
        try {
            probe.applyCss();
            List<Setting> out = new ArrayList<>();
            for (CssMetaData<? extends Styleable, ?> m : probe.getCssMetaData()) {
                CssMetaData<Styleable, Object> meta = (CssMetaData<Styleable, Object>) m;
                StyleableProperty<Object> p = meta.getStyleableProperty(probe);
                StyleOrigin origin = p == null ? null : p.getStyleOrigin();
                if (origin != null && origin != StyleOrigin.USER) { // set by a stylesheet, not by code
                    out.add(new Setting(meta, origin, p.getValue()));
                }
            }
            return List.copyOf(out);
        } finally {
            context.getChildren().remove(probe);
        }
    }
}
