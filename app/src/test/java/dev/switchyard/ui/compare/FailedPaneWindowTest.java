package dev.switchyard.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.compare.StreamBatcher;
import dev.switchyard.app.run.RunFailure;
import dev.switchyard.ui.AppWindow;
import dev.switchyard.ui.SwitchyardApp;
import dev.switchyard.ui.compare.markdown.MarkdownNodes;
import dev.switchyard.workspace.model.CostKind;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunCost;
import dev.switchyard.workspace.model.RunError;
import dev.switchyard.workspace.model.RunMetrics;
import dev.switchyard.workspace.model.RunStatus;
import java.time.Instant;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * A pane whose stream broke off, at the size a pane of six gets in a 1600 x 1000 window (about 330 x 210): the text
 * the run kept stays readable — the error and what to do come under it in the same scroll pane — where the error box
 * above the answer took the pane's whole height and left the kept text out of sight, even by scrolling.
 */
class FailedPaneWindowTest {

    private final FxRobot robot = new FxRobot();

    @AfterEach
    void stop() throws Exception {
        AppWindow.resetStage();
    }

    @Test
    void aBrokenStreamKeepsItsTextInViewAboveTheErrorInASmallPane() throws Exception {
        Model model = Model.of(1, "demo-large", "demo-large", ModelKind.CLOUD, null, null, "{}");
        PaneModel pane = new PaneModel(model, "demo-large", "Gateway", null, 1);
        String kept = "## Trade-offs\n\n- **Privacy:** on the device the ticket never leaves the machine.\n"
                + "- **Cost:** local answers cost only device time.\n- **Quality:** the cloud model";
        Run started = Run.created(1, "Summarise", "{}").withId(7);
        Run ended = started.withOutput(RunStatus.INCOMPLETE, kept, null).finished(RunStatus.INCOMPLETE,
                new RunError("stream_broken", "x"), RunMetrics.of(0, 300, 2400, 48, 40), new RunCost(0.0004, CostKind.API, null),
                false, 1, Instant.now());
        String sentence = "The connection to the provider dropped in the middle of the answer, after 40 tokens; the text"
                + " received so far is kept. The provider may be overloaded or a proxy may cut long responses.";
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            pane.apply(List.of(new StreamBatcher.Started(started, 1), new StreamBatcher.Tokens(kept, "", 40, 2, 3),
                    new StreamBatcher.Finished(ended, new RunFailure("stream_broken", sentence), 4)));
            AnswerPaneView view = new AnswerPaneView(pane, 0, () -> { });
            StackPane root = new StackPane(view);
            root.setId("compare-screen");
            Scene scene = new Scene(root, 330, 210);
            scene.getStylesheets().addAll(SwitchyardApp.class.getResource(SwitchyardApp.BASE_CSS).toExternalForm(),
                    SwitchyardApp.class.getResource("/assets/css/compare.css").toExternalForm());
            stage.setScene(scene);
            stage.setX(0);
            stage.setY(0);
            stage.show();
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        assertThat(AppWindow.onFx(() -> {
            ScrollPane scroll = robot.lookup(".answer-scroll").queryAs(ScrollPane.class);
            return scroll.getViewportBounds().getHeight();
        })).as("room for the answer's text in the pane").isGreaterThanOrEqualTo(60);
        // the error is under the kept text, in the answer's scroll pane, and shown first (scrolled to it)
        assertThat(AppWindow.onFx(() -> inViewport(robot.lookup(".pane-error").query()))).isTrue();
        assertThat(AppWindow.onFx(() -> {
            Node error = robot.lookup(".pane-error-box").query();
            return error.getParent().getParent() != null && isInside(error, robot.lookup(".answer-scroll").query());
        })).isTrue();
        // scrolled to the top, the kept text is in view
        assertThat(AppWindow.onFx(() -> {
            robot.lookup(".answer-scroll").queryAs(ScrollPane.class).setVvalue(0);
            robot.lookup(".answer-scroll").query().getParent().layout();
            Node heading = robot.from(robot.lookup(".answer-scroll"))
                    .lookup((Node n) -> MarkdownNodes.classesOf(n).contains("md-h2")).query();
            return inViewport(heading);
        })).isTrue();
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code node}'s top lies inside its scroll pane's viewport. */
    private boolean inViewport(Node node) {
        ScrollPane scroll = robot.lookup(".answer-scroll").queryAs(ScrollPane.class);
        Bounds port = scroll.localToScene(scroll.getLayoutBounds());
        Bounds b = node.localToScene(node.getLayoutBounds());
        return b.getMinY() >= port.getMinY() - 1 && b.getMinY() + 10 <= port.getMaxY();
    }
}
