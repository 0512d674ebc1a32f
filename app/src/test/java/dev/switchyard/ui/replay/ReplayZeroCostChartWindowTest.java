package dev.switchyard.ui.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.ui.AppWindow;
import dev.switchyard.ui.task.FxTaskRunner;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An all-local replay with no device cost, in a real window (Xvfb): every point of the chart is at $0, in one column
 * where names beside the dots piled up (over the pass-rate axis, cut at the plot's edge). The names are listed instead
 * in a note beside that column, by pass rate, none cut or covering another; no name stands beside a dot. At 1100x720
 * and 1600x1000. With {@code REPLAY_UI_SHOTS=<dir>} it saves screenshots (X11 import).
 */
class ReplayZeroCostChartWindowTest {

    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private Workspace ws;
    private FxTaskRunner tasks;

    @BeforeEach
    void start() throws Exception {
        ws = Workspace.open(dir.resolve("zero.switchyard"));
        Model tiny = ReplayUiFixture.local(ws, "tiny");
        Model small = ReplayUiFixture.local(ws, "smollm2-360m");
        ReplayUiFixture.policyVersion(ws, "short-tiny");
        // 10 short prompts (to tiny) and 10 long ones (to smollm2-360m), every run at $0 (no device cost):
        // tiny answers every second prompt right (50%), smollm2-360m three of every five (60%)
        StringBuilder csv = new StringBuilder("prompt,reference,grader\n");
        for (int i = 1; i <= 20; i++) {
            String prompt = i <= 10 ? String.format("short %02d", i) : String.format("a longer prompt number %02d", i);
            csv.append(prompt).append(",ok,contains\n");
            ReplayUiFixture.stored(ws, tiny, prompt, i % 2 == 0 ? "ok" : "no idea", 0, 40 + i);
            ReplayUiFixture.stored(ws, small, prompt, i % 5 < 3 ? "ok" : "no idea", 0, 90 + i);
        }
        Files.writeString(dir.resolve("zero.csv"), csv);
        tasks = ReplayUiFixture.show(ws, dir.resolve("zero.csv"), tiny, small);
    }

    @AfterEach
    void stop() throws Exception {
        AppWindow.resetStage();
        if (tasks != null) {
            tasks.close();
        }
        ws.close();
    }

    @Test
    void withEveryPointAtZeroCostTheNamesAreListedByPassRateInsteadOfPiledBesideTheDots() throws Exception {
        AppWindow.resize(1100, 720);
        AppWindow.click(robot, "#replay-import");
        AppWindow.waitUntil(20, () -> AppWindow.label(robot, "#replay-dataset-message").startsWith("Imported 20 items"));
        AppWindow.click(robot, "#replay-start");
        AppWindow.waitUntil(30, () -> AppWindow.label(robot, "#replay-run-message").contains("completed")
                && !AppWindow.label(robot, "#replay-figure-cost-per-1k").isEmpty());
        assertThat(AppWindow.label(robot, "#replay-figure-cost-per-1k")).isEqualTo("$0");

        for (double[] size : new double[][] {{1100, 720}, {1600, 1000}}) {
            AppWindow.resize(size[0], size[1]);
            WaitForAsyncUtils.waitForFxEvents();
            AppWindow.shot(System.getenv("REPLAY_UI_SHOTS"), "zero-" + (int) size[0]);
            String at = String.format("at %.0fx%.0f", size[0], size[1]);
            assertThat(noteLines()).as(at).containsExactly(
                    "All at $0 per 1,000 prompts; by pass rate:",
                    "80.0%  oracle",
                    "60.0%  all-local (smollm2-360m) · best-single (smollm2-360m) · random (0% cloud)",
                    "55.0%  policy",
                    "50.0%  all-local (tiny)");
            assertThat(namesBesideDots()).as(at + ": no name beside a dot").isEmpty();
            assertThat(AppWindow.cutTexts(robot, "#replay-chart-note")).as(at).isEmpty();
            assertThat(noteProblems()).as(at).isEmpty();
        }
    }

    private XYChart<?, ?> chart() {
        return robot.lookup("#replay-chart").queryAs(XYChart.class);
    }

    /** The note's lines as shown, top to bottom (empty when it is not shown). */
    private List<String> noteLines() throws Exception {
        return AppWindow.onFx(() -> {
            Node note = chart().lookup("#replay-chart-note");
            if (note == null || !note.isVisible()) {
                return List.of();
            }
            return note.lookupAll(".label").stream().filter(Node::isVisible)
                    .sorted(java.util.Comparator.comparingDouble(n -> n.localToScene(n.getLayoutBounds()).getMinY()))
                    .map(n -> ((Label) n).getText()).toList();
        });
    }

    /** The point names drawn beside dots (the pile this replaces). */
    private List<String> namesBesideDots() throws Exception {
        return AppWindow.onFx(() -> chart().lookupAll(".replay-point-label").stream().filter(Node::isVisible)
                .map(n -> ((Label) n).getText()).toList());
    }

    /**
     * What keeps the note from reading whole: a part outside the plot area, over a dot, or two of its lines on top of
     * each other.
     */
    private List<String> noteProblems() throws Exception {
        return AppWindow.onFx(() -> {
            XYChart<?, ?> chart = chart();
            Node plot = chart.lookup(".chart-plot-background");
            Bounds area = plot.localToScene(plot.getLayoutBounds());
            Node note = chart.lookup("#replay-chart-note");
            Bounds b = note.localToScene(note.getLayoutBounds());
            List<String> out = new ArrayList<>();
            if (b.getMinX() < area.getMinX() - 0.5 || b.getMaxX() > area.getMaxX() + 0.5
                    || b.getMinY() < area.getMinY() - 0.5 || b.getMaxY() > area.getMaxY() + 0.5) {
                out.add("note at " + b + " outside the plot area " + area);
            }
            List<Node> dots = chart.lookupAll(".replay-point").stream().filter(Node::isVisible).toList();
            assertThat(dots).hasSizeGreaterThanOrEqualTo(5);
            for (Node dot : dots) {
                if (dot.localToScene(dot.getLayoutBounds()).intersects(b)) {
                    out.add("note covers the dot " + dot.getStyleClass());
                }
            }
            List<Node> lines = note.lookupAll(".label").stream().filter(Node::isVisible).toList();
            for (int i = 0; i < lines.size(); i++) {
                for (int j = i + 1; j < lines.size(); j++) {
                    Bounds x = lines.get(i).localToScene(lines.get(i).getLayoutBounds());
                    Bounds y = lines.get(j).localToScene(lines.get(j).getLayoutBounds());
                    if (x.intersects(y)) {
                        out.add(((Label) lines.get(i)).getText() + " / " + ((Label) lines.get(j)).getText());
                    }
                }
            }
            return out;
        });
    }
}
