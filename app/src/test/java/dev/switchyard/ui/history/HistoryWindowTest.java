package dev.switchyard.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.testing.Seed;
import dev.switchyard.ui.AppWindow;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real window: history filters, paging and export of selected runs. */
class HistoryWindowTest {

    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private javafx.application.Application app;
    private Path file;

    @BeforeEach
    void start() throws Exception {
        file = dir.resolve("history-test.switchyard");
        try (Workspace ws = Workspace.open(file)) {
            Provider p = Seed.provider(ws, "Gate");
            Model alpha = Seed.model(ws, p, "alpha");
            Model beta = Seed.model(ws, p, "beta");
            Seed.bulk(ws, alpha, 60, Instant.parse("2026-03-01T00:00:00Z"));
            Seed.run(ws, beta, "kitchen lights on", "Lights are on.", RunStatus.COMPLETED, Instant.parse("2026-03-05T10:00:00Z"), 900);
            Seed.run(ws, beta, "refund for my order", "Sorry.", RunStatus.FAILED, Instant.parse("2026-03-06T10:00:00Z"), 50);
        }
        app = AppWindow.open(robot, file);
    }

    @AfterEach
    void stop() throws Exception {
        AppWindow.close(app);
    }

    /** The table's row cell showing item 0 (row cells are recycled, so lookup order says nothing). */
    private javafx.scene.Node firstRow(String table) {
        return robot.lookup(table + " .table-row-cell").match((javafx.scene.control.TableRow<?> r) -> r.getIndex() == 0
                && !r.isEmpty()).query();
    }

    private String text(String query) {
        return AppWindow.label(robot, query);
    }

    private void waitForPage(String expected) throws Exception {
        try {
            AppWindow.waitUntil(10, () -> text("#history-page").equals(expected));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("expected the page line '" + expected + "', the screen shows '" + text("#history-page")
                    + "' (" + text("#history-message") + ")", e);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void filterPageAndExportSelectedRuns() throws Exception {
        AppWindow.click(robot, "#nav-history");
        waitForPage("1–50 of 62 runs");

        AppWindow.click(robot, "#history-next");
        waitForPage("51–62 of 62 runs");
        TableView<HistoryRow> table = robot.lookup("#history-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(12);
        // a long "provider/model" is cut at the front, where it does not tell models apart; the whole name in a tooltip
        javafx.scene.control.TableCell<?, ?> modelCell = AppWindow.onFx(() -> robot.lookup("#history-table .table-cell")
                .match((javafx.scene.control.TableCell<?, ?> c) -> !c.isEmpty() && c.getTableColumn() != null
                        && "Model".equals(c.getTableColumn().getText())).query());
        assertThat(modelCell.getTextOverrun()).isEqualTo(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
        assertThat(modelCell.getTooltip().getText()).isEqualTo(modelCell.getText()).contains("/");

        AppWindow.click(robot, "#history-model");

        AppWindow.click(robot, "Gate/beta");
        waitForPage("1–2 of 2 runs");
        assertThat(table.getItems()).extracting(r -> r.run().promptText())
                .containsExactly("refund for my order", "kitchen lights on");

        AppWindow.click(robot, "#history-text").write("kitchen").type(KeyCode.ENTER);
        waitForPage("1–1 of 1 run");

        Path out = dir.resolve("exported.csv");
        HistoryView view = robot.lookup("#history-view").queryAs(HistoryView.class);
        robot.interact(() -> view.setSaveFileChooser((owner, title, name, ext) -> out));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(firstRow("#history-table"));
        AppWindow.waitUntil(5, () -> text("#history-detail-title").equals("Gate/beta"));
        assertThat(robot.lookup("#history-detail-answer").queryAs(javafx.scene.control.TextArea.class).getText())
                .isEqualTo("Lights are on.");
        AppWindow.click(robot, "#history-export-csv");
        AppWindow.waitUntil(10, () -> text("#history-message").startsWith("Exported"));

        assertThat(text("#history-message")).isEqualTo("Exported 1 run to exported.csv.");
        String csv = Files.readString(out);
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv).contains("Gate/beta").contains("kitchen lights on").contains("Lights are on.")
                .doesNotContain("refund");

        AppWindow.click(robot, "#history-clear");
        waitForPage("1–50 of 62 runs");
        AppWindow.click(robot, "TTFT");
        AppWindow.waitUntil(10, () -> !table.getItems().isEmpty()
                && table.getItems().get(0).run().metrics().ttftMs() == 50);
        AppWindow.click(robot, "TTFT");
        AppWindow.waitUntil(10, () -> table.getItems().get(0).run().metrics().ttftMs() == 900);
    }

    @Test
    void aComparisonOpensOnTheCompareScreenWithItsPanes() throws Exception {
        // stored meanwhile by another process sharing the workspace (the CLI, say)
        try (Workspace ws = Workspace.open(file)) {
            var c = ws.comparisons().create(null, 2, false);
            for (Model m : ws.models().list().stream().filter(m -> m.kind() == dev.switchyard.workspace.model.ModelKind.CLOUD).toList()) {
                for (int i = 0; i < 2; i++) {
                    Seed.inComparison(ws, m, "which model is kinder", "answer " + i + " of **" + m.apiModelId() + "**",
                            c.id(), i, Instant.parse("2026-03-10T10:00:00Z"));
                }
            }
        }
        AppWindow.click(robot, "#nav-history");
        AppWindow.click(robot, "#history-text").write("kinder").type(KeyCode.ENTER);
        waitForPage("1–4 of 4 runs");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(firstRow("#history-table"));
        AppWindow.click(robot, "#history-open-comparison");

        AppWindow.waitUntil(10, () -> robot.lookup("#pane-1").tryQuery().map(javafx.scene.Node::isVisible).orElse(false)
                && text("#compare-message").contains("from History: 4 runs of \u201cwhich model is kinder\u201d"));
        assertThat(AppWindow.onFx(() -> robot.lookup("#nav-compare").queryAs(javafx.scene.control.ToggleButton.class)
                .isSelected())).isTrue();
        assertThat(AppWindow.onFx(() -> robot.lookup("#pane-0 .pane-title").queryAs(javafx.scene.control.Label.class)
                .getText())).isEqualTo("alpha");
        assertThat(AppWindow.onFx(() -> robot.lookup("#pane-1 .pane-title").queryAs(javafx.scene.control.Label.class)
                .getText())).isEqualTo("beta");
        // the long message is cut, not the toolbar's buttons (they read "..." before)
        for (String button : new String[] {"#run-button", "#stop-all-button", "#blind-toggle"}) {
            javafx.scene.control.ButtonBase b = robot.lookup(button).queryAs(javafx.scene.control.ButtonBase.class);
            assertThat(AppWindow.onFx(() -> b.getWidth() >= b.prefWidth(-1) - 0.5)).as(button + " at full width").isTrue();
        }
    }
}
