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
import java.util.List;
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

    private static final String INTENT = "Support desk model (customer-support)";
    private static final String SYSTEM = "You are a concise travel assistant.";

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
            // older than the rest: a model with a long name (as long as "Intent model (customer-support)"), runs of a
            // saved prompt with a system message, one stopped
            Provider gateway = Seed.provider(ws, "Loopback gateway");
            Model intent = ws.models().insert(Model.of(gateway.id(), "support-desk-large", INTENT,
                    dev.switchyard.workspace.model.ModelKind.CLOUD, null, null, "{}"));
            var trip = ws.prompts().create("Trip planner");
            var v1 = ws.prompts().addVersion(trip.id(), SYSTEM, "Plan a weekend in {{city}}.", "{\"city\":\"Lisbon\"}", "{}");
            var c = ws.comparisons().create(v1.id(), 1, false);
            Seed.inComparison(ws, intent, SYSTEM + "\n\nPlan a weekend in Lisbon.", "Sorry.", c.id(), 0,
                    Instant.parse("2026-02-01T10:00:00Z"));
            Seed.run(ws, intent, SYSTEM + "\n\nTurn on the lights.", "Part", RunStatus.CANCELLED,
                    Instant.parse("2026-02-01T09:00:00Z"), 70);
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

    /**
     * Opens the combo box {@code id} and clicks {@code item} in its popup (lookup(String) would take a text with
     * brackets for a CSS selector, and could click a table cell of the same text).
     */
    private void choose(String id, String item) throws Exception {
        javafx.scene.Scene window = robot.lookup(id).query().getScene();
        AppWindow.click(robot, id);
        javafx.scene.Node[] cell = new javafx.scene.Node[1];
        AppWindow.waitUntil(10, () -> (cell[0] = robot.lookup(".list-cell").match((javafx.scene.control.ListCell<?> c)
                -> item.equals(c.getText()) && c.isVisible() && c.getScene() != window).query()) != null);
        robot.clickOn(cell[0]);
    }

    private javafx.scene.control.ComboBox<?> models() {
        return robot.lookup("#history-model").queryAs(javafx.scene.control.ComboBox.class);
    }

    /** A non-empty cell of {@code column} showing {@code text}. */
    private javafx.scene.control.TableCell<?, ?> cell(String column, String text) throws Exception {
        return AppWindow.onFx(() -> robot.lookup("#history-table .table-cell")
                .match((javafx.scene.control.TableCell<?, ?> c) -> !c.isEmpty() && c.getTableColumn() != null
                        && column.equals(c.getTableColumn().getText()) && text.equals(c.getText())).query());
    }

    /** What a cell or label shows on screen: its text as laid out, "…" included when cut. */
    private static String shown(javafx.scene.Node labeled) throws Exception {
        return AppWindow.onFx(() -> ((javafx.scene.text.Text) labeled.lookup(".text")).getText());
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

    /**
     * The default window (1100x720) shows every filter whole and the table's columns up to Cost; a 1000x700 window
     * moves the dates, Search and Clear to a second line, keeps the detail at a readable width and the status bar's
     * network state whole, and nothing reaches past the window's right edge.
     */
    @Test
    void filtersDetailAndStatusBarFitTheDefaultAndANarrowWindow() throws Exception {
        AppWindow.click(robot, "#nav-history");
        waitForPage("1–50 of 64 runs");
        AppWindow.resize(1100, 720);
        assertThat(AppWindow.cutTexts(robot, "#history-filters")).isEmpty();
        assertThat(AppWindow.onFx(() -> {
            var table = robot.lookup("#history-table").query();
            var cost = table.lookup("#history-col-cost");
            return cost.localToScene(cost.getLayoutBounds()).getMaxX() <= table.localToScene(table.getLayoutBounds()).getMaxX();
        })).as("the Cost column is whole beside the detail").isTrue();

        AppWindow.resize(1000, 700);
        assertThat(AppWindow.cutTexts(robot, "#history-filters")).isEmpty();
        assertThat(AppWindow.onFx(() -> robot.lookup("#history-text").query().getLayoutBounds().getWidth()))
                .as("the search box stays").isGreaterThanOrEqualTo(160);
        assertThat(AppWindow.onFx(() -> robot.lookup("#history-detail").query().getLayoutBounds().getWidth()))
                .isGreaterThanOrEqualTo(200);
        assertThat(AppWindow.withinWindow(robot, "#history-detail")).isTrue();
        assertThat(AppWindow.withinWindow(robot, "#network-indicator")).isTrue();
        assertThat(AppWindow.cutTexts(robot, "#network-indicator")).isEmpty();
        assertThat(AppWindow.cutTexts(robot, "#history-detail")).isEmpty();
    }

    /**
     * At 1000 px every column reads whole and nothing scrolls sideways: the detail goes under the table, Out tok gives
     * way (the detail has the tokens), the pager and the detail read whole — also with the long model name shown. At
     * 1600 px the detail stands beside the table with every column, Out tok included.
     */
    @Test
    void everyColumnReadsWholeWithoutScrollingSidewaysAt1000AndTheDetailGoesBesideItWhenWide() throws Exception {
        AppWindow.click(robot, "#nav-history");
        waitForPage("1–50 of 64 runs");
        AppWindow.resize(1000, 720);
        robot.clickOn(firstRow("#history-table"));
        AppWindow.waitUntil(5, () -> text("#history-detail-title").equals("beta"));
        assertThat(AppWindow.onFx(this::columnsNotReadable)).isEmpty();
        assertThat(AppWindow.onFx(() -> below("#history-detail", "#history-table"))).as("the detail under the table").isTrue();
        assertThat(AppWindow.cutTexts(robot, "#history-detail")).isEmpty();
        assertThat(AppWindow.cutTexts(robot, "#history-view .pager")).isEmpty();
        assertThat(AppWindow.withinWindow(robot, "#history-detail")).isTrue();

        choose("#history-model", INTENT);
        waitForPage("1–2 of 2 runs");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(AppWindow.onFx(this::columnsNotReadable)).as("with the long model name").isEmpty();
        assertThat(shown(cell("Model", INTENT))).isEqualTo(INTENT);

        AppWindow.resize(1600, 1000);
        assertThat(AppWindow.onFx(this::columnsNotReadable)).isEmpty();
        assertThat(AppWindow.onFx(() -> robot.lookup("#history-col-out-tok").query().isVisible())).isTrue();
        assertThat(AppWindow.onFx(() -> {
            var d = robot.lookup("#history-detail").query();
            var t = robot.lookup("#history-table").query();
            return d.localToScene(d.getLayoutBounds()).getMinX() >= t.localToScene(t.getLayoutBounds()).getMaxX()
                    && d.getLayoutBounds().getWidth() >= 280;
        })).as("the detail beside the table, at a readable width").isTrue();
    }

    /**
     * The window a first start opens on a 1600 x 1000 screen (1440 x 900): the detail beside the table and every column
     * inside the table — also with a page of a few runs (no vertical scroll bar) after the long model name widened its
     * column. The Prompt column reached past the table's edge, its texts cut off without "…".
     */
    @Test
    void everyColumnStaysInsideTheTableAt1440WithAFewRuns() throws Exception {
        AppWindow.resize(1440, 900);
        AppWindow.click(robot, "#nav-history");
        waitForPage("1–50 of 64 runs");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(AppWindow.onFx(this::columnsNotReadable)).isEmpty();
        choose("#history-model", INTENT);
        waitForPage("1–2 of 2 runs");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(AppWindow.onFx(this::columnsNotReadable)).as("a page of two runs").isEmpty();
        choose("#history-model", "beta");
        waitForPage("1–2 of 2 runs");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(AppWindow.onFx(this::columnsNotReadable)).as("then another model's").isEmpty();
        AppWindow.shot(System.getProperty("history.shots"), "history-1440");
    }

    /** Whether {@code lower} lies under {@code upper}. */
    private boolean below(String lower, String upper) {
        var l = robot.lookup(lower).query();
        var u = robot.lookup(upper).query();
        return l.localToScene(l.getLayoutBounds()).getMinY() >= u.localToScene(u.getLayoutBounds()).getMaxY();
    }

    /**
     * What keeps a column of the table from being read: a horizontal scroll bar, a shown column's header reaching past
     * the table's right edge, a prompt column narrower than 100 px, a cell other than the prompt's cut to "…".
     */
    private List<String> columnsNotReadable() {
        javafx.scene.control.TableView<?> table = robot.lookup("#history-table").queryAs(javafx.scene.control.TableView.class);
        List<String> wrong = new java.util.ArrayList<>();
        for (javafx.scene.Node n : table.lookupAll(".scroll-bar")) {
            if (n instanceof javafx.scene.control.ScrollBar bar && bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL
                    && bar.isVisible()) {
                wrong.add("a horizontal scroll bar");
            }
        }
        double right = table.localToScene(table.getLayoutBounds()).getMaxX();
        for (javafx.scene.Node n : table.lookupAll(".column-header")) {
            if (n instanceof javafx.scene.control.skin.TableColumnHeader h && h.getTableColumn() != null
                    && h.getTableColumn().isVisible() && h.localToScene(h.getLayoutBounds()).getMaxX() > right) {
                wrong.add(h.getTableColumn().getText() + " past the table's edge");
            }
        }
        table.getColumns().stream().filter(c -> c.getText().equals("Prompt") && c.getWidth() < 100)
                .forEach(c -> wrong.add("Prompt " + c.getWidth() + " px"));
        for (javafx.scene.Node n : table.lookupAll(".table-cell")) {
            if (n instanceof javafx.scene.control.TableCell<?, ?> c && !c.isEmpty() && c.isVisible() && c.getTableColumn() != null
                    && !c.getTableColumn().getText().equals("Prompt") && c.getText() != null
                    && c.lookup(".text") instanceof javafx.scene.text.Text t && !t.getText().equals(c.getText())) {
                wrong.add(c.getTableColumn().getText() + " shows '" + t.getText() + "'");
            }
        }
        return wrong;
    }

    @Test
    @SuppressWarnings("unchecked")
    void filterPageAndExportSelectedRuns() throws Exception {
        AppWindow.click(robot, "#nav-history");
        waitForPage("1–50 of 64 runs");

        AppWindow.click(robot, "#history-next");
        waitForPage("51–64 of 64 runs");
        TableView<HistoryRow> table = robot.lookup("#history-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(14);
        // the model as Compare names it; "provider/model" in a tooltip
        javafx.scene.control.TableCell<?, ?> modelCell = cell("Model", "alpha");
        assertThat(modelCell.getTooltip().getText()).isEqualTo("Gate/alpha");

        AppWindow.click(robot, "#history-model");

        AppWindow.click(robot, "beta");
        waitForPage("1–2 of 2 runs");
        assertThat(table.getItems()).extracting(r -> r.run().promptText())
                .containsExactly("refund for my order", "kitchen lights on");

        AppWindow.click(robot, "#history-text").write("kitchen").type(KeyCode.ENTER);
        waitForPage("1–1 of 1 run");

        Path out = dir.resolve("exported.csv");
        HistoryView view = robot.lookup("#history-view").queryAs(HistoryView.class);
        List<String> titles = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> view.setSaveFileChooser((owner, title, name, ext) -> {
            titles.add(title);
            return out;
        }));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(firstRow("#history-table"));
        AppWindow.waitUntil(5, () -> text("#history-detail-title").equals("beta"));
        assertThat(robot.lookup("#history-detail-answer").queryAs(javafx.scene.control.TextArea.class).getText())
                .isEqualTo("Lights are on.");
        AppWindow.click(robot, "#history-export-csv");
        AppWindow.waitUntil(10, () -> text("#history-message").startsWith("Exported"));

        assertThat(text("#history-message")).isEqualTo("Exported 1 run to " + out.toAbsolutePath() + ".");
        assertThat(titles).as("the save dialog's title").containsExactly("Export 1 run");
        String csv = Files.readString(out);
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv).contains("Gate/beta").contains("kitchen lights on").contains("Lights are on.")
                .doesNotContain("refund");

        AppWindow.click(robot, "#history-clear");
        waitForPage("1–50 of 64 runs");
        AppWindow.click(robot, "TTFT");
        AppWindow.waitUntil(10, () -> !table.getItems().isEmpty()
                && table.getItems().get(0).run().metrics().ttftMs() == 50);
        AppWindow.click(robot, "TTFT");
        AppWindow.waitUntil(10, () -> table.getItems().get(0).run().metrics().ttftMs() == 900);
    }

    @Test
    @SuppressWarnings("unchecked")
    void rowsReadWholeAndNoStaleSelectionOrResultsRemain() throws Exception {
        AppWindow.click(robot, "#nav-history");
        waitForPage("1–50 of 64 runs");
        TableView<HistoryRow> table = robot.lookup("#history-table").queryAs(TableView.class);

        choose("#history-model", INTENT);
        waitForPage("1–2 of 2 runs");
        assertThat(shown(models().lookup(".list-cell"))).as("the chosen model reads whole").isEqualTo(INTENT);
        javafx.scene.control.TableCell<?, ?> modelCell = cell("Model", INTENT);
        assertThat(shown(modelCell)).as("the model column is wide enough for the name").isEqualTo(INTENT);
        assertThat(modelCell.getTooltip().getText()).isEqualTo("Loopback gateway/support-desk-large");
        // the user message tells runs apart; the system message is in the tooltip and the detail
        javafx.scene.control.TableCell<?, ?> prompt = cell("Prompt", "Plan a weekend in Lisbon.");
        assertThat(prompt.getTooltip().getText()).isEqualTo(SYSTEM + "\n\nPlan a weekend in Lisbon.");
        assertThat(AppWindow.onFx(() -> table.getItems().stream().map(r -> r.promptPreview(160)).toList()))
                .containsExactly("Plan a weekend in Lisbon.", "Turn on the lights.");

        choose("#history-status", "Stopped");
        waitForPage("1–1 of 1 run");
        assertThat(cell("Status", "Stopped")).isNotNull();
        robot.clickOn(firstRow("#history-table"));
        AppWindow.waitUntil(5, () -> text("#history-detail-title").equals(INTENT)
                && text("#history-selected").equals("1 selected"));
        assertThat(text("#history-detail-meta")).startsWith("Stopped · 1 Feb 2026, ");

        // Clear lists other runs: nothing selected, no detail of a run the table no longer shows
        AppWindow.click(robot, "#history-clear");
        waitForPage("1–50 of 64 runs");
        AppWindow.waitUntil(5, () -> text("#history-detail-title").equals("Select a run"));
        assertThat(text("#history-selected")).isEmpty();
        assertThat(AppWindow.onFx(() -> table.getSelectionModel().getSelectedItems().isEmpty())).isTrue();

        // dates the wrong way round: an error where the results were, and no results that did not match
        AppWindow.click(robot, "#history-from").write("6 Mar 2026").type(KeyCode.ENTER);
        waitForPage("1–1 of 1 run");
        AppWindow.click(robot, "#history-to").write("2026-03-05").type(KeyCode.ENTER);
        AppWindow.waitUntil(5, () -> text("#history-empty").equals(HistoryViewModel.BAD_DATES));
        assertThat(AppWindow.onFx(() -> robot.lookup("#history-empty").query().getStyleClass())).contains("error-text");
        assertThat(table.getItems()).isEmpty();
        assertThat(text("#history-page")).isEmpty();
        // the picker writes the typed day as the table and the detail do
        assertThat(AppWindow.onFx(() -> robot.lookup("#history-to").queryAs(javafx.scene.control.DatePicker.class)
                .getEditor().getText())).isEqualTo("5 Mar 2026");

        // a From that is no date: its own sentence in the same red place, no results, nothing thrown (the picker
        // threw on the FX thread, kept the old day and the table spoke of the order of the dates)
        List<Throwable> thrown = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread fx = AppWindow.onFx(Thread::currentThread);
        Thread.UncaughtExceptionHandler before = AppWindow.onFx(fx::getUncaughtExceptionHandler);
        robot.interact(() -> fx.setUncaughtExceptionHandler((t, e) -> thrown.add(e)));
        try {
            AppWindow.click(robot, "#history-from").push(KeyCode.CONTROL, KeyCode.A).write("banana").type(KeyCode.ENTER);
            AppWindow.waitUntil(5, () -> text("#history-empty").equals(HistoryViewModel.notADate("banana")));
            assertThat(text("#history-empty")).isEqualTo("'banana' is not a date; write it as 26 Nov 2026 or 2026-11-26");
            assertThat(AppWindow.onFx(() -> robot.lookup("#history-empty").query().getStyleClass())).contains("error-text");
            assertThat(table.getItems()).isEmpty();
            assertThat(text("#history-page")).isEmpty();
            // the field still shows what the sentence quotes
            AppWindow.waitUntil(5, () -> robot.lookup("#history-from").queryAs(javafx.scene.control.DatePicker.class)
                    .getEditor().getText().equals("banana"));

            AppWindow.click(robot, "#history-from").push(KeyCode.CONTROL, KeyCode.A).write("5 Mar 2026").type(KeyCode.ENTER);
            waitForPage("1–1 of 1 run");
        } finally {
            robot.interact(() -> fx.setUncaughtExceptionHandler(before));
        }
        assertThat(thrown).isEmpty();
    }

    @Test
    void theFirstViewHasItsCellsUnderTheirHeadersWithNamesAndDaysWhole() throws Exception {
        // the newest run has the long name: the Model column widens on the first page shown, not after a scroll
        try (Workspace ws = Workspace.open(file)) {
            Model intent = ws.models().list().stream().filter(m -> m.apiModelId().equals("support-desk-large"))
                    .findFirst().orElseThrow();
            Seed.run(ws, intent, "the newest run", "Done.", RunStatus.COMPLETED, Instant.parse("2026-03-20T10:00:00Z"), 40);
        }
        AppWindow.click(robot, "#nav-history");
        waitForPage("1–50 of 65 runs");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cell("Model", INTENT)).isNotNull();
        assertThat(AppWindow.onFx(this::misplacedOrCutCells)).isEmpty();
    }

    /**
     * What is wrong with the rows on screen: a cell not at its column header's x and width, a day or model name cut
     * ("…odel (Loopback)", "26 Nov, 14…").
     */
    private List<String> misplacedOrCutCells() {
        javafx.scene.Node table = robot.lookup("#history-table").query();
        java.util.Map<Object, javafx.geometry.Bounds> headers = new java.util.HashMap<>();
        for (javafx.scene.Node n : table.lookupAll(".column-header")) {
            if (n instanceof javafx.scene.control.skin.TableColumnHeader h && h.getTableColumn() != null) {
                headers.put(h.getTableColumn(), h.localToScene(h.getLayoutBounds()));
            }
        }
        List<String> wrong = new java.util.ArrayList<>();
        double shift = Double.NaN;
        for (javafx.scene.Node n : table.lookupAll(".table-row-cell")) {
            javafx.scene.control.TableRow<?> row = (javafx.scene.control.TableRow<?>) n;
            if (row.isEmpty() || !row.isVisible()) {
                continue;
            }
            for (javafx.scene.Node c : row.getChildrenUnmodifiable()) {
                if (!(c instanceof javafx.scene.control.TableCell<?, ?> cell) || !cell.isVisible()) {
                    continue;
                }
                String column = cell.getTableColumn().getText();
                javafx.geometry.Bounds at = cell.localToScene(cell.getLayoutBounds());
                javafx.geometry.Bounds header = headers.get(cell.getTableColumn());
                // every cell at one offset from its header (the row's 1 px border), with the header's width
                shift = Double.isNaN(shift) ? at.getMinX() - header.getMinX() : shift;
                if (Math.abs(at.getMinX() - header.getMinX() - shift) > 0.5 || Math.abs(shift) > 1.5
                        || Math.abs(at.getWidth() - header.getWidth()) > 0.5) {
                    wrong.add("row " + row.getIndex() + ", " + column + ": x " + at.getMinX() + " width " + at.getWidth()
                            + ", its header x " + header.getMinX() + " width " + header.getWidth());
                }
                javafx.scene.Node text = cell.lookup(".text");
                if (List.of("When", "Model").contains(column) && text != null
                        && !((javafx.scene.text.Text) text).getText().equals(cell.getText())) {
                    wrong.add("row " + row.getIndex() + ", " + column + " shows '" + ((javafx.scene.text.Text) text).getText()
                            + "' for '" + cell.getText() + "'");
                }
            }
        }
        return wrong;
    }

    /** The text of text area {@code id} of the detail, and whether it is shown. */
    private String area(String id) throws Exception {
        return AppWindow.onFx(() -> {
            javafx.scene.control.TextArea a = robot.lookup(id).queryAs(javafx.scene.control.TextArea.class);
            return a.isVisible() ? a.getText() : "(hidden)";
        });
    }

    /**
     * A run of an unsaved draft, stored as Compare stores it, whose system message no saved version has: the detail
     * shows its system message and its user message apart. A run sent without a system message whose user message
     * starts with the saved version's system text shows that text as part of the user message.
     */
    @Test
    void theDetailShowsTheSystemMessageARunWasSentApartFromItsUserMessage() throws Exception {
        try (Workspace ws = Workspace.open(file)) {
            Model beta = ws.models().list().stream().filter(m -> m.apiModelId().equals("beta")).findFirst().orElseThrow();
            Seed.sent(ws, beta, "You are a pirate.\n\nAnswer in one line.", "Greet the crew", "Ahoy!");
            Seed.sent(ws, beta, null, SYSTEM + "\n\nIs that really you, captain?", "Aye.");
        }
        AppWindow.click(robot, "#nav-history");
        AppWindow.click(robot, "#history-text").write("crew").type(KeyCode.ENTER);
        waitForPage("1–1 of 1 run");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cell("Prompt", "Greet the crew")).isNotNull();
        robot.clickOn(firstRow("#history-table"));
        AppWindow.waitUntil(5, () -> text("#history-detail-title").equals("beta"));
        assertThat(area("#history-detail-system")).isEqualTo("You are a pirate.\n\nAnswer in one line.");
        assertThat(area("#history-detail-user")).isEqualTo("Greet the crew");
        assertThat(AppWindow.cutTexts(robot, "#history-detail")).isEmpty();

        AppWindow.click(robot, "#history-text").push(KeyCode.CONTROL, KeyCode.A).write("captain").type(KeyCode.ENTER);
        waitForPage("1–1 of 1 run");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(firstRow("#history-table"));
        AppWindow.waitUntil(5, () -> text("#history-detail-title").equals("beta")
                && area("#history-detail-user").endsWith("captain?"));
        assertThat(area("#history-detail-system")).isEqualTo("(hidden)");
        assertThat(area("#history-detail-user")).isEqualTo(SYSTEM + "\n\nIs that really you, captain?");
    }

    /** The words of the rendered answer in the detail, in order (its Markdown nodes' texts). */
    private String renderedAnswer() throws Exception {
        return AppWindow.onFx(() -> {
            StringBuilder sb = new StringBuilder();
            for (javafx.scene.text.Text t : texts(robot.lookup("#history-detail-rendered").query())) {
                sb.append(t.getText());
            }
            return sb.toString().strip();
        });
    }

    /** The shown Text nodes under {@code node}, in order. */
    private static List<javafx.scene.text.Text> texts(javafx.scene.Node node) {
        List<javafx.scene.text.Text> out = new java.util.ArrayList<>();
        if (!node.isVisible()) {
            return out;
        }
        if (node instanceof javafx.scene.text.Text t) {
            out.add(t);
        } else if (node instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> out.addAll(texts(c)));
        }
        return out;
    }

    @Test
    void aComparisonOpensOnTheCompareScreenWithItsPanes() throws Exception {
        // stored meanwhile by another process sharing the workspace (the CLI, say), before schema version 5 (no system
        // message recorded) with the saved version's system message: the message quotes the user message alone
        try (Workspace ws = Workspace.open(file)) {
            var c = ws.comparisons().create(null, 2, false);
            for (Model m : ws.models().list().stream().filter(m -> List.of("alpha", "beta").contains(m.apiModelId())).toList()) {
                for (int i = 0; i < 2; i++) {
                    Seed.inComparison(ws, m, SYSTEM + "\n\nwhich model is kinder", "answer " + i + " of **" + m.apiModelId() + "**",
                            c.id(), i, Instant.parse("2026-03-10T10:00:00Z"));
                }
            }
        }
        AppWindow.click(robot, "#nav-history");
        AppWindow.click(robot, "#history-text").write("kinder").type(KeyCode.ENTER);
        waitForPage("1–4 of 4 runs");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(firstRow("#history-table"));
        // the detail shows the answer rendered as Compare shows it; the toggle shows the Markdown source to copy
        AppWindow.waitUntil(5, () -> renderedAnswer().startsWith("answer "));
        assertThat(renderedAnswer()).matches("answer [01] of (alpha|beta)").doesNotContain("**");
        assertThat(AppWindow.onFx(() -> texts(robot.lookup("#history-detail-rendered").query()).stream()
                .filter(t -> t.getText().matches("alpha|beta"))
                .map(t -> t.getFont().getStyle().toLowerCase(java.util.Locale.ROOT)).toList()))
                .as("the model's name in bold").singleElement().asString().contains("bold");
        assertThat(AppWindow.onFx(() -> robot.lookup("#history-detail-answer").query().isVisible())).isFalse();
        AppWindow.click(robot, "#history-answer-source");
        AppWindow.waitUntil(5, () -> robot.lookup("#history-detail-answer").query().isVisible()
                && !robot.lookup("#history-detail-rendered-scroll").query().isVisible());
        assertThat(area("#history-detail-answer")).matches("answer [01] of \\*\\*(alpha|beta)\\*\\*");
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
