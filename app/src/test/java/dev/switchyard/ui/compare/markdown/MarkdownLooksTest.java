package dev.switchyard.ui.compare.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.ui.SwitchyardApp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Rendered Markdown styled by copying (README decision 29) in a real window with the app's stylesheets: every node
 * looks as JavaFX's CSS makes a plain node with its style classes look, in the light and the dark theme; and blocks
 * prepared between renders are built, styled and measured before they are shown.
 */
class MarkdownLooksTest {

    private static final String ANSWER = """
            ## Rollout plan

            Ship the **offline intent model** first, then route *complex* questions to the [cloud](https://x).

            1. Measure `ttft` on the device
            2. Compare cost per 1,000 prompts

            ```java
            var policy = Policy.firstMatch(rules).orElse(cloud);
            ```

            - Local answers stay private
              - nested

            > Measure before you decide.

            ---

            Done.
            """;

    private Stage stage;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        if (stage != null) {
            onFx(() -> {
                stage.close();
                return null;
            });
        }
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(30, TimeUnit.SECONDS);
    }

    /** A window like the Compare screen's: the view in a scroll pane under {@code #compare-screen}. */
    private MarkdownView show(String... themeSheets) {
        return show(200, themeSheets);
    }

    private MarkdownView show(double viewportHeight, String... themeSheets) {
        MarkdownView view = new MarkdownView();
        ScrollPane scroll = new ScrollPane(view);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportWidth(260);
        scroll.setPrefViewportHeight(viewportHeight);
        scroll.setMaxHeight(Region.USE_PREF_SIZE);
        BorderPane root = new BorderPane(scroll);
        root.setId("compare-screen");
        Scene scene = new Scene(root, 300, viewportHeight + 60);
        scene.getStylesheets().add(sheet(SwitchyardApp.BASE_CSS));
        for (String s : themeSheets) {
            scene.getStylesheets().add(sheet(s));
        }
        scene.getStylesheets().add(sheet("/assets/css/compare.css"));
        stage = new Stage();
        stage.setScene(scene);
        stage.show();
        return view;
    }

    private static String sheet(String resource) {
        return MarkdownLooksTest.class.getResource(resource).toExternalForm();
    }

    @Test
    void everyRenderedNodeLooksAsCssMakesAPlainNodeWithItsClassesLook() throws Exception {
        onFx(() -> {
            MarkdownView view = show();
            view.setMarkdown(ANSWER, false);
            List<Node> rendered = copied(view);
            assertThat(rendered).hasSizeGreaterThan(20);
            assertLooksAsCss(view, rendered);

            // what the probes read is what compare.css says
            Text heading = (Text) rendered.stream().filter(n -> n instanceof Text && MarkdownNodes.classesOf(n).contains("md-h2"))
                    .findFirst().orElseThrow();
            assertThat(heading.getFont().getSize()).isEqualTo(16.0);
            assertThat(heading.getFont().getStyle()).containsIgnoringCase("bold");
            TextFlow code = (TextFlow) rendered.stream().filter(n -> MarkdownNodes.classesOf(n).contains("md-code-block")).findFirst().orElseThrow();
            assertThat(code.getBackground()).isNotNull();
            assertThat(code.getPadding().getLeft()).isEqualTo(10.0);
            // JavaFX's CSS pass has nothing to work out on them: nothing declared, no class to match rules against
            assertThat(heading.getCssMetaData()).isEmpty();
            assertThat(rendered).allSatisfy(n -> assertThat(n.getStyleClass()).as(n.toString()).isEmpty());
            return null;
        });
    }

    @Test
    void switchingTheThemeRestylesWhatIsShown() throws Exception {
        onFx(() -> {
            MarkdownView view = show();
            view.setMarkdown(ANSWER, false);
            Text run = (Text) copied(view).stream().filter(n -> n instanceof Text t && t.getText().startsWith("Ship"))
                    .findFirst().orElseThrow();
            Object light = run.getFill();

            Scene scene = view.getScene();
            scene.getStylesheets().add(scene.getStylesheets().size() - 1, sheet("/assets/css/theme-dark.css"));
            assertThat(run.getFill()).isNotEqualTo(light);
            assertLooksAsCss(view, copied(view));
            return null;
        });
    }

    @Test
    void aBlockPreparedBetweenRendersIsShownWithoutWorkingOutItsSizesAgain() throws Exception {
        onFx(() -> {
            MarkdownView view = show(60); // the answer is longer than the viewport already: its scroll bar shows
            Parent root = view.getScene().getRoot();
            String first = ANSWER.substring(0, ANSWER.indexOf("1. Measure"));
            view.setMarkdown(first, true);
            root.applyCss();
            root.layout();
            // the next blocks arrive; between two renders they are built, styled and measured off the scene
            String more = ANSWER.substring(0, ANSWER.indexOf("> Measure"));
            List<MarkdownView.Chunk> shown = List.copyOf(view.settledChunks());
            view.prepare(more);
            List<MarkdownView.Chunk> prepared = new ArrayList<>(view.settledChunks());
            prepared.removeAll(shown);
            assertThat(prepared).isNotEmpty();
            assertThat(view.getChildren()).doesNotContainAnyElementsOf(prepared);
            assertThat(String.join("", texts(prepared.get(0)))).contains("offline intent model", "ttft", "var policy"); // paragraph, list, code
            long before = SizeCache.computed;

            view.setMarkdown(more, true);
            root.applyCss();
            root.layout();
            assertThat(view.getChildren()).containsAll(view.settledChunks());
            assertThat(SizeCache.computed - before).as("sizes worked out again when shown").isZero();
            assertLooksAsCss(view, copied(view));
            return null;
        });
    }

    @Test
    void theLastBlockOfAnEndedAnswerIsPreparedBeforeTheFinalRender() throws Exception {
        MarkdownView view = onFx(() -> {
            MarkdownView v = show(60);
            v.setMarkdown(ANSWER.substring(0, ANSWER.indexOf("Done.")), true);
            return v;
        });
        WaitForAsyncUtils.waitForFxEvents(); // shown and laid out by the window's pulses
        onFx(() -> {
            Parent root = view.getScene().getRoot();
            long before = SizeCache.computed;
            view.prepareFinal(ANSWER); // the stream ended: the open block ("Done.") built as Markdown off the scene
            assertThat(SizeCache.computed).isGreaterThan(before);
            assertThat(texts(view)).doesNotContain("Done.");
            before = SizeCache.computed;
            view.setMarkdown(ANSWER, false);
            root.applyCss();
            root.layout();
            assertThat(texts(view)).contains("Done.");
            assertThat(SizeCache.computed - before).as("sizes worked out again when shown").isZero();
            assertLooksAsCss(view, copied(view));
            return null;
        });
    }

    private static List<String> texts(Node n) {
        List<String> out = new ArrayList<>();
        if (n instanceof Text t) {
            out.add(t.getText());
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> out.addAll(texts(c)));
        }
        return out;
    }

    /** The nodes styled by copying below {@code n}. */
    private static List<Node> copied(Node n) {
        List<Node> out = new ArrayList<>();
        if (n instanceof MarkdownLooks.Copied) {
            out.add(n);
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> out.addAll(copied(c)));
        }
        return out;
    }

    /** Each node's look equals a plain node's of its kind and classes, styled by CSS in the same place. */
    private static void assertLooksAsCss(MarkdownView view, List<Node> rendered) {
        for (Node n : rendered) {
            Node plain = ((MarkdownLooks.Copied) n).probe();
            plain.getStyleClass().setAll(MarkdownNodes.classesOf(n));
            view.getChildren().add(plain);
            plain.applyCss();
            String what = n.getClass().getSimpleName() + MarkdownNodes.classesOf(n);
            if (n instanceof Text t) {
                Text p = (Text) plain;
                assertThat(t.getFont()).as(what).isEqualTo(p.getFont());
                assertThat(t.getFill()).as(what).isEqualTo(p.getFill());
                assertThat(t.isUnderline()).as(what).isEqualTo(p.isUnderline());
            }
            if (n instanceof Region r) {
                Region p = (Region) plain;
                assertThat(r.getPadding()).as(what).isEqualTo(p.getPadding());
                assertThat(r.getBackground()).as(what).isEqualTo(p.getBackground());
                assertThat(r.getBorder()).as(what).isEqualTo(p.getBorder());
                assertThat(r.getPrefHeight()).as(what).isEqualTo(p.getPrefHeight());
            }
            if (n instanceof TextFlow f) {
                assertThat(f.getLineSpacing()).as(what).isEqualTo(((TextFlow) plain).getLineSpacing());
            }
            if (n instanceof VBox b) {
                assertThat(b.getSpacing()).as(what).isEqualTo(((VBox) plain).getSpacing());
            }
            view.getChildren().remove(plain);
        }
    }
}
