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
 * The walkthrough's replay in a real window (Xvfb), from stored runs only: a cloud model without a price, a local
 * model at $0. The cost cards say "cost unknown" (not "$0"), the savings card puts the pass rates side by side, and on
 * the chart — every point at $0 or of unknown cost, in one column — the names are listed by pass rate in a note
 * (marked "(cost unknown)" where so), none covering another, and the cost axis says why it has no scale; at 1100x720
 * and at 1600x1000. With {@code REPLAY_UI_SHOTS=<dir>} it saves screenshots (X11 import).
 */
class ReplayResultsWindowTest {

    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private Workspace ws;
    private FxTaskRunner tasks;

    @BeforeEach
    void start() throws Exception {
        ws = Workspace.open(dir.resolve("results.switchyard"));
        Model local = ReplayUiFixture.local(ws, "tiny");
        Model cloud = ReplayUiFixture.cloud(ws, "gpt-x");
        ReplayUiFixture.policyVersion(ws, "short-local");
        // 20 prompts: 10 short ones (≤ 12 characters, kept local by the policy), 10 long ones (to gpt-x).
        // tiny answers 9 short and 2 long ones right (55%); gpt-x, which has no price, 1 short and 1 long one (10%).
        StringBuilder csv = new StringBuilder("prompt,reference,grader\n");
        for (int i = 1; i <= 20; i++) {
            String prompt = i <= 10 ? String.format("short %02d", i) : String.format("a longer prompt number %02d", i);
            csv.append(prompt).append(",ok,contains\n");
            boolean localRight = i <= 9 || i == 11 || i == 12;
            boolean cloudRight = i == 10 || i == 13;
            ReplayUiFixture.stored(ws, local, prompt, localRight ? "ok" : "no idea", 0, 40 + i);
            ReplayUiFixture.stored(ws, cloud, prompt, cloudRight ? "ok" : "no idea", (Double) null, 800 + i);
        }
        Files.writeString(dir.resolve("walkthrough.csv"), csv);
        tasks = ReplayUiFixture.show(ws, dir.resolve("walkthrough.csv"), local, cloud);
    }

    @AfterEach
    void stop() throws Exception {
        AppWindow.resetStage();
        if (tasks != null) {
            tasks.close();
        }
        ws.close();
    }

    private String text(String id) {
        return AppWindow.label(robot, id);
    }

    @Test
    void unknownCostsReadAsSuchAndTheChartsNamesStayApart() throws Exception {
        AppWindow.resize(1100, 720);
        AppWindow.click(robot, "#replay-import");
        AppWindow.waitUntil(20, () -> text("#replay-dataset-message").startsWith("Imported 20 items"));
        // the dataset list shows how many items the dataset holds
        AppWindow.waitUntil(5, () -> robot.lookup("#replay-datasets .replay-dataset-count").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().equals("20 items") && n.isVisible()));
        assertThat(AppWindow.cutTexts(robot, "#replay-datasets")).isEmpty();
        AppWindow.click(robot, "#replay-start");
        AppWindow.waitUntil(30, () -> text("#replay-run-message").contains("completed")
                && !text("#replay-figure-cost-total").isEmpty());

        assertThat(text("#replay-figure-cost-total")).isEqualTo("cost unknown");
        assertThat(text("#replay-figure-cost-per-1k")).isEqualTo("cost unknown");
        assertThat(text("#replay-results-message")).contains("Cost unknown for the answers of gpt-x");
        assertThat(text("#replay-figure-savings"))
                .isEqualTo("The policy passes 50% vs all-cloud (gpt-x) 10%; the saving is unknown: a model has no price.");
        assertThat(AppWindow.onFx(() -> ((XYChart<?, ?>) robot.lookup("#replay-chart").query()).getXAxis().getLabel()))
                .isEqualTo("Cost per 1,000 prompts: $0 or unknown (no price)");
        for (double[] size : new double[][] {{1100, 720}, {1600, 1000}}) {
            AppWindow.resize(size[0], size[1]);
            WaitForAsyncUtils.waitForFxEvents();
            shot("results-" + (int) size[0]);
            assertThat(overlappingNames()).as("at %.0fx%.0f", size[0], size[1]).isEmpty();
            assertThat(AppWindow.cutTexts(robot, "#replay-chart-note")).isEmpty();
            assertThat(AppWindow.withinWindow(robot, "#replay-figures")).isTrue();
            assertThat(AppWindow.cutTexts(robot, "#replay-figures")).isEmpty();
            // the note about the unpriced model wraps beside the export buttons (it cut them to "E…" at 1100 px)
            assertThat(AppWindow.cutTexts(robot, "#replay-exports")).isEmpty();
            assertThat(AppWindow.cutTexts(robot, "#replay-results-message")).isEmpty();
            assertThat(AppWindow.withinWindow(robot, "#replay-export-html")).isTrue();
        }
    }

    /**
     * Pairs of lines of the chart's note whose boxes on screen intersect ("a / b"); empty when all read apart. With
     * every point in the $0 column the names are there, by pass rate, and none beside a dot.
     */
    private List<String> overlappingNames() throws Exception {
        return AppWindow.onFx(() -> {
            assertThat(robot.lookup(".replay-point-label").queryAll().stream().filter(Node::isVisible).toList())
                    .as("names beside the dots").isEmpty();
            Node note = robot.lookup("#replay-chart-note").query();
            assertThat(note.isVisible()).isTrue();
            List<Label> labels = note.lookupAll(".label").stream().filter(Node::isVisible).map(n -> (Label) n).toList();
            List<String> texts = labels.stream().map(Label::getText).toList();
            assertThat(texts.get(0)).isEqualTo("Every cost is $0 or unknown (no price); by pass rate:");
            assertThat(texts).anyMatch(t -> t.contains("all-cloud (gpt-x) (cost unknown)"))
                    .anyMatch(t -> t.contains("policy (cost unknown)"))
                    .anyMatch(t -> t.contains("all-local (tiny)") && !t.contains("all-local (tiny) (cost"));
            List<String> out = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                for (int j = i + 1; j < labels.size(); j++) {
                    Bounds a = labels.get(i).localToScene(labels.get(i).getLayoutBounds());
                    Bounds b = labels.get(j).localToScene(labels.get(j).getLayoutBounds());
                    if (a.intersects(b)) {
                        out.add(labels.get(i).getText() + " / " + labels.get(j).getText());
                    }
                }
            }
            assertThat(labels).hasSizeGreaterThanOrEqualTo(4);
            return out;
        });
    }

    private void shot(String name) throws Exception {
        AppWindow.shot(System.getenv("REPLAY_UI_SHOTS"), name);
    }
}
