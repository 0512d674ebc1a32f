package dev.switchyard.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.ui.compare.markdown.MarkdownView;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The streaming Markdown view on the FX thread (toolkit started, no window): what a token append touches. */
class MarkdownViewTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(30, TimeUnit.SECONDS);
    }

    @Test
    void finishedBlocksKeepTheirNodesAndTheOpenBlockIsOneReusedText() throws Exception {
        onFx(() -> {
            MarkdownView view = new MarkdownView();
            String answer = "## Plan\n\nFirst **bold** paragraph.\n\n- one\n- two\n\n```\ncode\n```\n\nLast words";
            view.setMarkdown(answer.substring(0, 20), true);
            List<Node> before = new ArrayList<>(view.getChildren());
            Text tail = (Text) ((Parent) before.get(before.size() - 1)).getChildrenUnmodifiable().get(0);
            List<MarkdownView.Chunk> chunks = new ArrayList<>(view.settledChunks());
            assertThat(chunks).hasSize(1); // the heading

            for (int i = 21; i <= answer.length(); i++) {
                view.setMarkdown(answer.substring(0, i), true);
                List<MarkdownView.Chunk> now = view.settledChunks();
                for (int k = 0; k < chunks.size(); k++) {
                    assertThat(now.get(k)).as("chunk %d after %d chars", k, i).isSameAs(chunks.get(k));
                    assertThat(view.getChildren().get(k)).isSameAs(chunks.get(k));
                }
                chunks = new ArrayList<>(now);
                Node last = view.getChildren().get(view.getChildren().size() - 1);
                assertThat(((Parent) last).getChildrenUnmodifiable()).containsExactly(tail);
            }
            assertThat(chunks).hasSize(4); // heading, paragraph, list, code block
            assertThat(tail.getText()).isEqualTo("Last words");

            // the stream ends: the open block is rendered as Markdown, the settled chunks stay as they are
            view.setMarkdown(answer, false);
            assertThat(view.getChildren()).hasSize(5).startsWith(chunks.toArray(Node[]::new));
            assertThat(texts(view)).contains("Plan", "bold", "one", "two", "code", "Last words");
            assertThat(all(view)).noneMatch(n -> n instanceof Control); // no skins to build while streaming
            List<Node> finished = new ArrayList<>(view.getChildren());
            view.setMarkdown(answer, false);
            assertThat(view.getChildren()).containsExactlyElementsOf(finished);

            // another answer replaces everything
            view.setMarkdown("Other", true);
            assertThat(view.settledChunks()).isEmpty();
            assertThat(texts(view)).containsExactly("Other");
            return null;
        });
    }

    @Test
    void aNewAnswerHidesTheOldNodesAtOnceAndDetachesThemOverTheNextPulses() throws Exception {
        MarkdownView view = onFx(() -> {
            MarkdownView v = new MarkdownView();
            new javafx.scene.Scene(v);
            for (int i = 1; i <= 12; i++) { // twelve settled chunks, then the last block rendered
                v.setMarkdown("# Answer\n\n" + "Paragraph.\n\n".repeat(i) + "End", i < 12);
            }
            return v;
        });
        assertThat(onFx(() -> view.getChildren().size())).isEqualTo(13);
        onFx(() -> {
            view.setMarkdown("Another", true);
            assertThat(view.getChildren().stream().filter(Node::isVisible).toList()).hasSize(1);
            assertThat(texts(view)).containsExactly("Another");
            assertThat(view.getChildren().size()).isGreaterThan(1); // the rest leaves over the next pulses
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> view.getChildren().size()) == 1);
    }

    /** The visible nodes under {@code n}. */
    private static List<Node> all(Node n) {
        List<Node> out = new ArrayList<>();
        if (!n.isVisible()) {
            return out;
        }
        out.add(n);
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> out.addAll(all(c)));
        }
        return out;
    }

    private static List<String> texts(Node n) {
        return all(n).stream().filter(t -> t instanceof Text).map(t -> ((Text) t).getText()).filter(s -> !s.isBlank()).toList();
    }
}
