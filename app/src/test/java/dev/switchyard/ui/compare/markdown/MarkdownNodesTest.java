package dev.switchyard.ui.compare.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.junit.jupiter.api.Test;

/**
 * What Markdown becomes: as few nodes as show it (every node of six streaming answers is styled, laid out and walked
 * at every pulse), with the texts and styles intact.
 */
class MarkdownNodesTest {

    @Test
    void aTightListItemHoldsItsParagraphWithoutABoxAroundIt() {
        List<Node> blocks = MarkdownNodes.render("1. Measure `ttft` on the device\n2. Compare cost\n");
        VBox list = (VBox) blocks.get(0);
        assertThat(list.getChildren()).hasSize(2);
        HBox item = (HBox) list.getChildren().get(0);
        assertThat(item.getChildren()).hasSize(2);
        assertThat(texts(item.getChildren().get(0))).containsExactly("1.");
        TextFlow content = (TextFlow) item.getChildren().get(1);
        assertThat(HBox.getHgrow(content)).isEqualTo(javafx.scene.layout.Priority.ALWAYS);
        assertThat(texts(content)).containsExactly("Measure ", "ttft", " on the device");
        assertThat(MarkdownNodes.classesOf(content.getChildren().get(1))).contains("md-code");
        // the list; per item its row, the marker (a fixed-width flow and its text), the paragraph and its runs
        assertThat(count(list)).isEqualTo(1 + (1 + 2 + 1 + 3) + (1 + 2 + 1 + 1));
    }

    @Test
    void anItemOfSeveralBlocksKeepsThemInOrderInABox() {
        List<Node> blocks = MarkdownNodes.render("- First paragraph.\n\n  Second paragraph.\n- Next\n");
        HBox item = (HBox) ((VBox) blocks.get(0)).getChildren().get(0);
        VBox content = (VBox) item.getChildren().get(1);
        assertThat(MarkdownNodes.classesOf(content)).contains("md-blocks");
        assertThat(content.getChildren()).hasSize(2);
        assertThat(texts(content)).containsExactly("First paragraph.", "Second paragraph.");
    }

    @Test
    void runsThatLookAlikeAreOneTextAndStyledRunsStayApart() {
        List<Node> blocks = MarkdownNodes.render("Ship the **offline\nmodel** first,\nthen route *complex* ones.");
        TextFlow p = (TextFlow) blocks.get(0);
        assertThat(texts(p)).containsExactly("Ship the ", "offline model", " first, then route ", "complex", " ones.");
        assertThat(MarkdownNodes.classesOf(p.getChildren().get(1))).containsExactly("md-run", "md-text", "md-strong");
        assertThat(MarkdownNodes.classesOf(p.getChildren().get(2))).containsExactly("md-run", "md-text");
        assertThat(MarkdownNodes.classesOf(p.getChildren().get(3))).containsExactly("md-run", "md-text", "md-em");
    }

    private static List<String> texts(Node n) {
        List<String> out = new ArrayList<>();
        if (n instanceof Text t) {
            out.add(t.getText());
        } else if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                out.addAll(texts(c));
            }
        }
        return out;
    }

    private static int count(Node n) {
        int c = 1;
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                c += count(child);
            }
        }
        return c;
    }
}
