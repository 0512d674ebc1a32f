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
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.ValueAxis;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The cost–quality chart with a cost scale (a priced cloud model) and an all-local baseline at $0 that passes nothing,
 * in a real window (Xvfb): every dot — the one at ($0, 0 %) and the all-cloud one at 100 % too — lies whole inside the
 * plot area (the $0 ones were drawn half behind the pass-rate axis), and the ticks stay on round numbers from $0 and
 * 0 %. With {@code REPLAY_UI_SHOTS=<dir>} it saves a screenshot (X11 import).
 */
class ReplayChartWindowTest {

    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private Workspace ws;
    private FxTaskRunner tasks;

    @BeforeEach
    void start() throws Exception {
        ws = Workspace.open(dir.resolve("chart.switchyard"));
        Model local = ReplayUiFixture.local(ws, "tiny");
        Model cloud = ReplayUiFixture.cloud(ws, "gpt-x");
        ReplayUiFixture.policyVersion(ws, "short-local");
        // 10 short prompts (kept local by the policy) and 10 long ones (to gpt-x); tiny, at $0, answers none right,
        // gpt-x, at $0.002 an answer ($2 per 1,000 prompts), every one
        StringBuilder csv = new StringBuilder("prompt,reference,grader\n");
        for (int i = 1; i <= 20; i++) {
            String prompt = i <= 10 ? String.format("short %02d", i) : String.format("a longer prompt number %02d", i);
            csv.append(prompt).append(",ok,contains\n");
            ReplayUiFixture.stored(ws, local, prompt, "no idea", 0, 40 + i);
            ReplayUiFixture.stored(ws, cloud, prompt, "ok", 0.002, 800 + i);
        }
        Files.writeString(dir.resolve("chart.csv"), csv);
        tasks = ReplayUiFixture.show(ws, dir.resolve("chart.csv"), local, cloud);
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
    void dotsAtZeroCostAndZeroPassRateAreDrawnWholeAndTheTicksStayRound() throws Exception {
        AppWindow.resize(1100, 720);
        AppWindow.click(robot, "#replay-import");
        AppWindow.waitUntil(20, () -> AppWindow.label(robot, "#replay-dataset-message").startsWith("Imported 20 items"));
        AppWindow.click(robot, "#replay-start");
        AppWindow.waitUntil(30, () -> AppWindow.label(robot, "#replay-run-message").contains("completed")
                && !AppWindow.label(robot, "#replay-figure-cost-per-1k").isEmpty());

        for (double[] size : new double[][] {{1100, 720}, {1600, 1000}}) {
            AppWindow.resize(size[0], size[1]);
            WaitForAsyncUtils.waitForFxEvents();
            shot("chart-" + (int) size[0]);
            String at = String.format("at %.0fx%.0f", size[0], size[1]);
            assertThat(dotsOutsideThePlotArea()).as(at).isEmpty();
            assertThat(labelsCutAtThePlotEdge()).as(at + ": point names read whole").isEmpty();
            // the test has what it is about: a dot centred on $0 and one on 0 %
            assertThat(dotCentredOn(true, 0)).as(at + ": a dot at $0").isTrue();
            assertThat(dotCentredOn(false, 0)).as(at + ": a dot at 0 %").isTrue();
            assertThat(dotCentredOn(false, 100)).as(at + ": a dot at 100 %").isTrue();
            // ticks on round numbers from $0 (the axis ends at $2 × 1.45 rounded up to 1, 2, 2.5 or 5 × a power of ten)
            assertThat(ticks(true)).as(at).containsExactly("0", "1", "2", "3", "4", "5");
            // every 10 %, or every 20 % when the chart is too short for ten labels: evenly, none left out
            List<Integer> rates = ticks(false).stream().map(Integer::valueOf).toList();
            assertThat(rates).as(at).startsWith(0).endsWith(100);
            int step = rates.get(1);
            assertThat(step).as(at).isIn(10, 20);
            for (int i = 0; i < rates.size(); i++) {
                assertThat(rates.get(i)).as(at + ": %s", rates).isEqualTo(i * step);
            }
        }
    }

    private XYChart<?, ?> chart() {
        return robot.lookup("#replay-chart").queryAs(XYChart.class);
    }

    /** The dots (policy, baselines, sweep curve) whose box on screen reaches past the plot area's ("name at x, y"). */
    private List<String> dotsOutsideThePlotArea() throws Exception {
        return AppWindow.onFx(() -> {
            XYChart<?, ?> chart = chart();
            Node plot = chart.lookup(".chart-plot-background");
            Bounds area = plot.localToScene(plot.getLayoutBounds());
            List<Node> dots = chart.lookupAll(".replay-point").stream().filter(Node::isVisible).toList();
            assertThat(dots).hasSizeGreaterThanOrEqualTo(5);
            List<String> out = new ArrayList<>();
            for (Node dot : dots) {
                Bounds b = dot.localToScene(dot.getLayoutBounds());
                if (b.getMinX() < area.getMinX() - 0.5 || b.getMaxX() > area.getMaxX() + 0.5
                        || b.getMinY() < area.getMinY() - 0.5 || b.getMaxY() > area.getMaxY() + 0.5) {
                    out.add(dot.getStyleClass() + " at " + b + " (plot area " + area + ")");
                }
            }
            return out;
        });
    }

    /** The point names that reach past the plot area's left or right edge, where the chart cuts them. */
    private List<String> labelsCutAtThePlotEdge() throws Exception {
        return AppWindow.onFx(() -> {
            XYChart<?, ?> chart = chart();
            Node plot = chart.lookup(".chart-plot-background");
            Bounds area = plot.localToScene(plot.getLayoutBounds());
            List<Node> labels = chart.lookupAll(".replay-point-label").stream().filter(Node::isVisible).toList();
            assertThat(labels).isNotEmpty();
            List<String> out = new ArrayList<>();
            for (Node label : labels) {
                Bounds b = label.localToScene(label.getLayoutBounds());
                if (b.getMinX() < area.getMinX() - 0.5 || b.getMaxX() > area.getMaxX() + 0.5) {
                    out.add(((javafx.scene.control.Label) label).getText() + " at " + b + " (plot area " + area + ")");
                }
            }
            return out;
        });
    }

    /** Whether a policy or baseline dot's centre sits on {@code value} of the cost ({@code x}) or pass-rate axis. */
    private boolean dotCentredOn(boolean x, double value) throws Exception {
        return AppWindow.onFx(() -> {
            XYChart<?, ?> chart = chart();
            @SuppressWarnings("unchecked")
            ValueAxis<Number> axis = (ValueAxis<Number>) (x ? chart.getXAxis() : chart.getYAxis());
            double p = axis.getDisplayPosition(value);
            Point2D onScreen = axis.localToScene(x ? p : 0, x ? 0 : p);
            return chart.lookupAll(".replay-point").stream().filter(Node::isVisible)
                    .filter(d -> d.getStyleClass().contains("replay-point-policy")
                            || d.getStyleClass().contains("replay-point-baseline"))
                    .map(d -> d.localToScene(d.getLayoutBounds()))
                    .anyMatch(b -> Math.abs((x ? b.getCenterX() : b.getCenterY()) - (x ? onScreen.getX() : onScreen.getY())) < 1);
        });
    }

    /** The tick labels the cost ({@code x}) or pass-rate axis shows, from $0 or 0 % on (not the axis's title). */
    private List<String> ticks(boolean x) throws Exception {
        return AppWindow.onFx(() -> {
            Axis<?> axis = x ? chart().getXAxis() : chart().getYAxis();
            return axis.lookupAll("Text").stream().filter(Node::isVisible)
                    .map(n -> (javafx.scene.text.Text) n)
                    .filter(t -> t.getText().matches("[0-9.,]+"))
                    .sorted(java.util.Comparator.comparingDouble(t -> x ? t.localToScene(t.getLayoutBounds()).getMinX()
                            : -t.localToScene(t.getLayoutBounds()).getMinY()))
                    .map(javafx.scene.text.Text::getText).toList();
        });
    }

    private void shot(String name) throws Exception {
        AppWindow.shot(System.getenv("REPLAY_UI_SHOTS"), name);
    }
}
