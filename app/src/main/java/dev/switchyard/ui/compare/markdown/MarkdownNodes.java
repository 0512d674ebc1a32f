package dev.switchyard.ui.compare.markdown;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Markdown → JavaFX nodes: headings, paragraphs with emphasis, strong, inline code and links, bullet and
 * numbered lists (nested), fenced and indented code blocks, block quotes and rules. Raw HTML shows as text.
 * Style classes {@code md-*} are styled in compare.css ({@link #classesOf}). Only {@link Text}, {@link TextFlow} and
 * plain layout panes are used (no controls: a control needs a skin and costs several times more to style), since a
 * streaming answer creates these nodes while other panes stream.
 */
public final class MarkdownNodes {

    private static final Parser PARSER = Parser.builder().build();
    private static final List<String> MARKER = List.of("md-run", "md-text", "md-marker");
    private static final List<String> CODE_BLOCK = List.of("md-code-block");

    private MarkdownNodes() {
    }

    /**
     * The Markdown style classes of a rendered node ({@code md-h2}, {@code md-code-block}, …): rendered nodes keep
     * them off their CSS style class list (README decision 31), other nodes have them there.
     */
    public static List<String> classesOf(Node node) {
        return node instanceof MarkdownLooks.Copied copied ? copied.classes() : node.getStyleClass();
    }

    /** The block nodes of a Markdown text. */
    public static List<Node> render(String markdown) {
        org.commonmark.node.Node doc = PARSER.parse(markdown == null ? "" : markdown);
        List<Node> out = new ArrayList<>();
        for (org.commonmark.node.Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            Node block = block(n, 0);
            if (block != null) {
                out.add(block);
            }
        }
        return out;
    }

    private static Node block(org.commonmark.node.Node n, int depth) {
        if (n instanceof Heading h) {
            String level = "md-h" + Math.min(h.getLevel(), 4);
            return inline(h, level, level, "md-heading");
        }
        if (n instanceof Paragraph p) {
            return inline(p, "md-text", "md-text");
        }
        if (n instanceof FencedCodeBlock c) {
            return code(c.getLiteral());
        }
        if (n instanceof IndentedCodeBlock c) {
            return code(c.getLiteral());
        }
        if (n instanceof HtmlBlock h) {
            return code(h.getLiteral());
        }
        if (n instanceof BulletList || n instanceof OrderedList) {
            return list(n, depth);
        }
        if (n instanceof BlockQuote q) {
            return children(q, depth, "md-blocks", "md-quote");
        }
        if (n instanceof ThematicBreak) {
            return new Rendered.Rule();
        }
        return null;
    }

    private static VBox children(org.commonmark.node.Node parent, int depth, String... classes) {
        VBox box = new Rendered.Column(classes);
        for (org.commonmark.node.Node c = parent.getFirstChild(); c != null; c = c.getNext()) {
            Node b = block(c, depth);
            if (b != null) {
                box.getChildren().add(b);
            }
        }
        return box;
    }

    private static Node list(org.commonmark.node.Node list, int depth) {
        VBox box = new Rendered.Column("md-list");
        int number = list instanceof OrderedList o && o.getMarkerStartNumber() != null ? o.getMarkerStartNumber() : 1;
        for (org.commonmark.node.Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            Text mark = new Rendered.Run(list instanceof OrderedList ? number++ + "." : depth % 2 == 0 ? "•" : "◦",
                    MARKER);
            TextFlow marker = new Rendered.Flow(List.of());
            marker.getChildren().add(mark);
            double w = list instanceof OrderedList ? 22 : 14;
            marker.setMinWidth(w);
            marker.setPrefWidth(w);
            marker.setMaxWidth(w);
            // an item of one block (a tight list's paragraph) holds that block itself: no box around it
            Node content = item.getFirstChild() != null && item.getFirstChild() == item.getLastChild()
                    ? block(item.getFirstChild(), depth + 1) : null;
            if (content == null) {
                content = children(item, depth + 1, "md-blocks");
            }
            HBox.setHgrow(content, Priority.ALWAYS);
            box.getChildren().add(new Rendered.Row(4, marker, content));
        }
        return box;
    }

    private static Node code(String literal) {
        String text = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
        TextFlow flow = new Rendered.Flow(CODE_BLOCK);
        flow.getChildren().add(new Rendered.Run(text, TailText.CODE));
        return flow;
    }

    /** A flow of {@code parent}'s inline content, its runs styled {@code md-run}, {@code base} and their emphasis. */
    private static TextFlow inline(org.commonmark.node.Node parent, String base, String... flowClasses) {
        TextFlow flow = new Rendered.Flow(List.of(flowClasses));
        parent.accept(new InlineBuilder(flow, base));
        return flow;
    }

    /** Walks inline nodes, tracking emphasis, and appends styled Text runs. */
    private static final class InlineBuilder extends AbstractVisitor {
        private final TextFlow flow;
        private final String base;
        private final List<String> styles = new ArrayList<>();

        InlineBuilder(TextFlow flow, String base) {
            this.flow = flow;
            this.base = base;
        }

        /**
         * Appends a run; one that looks like the run before it (same styles: words around a soft line break, a link's
         * parts) is added to that run's text instead — every node is styled, laid out and walked at every pulse.
         */
        private void add(String s, String... extra) {
            List<String> classes = new ArrayList<>(2 + styles.size() + extra.length);
            classes.add("md-run");
            classes.add(base);
            classes.addAll(styles);
            classes.addAll(List.of(extra));
            List<Node> runs = flow.getChildren();
            if (!runs.isEmpty() && runs.get(runs.size() - 1) instanceof Rendered.Run last
                    && last.classes().equals(classes)) {
                last.setText(last.getText() + s);
                return;
            }
            runs.add(new Rendered.Run(s, classes));
        }

        private void styled(org.commonmark.node.Node n, String style) {
            styles.add(style);
            visitChildren(n);
            styles.remove(styles.size() - 1);
        }

        @Override
        public void visit(org.commonmark.node.Text text) {
            add(text.getLiteral());
        }

        @Override
        public void visit(Emphasis e) {
            styled(e, "md-em");
        }

        @Override
        public void visit(StrongEmphasis s) {
            styled(s, "md-strong");
        }

        @Override
        public void visit(Link link) {
            styled(link, "md-link");
        }

        @Override
        public void visit(Code code) {
            add(code.getLiteral(), "md-code");
        }

        @Override
        public void visit(HtmlInline html) {
            add(html.getLiteral());
        }

        @Override
        public void visit(SoftLineBreak b) {
            add(" ");
        }

        @Override
        public void visit(HardLineBreak b) {
            add("\n");
        }
    }
}
