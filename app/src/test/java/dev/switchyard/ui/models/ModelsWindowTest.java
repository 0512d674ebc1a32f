package dev.switchyard.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.ui.AppWindow;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.PriceRow;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real window on an empty workspace: the welcome appears, leads to Models; a provider with a custom
 * base URL (a loopback mock server) is added, its models listed and one added, a price edited; the theme switched.
 */
class ModelsWindowTest {

    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private final MockWebServer server = new MockWebServer();
    private javafx.application.Application app;
    private Path file;

    @BeforeEach
    void start() throws Exception {
        server.start();
        file = dir.resolve("models-test.switchyard");
        app = AppWindow.open(robot, file);
    }

    @AfterEach
    void stop() throws Exception {
        AppWindow.close(app);
        server.close();
    }

    /** The table's row cell showing item 0 (row cells are recycled, so lookup order says nothing). */
    private javafx.scene.Node firstRow(String table) {
        return robot.lookup(table + " .table-row-cell").match((javafx.scene.control.TableRow<?> r) -> r.getIndex() == 0
                && !r.isEmpty()).query();
    }

    private String text(String query) {
        return AppWindow.label(robot, query);
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            AppWindow.waitUntil(10, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            new ProcessBuilder("import", "-window", "root", "/tmp/scr-fail.png").inheritIO().start().waitFor();
            throw new AssertionError("timed out; status bar: '" + text("#status-message") + "', connection: '"
                    + robot.lookup("#connection-status").tryQuery().map(n -> ((Label) n).getText()).orElse("-")
                    + "', form: '" + robot.lookup("#provider-form-error").tryQuery().map(n -> ((Label) n).getText()).orElse("-")
                    + "', models: '" + robot.lookup("#models-message").tryQuery().map(n -> ((Label) n).getText()).orElse("-") + "'", e);
        }
    }

    /**
     * In a 1000 px window the provider list keeps a narrow width and the models table reads whole, on its own line
     * above the endpoint's list: at 1000 x 720 it is in view without scrolling (it was under the endpoint's list,
     * below the fold). At 1100 x 720 its cells read whole too ("Claude Haik…" before).
     */
    @Test
    void aNarrowWindowShowsTheModelsTableWholeAndInView() throws Exception {
        try (Workspace ws = Workspace.open(file)) {
            var p = dev.switchyard.testing.Seed.provider(ws, "Gate");
            dev.switchyard.testing.Seed.provider(ws, "Scripted demo (loopback gateway)");
            dev.switchyard.testing.Seed.model(ws, p, "fast-model");
            var haiku = ws.models().insert(dev.switchyard.workspace.model.Model.of(p.id(), "claude-3-5-haiku-latest",
                    "Claude Haiku 3.5", dev.switchyard.workspace.model.ModelKind.CLOUD, 200_000, null, "{}"));
            ws.prices().insert(dev.switchyard.workspace.model.PriceRow.of(haiku.id(), new java.math.BigDecimal("0.80"), null,
                    new java.math.BigDecimal("4.00"), "test", java.time.LocalDate.of(2024, 1, 1)));
        }
        AppWindow.resize(1000, 700);
        AppWindow.click(robot, "#nav-models");
        waitUntil(() -> robot.lookup("#provider-models .table-row-cell").match((javafx.scene.control.TableRow<?> r)
                -> !r.isEmpty()).tryQuery().isPresent());
        assertThat(AppWindow.cutTexts(robot, "#provider-models")).isEmpty();
        assertThat(AppWindow.cutTexts(robot, "#provider-detail")).isEmpty();
        assertThat(AppWindow.onFx(() -> robot.lookup("#provider-list").query().getLayoutBounds().getWidth()))
                .isLessThan(200);
        assertThat(AppWindow.withinWindow(robot, "#provider-detail")).isTrue();

        for (double[] size : new double[][] {{1000, 720}, {1100, 720}}) {
            AppWindow.resize(size[0], size[1]);
            assertThat(AppWindow.cutTexts(robot, "#provider-models")).as("at " + size[0]).isEmpty();
            assertThat(AppWindow.cutTexts(robot, "#models-view")).as("at " + size[0])
                    .isEqualTo(AppWindow.cutTexts(robot, "#provider-list"));
            assertThat(AppWindow.onFx(this::modelsTableInView)).as("the table in view at " + size[0]).isTrue();
            // a long provider name is cut with "…" (whole in its tooltip), not clipped under a sideways scroll bar
            assertThat(AppWindow.cutTexts(robot, "#provider-list")).as("at " + size[0]).singleElement().asString()
                    .startsWith("Scripted demo (loopback gateway) (shown as Scripted").matches(".*(\\.\\.\\.|…)\\)");
            assertThat(AppWindow.onFx(() -> robot.lookup("#provider-list .scroll-bar").queryAll().stream()
                    .filter(n -> n instanceof javafx.scene.control.ScrollBar b
                            && b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL)
                    .noneMatch(javafx.scene.Node::isVisible))).as("no sideways scroll bar at " + size[0]).isTrue();
        }
    }

    /**
     * A model id or name longer than its column is cut with "…" in the provider's table and the local models' table;
     * each cut cell shows the whole text on hover — a model's with its name, its id and its provider
     * (there was no tooltip: a cut id could not be read anywhere on the screen).
     */
    @Test
    void cutModelIdsAndNamesReadWholeInTheirTooltips() throws Exception {
        String id = "accounts/fireworks/models/llama-v3p1-405b-instruct-long-context-preview";
        String localId = "qwen2.5-coder-1.5b-instruct-onnx-int4-research-build-2026";
        try (Workspace ws = Workspace.open(file); dev.switchyard.app.AppContext ctx = new dev.switchyard.app.AppContext(
                java.util.Map.<String, String>of()::get, java.time.Clock.systemDefaultZone())) {
            var p = dev.switchyard.testing.Seed.provider(ws, "Fireworks gateway of the research group");
            dev.switchyard.testing.Seed.model(ws, p, id);
            ctx.directory(ws).registerLocal(localId, "Qwen2.5 Coder 1.5B Instruct (research build, int4, 2026)", 4096,
                    dev.switchyard.workspace.model.ModelKind.LOCAL_GENERATIVE,
                    new dev.switchyard.app.models.LocalModelSettings(dir.resolve("gone"), null, null));
        }
        AppWindow.resize(1000, 700);
        AppWindow.click(robot, "#nav-models");
        waitUntil(() -> robot.lookup("#provider-models .table-row-cell").match((javafx.scene.control.TableRow<?> r)
                -> !r.isEmpty()).tryQuery().isPresent());
        java.util.Map<String, String> cloud = cutWithTips("#provider-models .table-cell");
        assertThat(cloud).as("the id is cut at 1000 px").containsKey(id);
        assertThat(cloud.get(id)).contains("API id: " + id).contains("Provider: Fireworks gateway of the research group");
        // the provider list scrolls sideways rather than cut a name: its cell says the name and where it is on hover
        assertThat(AppWindow.onFx(() -> robot.lookup("#provider-list .list-cell").match((javafx.scene.control.ListCell<?> c)
                -> "Fireworks gateway of the research group".equals(c.getText())).queryAs(javafx.scene.control.ListCell.class)
                .getTooltip().getText())).startsWith("Fireworks gateway of the research group\nhttp");

        AppWindow.click(robot, "#tab-local");
        waitUntil(() -> robot.lookup("#local-models-table .table-cell").match((javafx.scene.control.TableCell<?, ?> c)
                -> localId.equals(c.getText())).tryQuery().isPresent());
        java.util.Map<String, String> local = cutWithTips("#local-models-table .table-cell");
        assertThat(local).as("the local id and name are cut").containsKey(localId)
                .containsKey("Qwen2.5 Coder 1.5B Instruct (research build, int4, 2026)");
        assertThat(local.get(localId)).contains("Id: " + localId);
        assertThat(local).allSatisfy((text, tip) -> assertThat(tip).as(text).contains(text));
    }

    /** The cells {@code query} finds whose text is cut with "…" on screen, each with its tooltip's text ("" when none). */
    private java.util.Map<String, String> cutWithTips(String query) throws Exception {
        return AppWindow.onFx(() -> robot.lookup(query).queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.Labeled l && l.getText() != null && !l.getText().isEmpty()
                        && n.isVisible() && l.lookup(".text") instanceof javafx.scene.text.Text t
                        && !l.getText().equals(t.getText()))
                .map(n -> (javafx.scene.control.Labeled) n)
                .collect(java.util.stream.Collectors.toMap(javafx.scene.control.Labeled::getText,
                        l -> l.getTooltip() == null ? "" : l.getTooltip().getText(), (a, b) -> a)));
    }

    /**
     * Set key… puts the keyboard focus in the key field, so a key typed (or pasted) right away goes there: the focus
     * fell to Remove key before, the typing went nowhere and Enter asked to remove the key. Cancel gives the focus back
     * to Set key….
     */
    @Test
    void setKeyPutsTheFocusInTheKeyFieldAndCancelGivesItBack() throws Exception {
        try (Workspace ws = Workspace.open(file)) {
            dev.switchyard.testing.Seed.model(ws, dev.switchyard.testing.Seed.provider(ws, "Gate"), "fast-model");
        }
        AppWindow.click(robot, "#nav-models");
        waitUntil(() -> "Gate".equals(text("#provider-title")));
        AppWindow.click(robot, "#provider-set-key");
        waitUntil(() -> robot.lookup("#key-editor").query().isVisible());
        waitUntil(() -> "set-key".equals(focusedId()));
        robot.write("sk-typed-at-once");
        assertThat(AppWindow.onFx(() -> robot.lookup("#set-key").queryAs(javafx.scene.control.TextField.class).getText()))
                .isEqualTo("sk-typed-at-once");

        AppWindow.click(robot, "#set-key-cancel");
        waitUntil(() -> !robot.lookup("#key-editor").query().isVisible());
        waitUntil(() -> "provider-set-key".equals(focusedId()));
    }

    private String focusedId() throws Exception {
        return AppWindow.onFx(() -> {
            Node n = robot.lookup("#models-view").query().getScene().getFocusOwner();
            return n == null || n.getId() == null ? "" : n.getId();
        });
    }

    /**
     * A provider and a model added from a terminal (the CLI on the same workspace file) show when the window gets the
     * focus back, and on File → Refresh (F5); a key half typed in Set key… stays as typed (it showed only when a
     * workspace was opened again).
     */
    @Test
    void providersAndModelsAddedFromATerminalShowOnFocusAndF5AndAHalfTypedKeyStays() throws Exception {
        long gate;
        try (Workspace ws = Workspace.open(file)) {
            var p = dev.switchyard.testing.Seed.provider(ws, "Gate");
            gate = p.id();
            dev.switchyard.testing.Seed.model(ws, p, "fast-model");
        }
        AppWindow.click(robot, "#nav-models");
        TableView<ModelRow> models = robot.lookup("#provider-models").queryAs(TableView.class);
        waitUntil(() -> models.getItems().size() == 1);
        AppWindow.click(robot, "#provider-set-key");
        waitUntil(() -> robot.lookup("#key-editor").query().isVisible());
        AppWindow.click(robot, "#set-key-source-session");
        AppWindow.click(robot, "#set-key").write("sk-half-typ");

        // `switchyard providers add …` and `models add --provider Gate …` in a terminal
        try (Workspace ws = Workspace.open(file)) {
            dev.switchyard.testing.Seed.provider(ws, "Team gateway");
            dev.switchyard.testing.Seed.model(ws, ws.providers().get(gate).orElseThrow(), "second-model");
        }
        AppWindow.leaveTheWindowAndComeBack();
        ListView<?> providers = robot.lookup("#provider-list").queryAs(ListView.class);
        waitUntil(() -> providers.getItems().size() == 2);
        waitUntil(() -> models.getItems().size() == 2);
        assertThat(text("#provider-title")).isEqualTo("Gate");
        assertThat(AppWindow.onFx(() -> providers.getSelectionModel().getSelectedIndex())).isZero();
        assertThat(AppWindow.onFx(() -> robot.lookup("#key-editor").query().isVisible())).as("Set key… stays open").isTrue();
        assertThat(AppWindow.onFx(() -> robot.lookup("#set-key").queryAs(javafx.scene.control.TextField.class).getText()))
                .isEqualTo("sk-half-typ");

        // `providers add` of one listed before Gate and `providers set-key Gate --key-ref env:GATE_KEY`, then F5
        try (Workspace ws = Workspace.open(file)) {
            dev.switchyard.testing.Seed.provider(ws, "Aardvark");
            ws.providers().update(ws.providers().get(gate).orElseThrow().withAuthRef("env:GATE_KEY"));
        }
        robot.press(javafx.scene.input.KeyCode.F5).release(javafx.scene.input.KeyCode.F5);
        waitUntil(() -> providers.getItems().size() == 3);
        waitUntil(() -> text("#provider-where").contains("GATE_KEY"));
        assertThat(text("#provider-title")).isEqualTo("Gate");
        assertThat(AppWindow.onFx(() -> ((dev.switchyard.workspace.model.Provider) providers.getSelectionModel()
                .getSelectedItem()).name())).isEqualTo("Gate");
        assertThat(AppWindow.onFx(() -> robot.lookup("#key-editor").query().isVisible())).as("Set key… stays open").isTrue();
        assertThat(AppWindow.onFx(() -> robot.lookup("#set-key").queryAs(javafx.scene.control.TextField.class).getText()))
                .isEqualTo("sk-half-typ");
    }

    private static javafx.scene.control.ScrollPane scrollPaneOf(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.ScrollPane s) {
                return s;
            }
        }
        throw new IllegalStateException(node + " is in no scroll pane");
    }

    /** Whether the provider's models table lies wholly inside the visible part of the provider's page. */
    private boolean modelsTableInView() {
        return inView("#provider-models");
    }

    /** Whether the node {@code query} finds lies wholly inside the visible part of the scroll pane it is in. */
    private boolean inView(String query) {
        javafx.scene.Node table = robot.lookup(query).query();
        javafx.scene.Node viewport = scrollPaneOf(table).lookup(".viewport");
        javafx.geometry.Bounds t = table.localToScene(table.getLayoutBounds());
        javafx.geometry.Bounds v = viewport.localToScene(viewport.getLayoutBounds());
        return t.getMinY() >= v.getMinY() - 0.5 && t.getMaxY() <= v.getMaxY() + 0.5 && t.getMaxX() <= v.getMaxX() + 0.5;
    }

    @Test
    @SuppressWarnings("unchecked")
    void welcomeThenAddCustomProviderListAndAddModelsEditPriceAndSwitchTheme() throws Exception {
        waitUntil(() -> robot.lookup("#welcome-view").tryQuery().map(Node::isVisible).orElse(false)
                && robot.lookup("#welcome-view").query().getScene() != null);
        assertThat(text("#welcome-next")).contains("embedded intent model");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("#welcome-models").match(n -> n.getScene() != null).queryAs(Node.class));
        waitUntil(() -> robot.lookup("#models-view").tryQuery().map(n -> n.getScene() != null).orElse(false));

        AppWindow.click(robot, "#provider-add");
        AppWindow.click(robot, "#provider-preset");
        AppWindow.click(robot, "Custom OpenAI-compatible endpoint");
        AppWindow.click(robot, "#provider-save");
        waitUntil(() -> text("#provider-form-error").equals("Give the provider a name."));
        AppWindow.click(robot, "#provider-name").write("Loopback gateway");
        waitUntil(() -> text("#provider-form-error").isEmpty()); // a message goes once it is no longer true
        AppWindow.click(robot, "#provider-url").write(server.url("/v1").toString());
        AppWindow.click(robot, "#provider-key-source-none");
        AppWindow.click(robot, "#provider-save");
        waitUntil(() -> "Loopback gateway".equals(text("#provider-title")));
        assertThat(text("#provider-where")).contains("key: none");

        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body(ModelsViewModelTest.MODELS_JSON).build());
        AppWindow.click(robot, "#provider-test");
        waitUntil(() -> text("#connection-status").equals("Connected: 2 models listed."));
        ListView<ModelsViewModel.RemoteRow> remote = robot.lookup("#remote-models").queryAs(ListView.class);
        assertThat(remote.getItems()).extracting(ModelsViewModel.RemoteRow::id).containsExactly("tiny-1", "tiny-2");

        waitUntil(() -> inView("#remote-add")); // under the table at 1100 px: the page scrolls down to the list
        AppWindow.click(robot, "tiny-2");
        AppWindow.click(robot, "#remote-add");
        TableView<ModelRow> models = robot.lookup("#provider-models").queryAs(TableView.class);
        waitUntil(() -> models.getItems().size() == 1);
        waitUntil(() -> inView("#provider-models")); // and back up to the table with the model added
        assertThat(models.getItems().get(0).priceText()).isEqualTo("no price");

        assertThat(text("#price-summary")).isEqualTo(PriceEditor.PICK_A_MODEL);
        assertThat(AppWindow.onFx(() -> robot.lookup("#price-save").query().isDisabled())).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(firstRow("#provider-models"));
        waitUntil(() -> text("#price-summary").startsWith("No price"));
        assertThat(text("#price-title")).isEqualTo("Prices of tiny-2 (USD per 1M tokens)");
        // the prices are under the table and the endpoint's list at this width: the page scrolled down to them (the
        // wheel over the page would stop once the table came under the pointer)
        robot.interact(() -> scrollPaneOf(robot.lookup("#price-save").query()).setVvalue(1));
        waitUntil(() -> inView("#price-save"));
        AppWindow.click(robot, "#price-in").write("abc");
        AppWindow.click(robot, "#price-out").write("1.5");
        AppWindow.click(robot, "#price-save");
        waitUntil(() -> text("#price-error").startsWith("'abc' is not a number"));
        assertThat(AppWindow.onFx(() -> robot.lookup("#price-error").query().getStyleClass())).as("red like other errors")
                .contains("error-text");
        assertThat(AppWindow.onFx(() -> ((Label) robot.lookup("#price-error").query()).getTextFill()))
                .as("the error's colour is not the message's").isNotEqualTo(AppWindow.onFx(() ->
                        ((Label) robot.lookup("#price-summary").query()).getTextFill()));
        robot.interact(() -> robot.lookup("#price-in").queryAs(javafx.scene.control.TextField.class).setText("0.5"));
        waitUntil(() -> !robot.lookup("#price-error").query().isVisible());
        AppWindow.click(robot, "#price-save");
        waitUntil(() -> text("#price-summary").contains("$0.50 in"));
        TableView<PriceRow> history = robot.lookup("#price-history").queryAs(TableView.class);
        assertThat(history.getItems()).hasSize(1);
        String today = java.time.format.DateTimeFormatter.ofPattern("d MMM uuuu", java.util.Locale.ENGLISH)
                .format(java.time.LocalDate.now());
        waitUntil(() -> text("#price-message").equals("Saved the price of tiny-2; it applies to runs from " + today + " on."));
        assertThat(AppWindow.onFx(() -> history.getColumns().stream().map(c -> c.getText()).toList()))
                .as("every column has a header").containsExactly("From", "Input", "Cached", "Output", "Status", "Source");
        for (String shown : java.util.List.of(today, "$0.50", "as input", "$1.50", "in force")) {
            waitUntil(() -> robot.lookup("#price-history .table-cell .text").match(t -> shown.equals(
                    ((javafx.scene.text.Text) t).getText())).tryQuery().isPresent());
        }
        waitUntil(() -> robot.lookup("#price-history .table-cell .text").match(t -> ((javafx.scene.text.Text) t).getText()
                .startsWith("entered in")).tryQuery().isPresent());
        assertThat(AppWindow.onFx(() -> robot.lookup("#price-history .table-cell .text").match(t ->
                ((javafx.scene.text.Text) t).getText().startsWith("entered in")).queryAs(javafx.scene.text.Text.class).getText()))
                .as("the source column is wide enough to read").isEqualTo(PriceEditor.SOURCE);
        waitUntil(() -> models.getItems().get(0).priceText().equals("$0.50 in · $1.50 out"));

        Region root = robot.lookup("#main-view").queryAs(Region.class);
        assertThat(root.getBackground().getFills().get(0).getFill()).isEqualTo(Color.web("#f6f7f9"));
        AppWindow.click(robot, "View");
        AppWindow.click(robot, "Dark theme");
        waitUntil(() -> root.getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("theme-dark.css")));
        waitUntil(() -> Color.web("#0d1117").equals(root.getBackground().getFills().get(0).getFill()));

        try (Workspace ws = Workspace.open(file)) {
            assertThat(ws.providers().list()).filteredOn(p -> p.kind() != dev.switchyard.workspace.model.ProviderKind.LOCAL)
                    .extracting(p -> p.baseUrl()).containsExactly(server.url("/v1").toString());
            assertThat(ws.models().list()).filteredOn(m -> m.kind() == dev.switchyard.workspace.model.ModelKind.CLOUD)
                    .extracting(m -> m.apiModelId()).containsExactly("tiny-2");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aKeyKeptForAnEarlierRunIsSetAgainOnTheProvidersPageThenRemoved() throws Exception {
        try (Workspace ws = Workspace.open(file)) { // what a restart leaves: the reference, not the key
            ws.providers().insert(dev.switchyard.workspace.model.Provider.of(
                    dev.switchyard.workspace.model.ProviderKind.OPENAI_COMPATIBLE, "Loopback gateway",
                    server.url("/v1").toString(), "session:switchyard/loopback-gateway", null));
        }
        waitUntil(() -> robot.lookup("#welcome-view").tryQuery().map(n -> n.getScene() != null).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("#welcome-models").match(n -> n.getScene() != null).queryAs(Node.class));
        waitUntil(() -> "Loopback gateway".equals(text("#provider-title")));
        waitUntil(() -> text("#provider-where").endsWith("key: none now (it was kept for an earlier app run only)"));
        assertThat(AppWindow.onFx(() -> robot.lookup("#provider-set-key").queryAs(javafx.scene.control.Button.class)
                .getText())).isEqualTo("Set key…");

        AppWindow.click(robot, "#provider-test");
        waitUntil(() -> text("#connection-status").equals("No key is stored for Loopback gateway (it was kept for an "
                + "earlier app run only) — set one with Set key…"));
        assertThat(server.getRequestCount()).as("the server is not asked without the key").isZero();
        assertThat(AppWindow.onFx(() -> robot.lookup("#provider-test .text").queryAs(javafx.scene.text.Text.class).getText()))
                .as("the button keeps its text beside a long message").isEqualTo("Test connection");

        AppWindow.click(robot, "#provider-set-key");
        AppWindow.click(robot, "#set-key-source-session");
        AppWindow.click(robot, "#set-key").write("sk-test-window-123456789");
        AppWindow.click(robot, "#set-session-consent");
        AppWindow.click(robot, "#set-key-save");
        waitUntil(() -> text("#models-message").equals("Keeping the key of Loopback gateway in memory for this app run only."));
        waitUntil(() -> text("#provider-where").endsWith("key: kept in memory for this app run only"));
        waitUntil(() -> "Replace key…".equals(robot.lookup("#provider-set-key").queryAs(javafx.scene.control.Button.class).getText()));
        assertThat(AppWindow.onFx(() -> robot.lookup("#key-editor").query().isVisible())).isFalse();

        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body(ModelsViewModelTest.MODELS_JSON).build());
        AppWindow.click(robot, "#provider-test");
        waitUntil(() -> text("#connection-status").equals("Connected: 2 models listed."));
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer sk-test-window-123456789");

        ListView<ModelsViewModel.RemoteRow> remote = robot.lookup("#remote-models").queryAs(ListView.class);
        robot.interact(() -> remote.getSelectionModel().selectAll());
        waitUntil(() -> inView("#remote-add"));
        AppWindow.click(robot, "#remote-add");
        TableView<ModelRow> models = robot.lookup("#provider-models").queryAs(TableView.class);
        waitUntil(() -> models.getItems().size() == 2);
        waitUntil(() -> robot.lookup("#remote-add").query().isDisabled()); // nothing picked is left to add
        waitUntil(() -> inView("#provider-models")); // the page scrolled back up to the table with the added models
        waitUntil(() -> inView("#provider-remove-key"));

        AppWindow.click(robot, "#provider-remove-key");
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        assertThat(robot.lookup(".dialog-pane .header-panel .label").queryAs(Label.class).getText())
                .isEqualTo("Remove the key of Loopback gateway?");
        robot.clickOn(robot.lookup(".dialog-pane .button").match(b -> "Remove key".equals(((javafx.scene.control.Button) b)
                .getText())).queryAs(Node.class));
        waitUntil(() -> text("#models-message").equals("Forgot the key of Loopback gateway."));
        waitUntil(() -> text("#provider-where").endsWith("key: none now (it was removed)"));
        waitUntil(() -> "Set key…".equals(robot.lookup("#provider-set-key").queryAs(javafx.scene.control.Button.class).getText()));
        assertThat(AppWindow.onFx(() -> robot.lookup("#provider-remove-key").query().isVisible())).isFalse();
        try (Workspace ws = Workspace.open(file)) {
            assertThat(ws.providers().list()).filteredOn(p -> p.name().equals("Loopback gateway")).singleElement()
                    .satisfies(p -> assertThat(p.authRef()).as("it still needs a key")
                            .isEqualTo(dev.switchyard.app.models.ProviderKeys.REMOVED));
        }
        int asked = server.getRequestCount();
        AppWindow.click(robot, "#provider-test");
        waitUntil(() -> text("#connection-status").equals("No key is stored for Loopback gateway (it was removed) — set "
                + "one with Set key…"));
        assertThat(server.getRequestCount()).as("the server is not asked without a key").isEqualTo(asked);

        AppWindow.click(robot, "#nav-compare");
        for (String id : java.util.List.of("tiny-1", "tiny-2")) { // not ready, with the fix that leads to Set key…
            waitUntil(() -> pickerRow(id).isPresent());
            Node row = pickerRow(id).orElseThrow();
            assertThat(AppWindow.onFx(() -> robot.from(row).lookup(".state-blocked").queryAs(Label.class).getText()))
                    .isEqualTo("● No API key is stored for Loopback gateway.");
            assertThat(AppWindow.onFx(() -> robot.from(row).lookup(".button").queryAs(javafx.scene.control.Button.class)
                    .getText())).isEqualTo("Fix in Models…");
        }

        AppWindow.click(robot, "#nav-models"); // Remove… asks, then the provider and its models leave every list
        waitUntil(() -> "Loopback gateway".equals(text("#provider-title")));
        AppWindow.click(robot, "#provider-remove");
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        assertThat(robot.lookup(".dialog-pane .header-panel .label").queryAs(Label.class).getText())
                .isEqualTo("Remove Loopback gateway from this workspace?");
        assertThat(AppWindow.onFx(() -> robot.lookup(".dialog-pane .label").queryAllAs(Label.class).stream()
                .map(Label::getText).collect(java.util.stream.Collectors.joining(" "))))
                .contains("Its 2 models leave Compare's picker and the lists of models;");
        robot.clickOn(robot.lookup(".dialog-pane .button").match(b -> "Remove".equals(((javafx.scene.control.Button) b)
                .getText())).queryAs(Node.class));
        waitUntil(() -> text("#models-message").equals("Removed Loopback gateway."));
        waitUntil(() -> robot.lookup("#provider-title").tryQuery().map(n -> !n.isVisible() || n.getScene() == null
                || !"Loopback gateway".equals(((Label) n).getText())).orElse(true));
        try (Workspace ws = Workspace.open(file)) {
            assertThat(ws.providers().list()).as("nothing referred to it").noneMatch(p -> p.name().equals("Loopback gateway"));
        }
        AppWindow.click(robot, "#nav-compare");
        waitUntil(() -> pickerRow("tiny-1").isEmpty() && pickerRow("tiny-2").isEmpty());
    }

    /** Compare's picker row of the model named {@code name}. */
    private java.util.Optional<Node> pickerRow(String name) {
        return robot.lookup(".model-row").match(r -> ((javafx.scene.layout.VBox) r).getChildren().stream()
                .anyMatch(n -> n instanceof javafx.scene.control.CheckBox b && name.equals(b.getText()))).tryQuery();
    }

    @Test
    @SuppressWarnings("unchecked")
    void endpointModelsPickedThenAnotherProviderShownLeavesAddSelectedOffWithoutABindingError() throws Exception {
        try (Workspace ws = Workspace.open(file)) {
            for (String name : java.util.List.of("Gateway A", "Gateway B")) {
                ws.providers().insert(dev.switchyard.workspace.model.Provider.of(
                        dev.switchyard.workspace.model.ProviderKind.OPENAI_COMPATIBLE, name, server.url("/v1").toString(),
                        null, null));
            }
        }
        java.util.List<java.util.logging.LogRecord> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                if (r.getThrown() != null) {
                    errors.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger bindings = java.util.logging.Logger.getLogger("javafx.beans");
        bindings.addHandler(handler);
        try {
            waitUntil(() -> robot.lookup("#welcome-view").tryQuery().map(n -> n.getScene() != null).orElse(false));
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn(robot.lookup("#welcome-models").match(n -> n.getScene() != null).queryAs(Node.class));
            waitUntil(() -> "Gateway A".equals(text("#provider-title")));
            server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                    .body(ModelsViewModelTest.MODELS_JSON).build());
            AppWindow.click(robot, "#provider-test");
            waitUntil(() -> text("#connection-status").equals("Connected: 2 models listed."));
            WaitForAsyncUtils.waitForFxEvents();
            AppWindow.click(robot, "tiny-1");
            waitUntil(() -> !robot.lookup("#remote-add").query().isDisabled());

            AppWindow.click(robot, "Gateway B");
            waitUntil(() -> "Gateway B".equals(text("#provider-title")));
            ListView<ModelsViewModel.RemoteRow> remote = robot.lookup("#remote-models").queryAs(ListView.class);
            assertThat(AppWindow.onFx(() -> remote.getItems().isEmpty())).isTrue();
            assertThat(AppWindow.onFx(() -> robot.lookup("#remote-add").query().isDisabled())).isTrue();
            assertThat(errors).as("no binding threw").extracting(r -> String.valueOf(r.getThrown())).isEmpty();
        } finally {
            bindings.removeHandler(handler);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void anImportedLocalModelIsRemovedAfterConfirmingAndItsFolderStays() throws Exception {
        Path folder = dir.resolve("my-model");
        ModelsViewModelTest.copyTree(ModelsViewModelTest.TINY, folder);
        registerLocalThenLeaveWelcome("my-model", "My imported model", folder, "#welcome-local");
        waitUntil(() -> robot.lookup("#models-view").tryQuery().map(n -> n.getScene() != null).orElse(false));
        waitUntil(() -> "tab-local".equals(robot.lookup("#models-tabs").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().getSelectedItem().getId())); // the welcome's "Local models" opens that tab
        TableView<LocalModelRow> table = robot.lookup("#local-models-table").queryAs(TableView.class);
        waitUntil(() -> table.getItems().stream().anyMatch(r -> r.model().displayName().equals("My imported model")));
        LocalModelRow row = table.getItems().stream().filter(r -> r.model().displayName().equals("My imported model"))
                .findFirst().orElseThrow();
        assertThat(row.statusText()).isEqualTo("Ready");
        assertThat(row.filesText()).containsAnyOf("KB in " + folder, "MB in " + folder);
        assertThat(robot.lookup("#local-remove").queryAs(javafx.scene.control.Button.class).isDisabled()).isTrue();

        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("#local-models-table .table-cell").match(c -> "My imported model".equals(
                ((javafx.scene.control.TableCell<?, ?>) c).getText())).queryAs(Node.class));
        AppWindow.click(robot, "#local-remove");
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        assertThat(robot.lookup(".dialog-pane .header-panel .label").queryAs(Label.class).getText())
                .isEqualTo("Remove My imported model?");
        assertThat(robot.lookup("#local-remove-files").tryQuery()).isEmpty(); // imported: no offer to delete its files
        robot.clickOn(robot.lookup(".dialog-pane .button").match(b -> "Remove".equals(((javafx.scene.control.Button) b)
                .getText())).queryAs(Node.class));

        waitUntil(() -> table.getItems().stream().noneMatch(r -> r.model().displayName().equals("My imported model")));
        waitUntil(() -> text("#local-message").startsWith("Removed My imported model; its folder"));
        assertThat(folder.resolve("config.json")).exists();
        try (Workspace ws = Workspace.open(file)) {
            assertThat(ws.models().list()).extracting(m -> m.displayName()).doesNotContain("My imported model");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLocalModelWhoseFilesAreGoneSaysSoInComparesPickerAndItsFixOpensLocalModels() throws Exception {
        Path gone = dir.resolve("moved-away");
        registerLocalThenLeaveWelcome("gone-model", "Gone model", gone, "#welcome-compare");
        waitUntil(() -> robot.lookup(".model-row .state-blocked").match(l -> ((Label) l).getText().contains("moved-away"))
                .tryQuery().isPresent());
        assertThat(robot.lookup(".model-row .state-blocked").match(l -> ((Label) l).getText().contains("moved-away"))
                .queryAs(Label.class).getText()).isEqualTo("● Model folder not found: " + gone.toAbsolutePath() + ".");
        Node row = robot.lookup(".model-row").match(r -> ((javafx.scene.layout.VBox) r).getChildren().stream()
                .anyMatch(n -> n instanceof javafx.scene.control.Labeled l && "Gone model".equals(l.getText()))).query();
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.from(row).lookup(".button").match(b -> "Fix in Models…".equals(((javafx.scene.control.Button) b)
                .getText())).queryAs(Node.class));

        waitUntil(() -> robot.lookup("#models-view").tryQuery().map(n -> n.getScene() != null).orElse(false));
        waitUntil(() -> "tab-local".equals(robot.lookup("#models-tabs").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().getSelectedItem().getId()));
        TableView<LocalModelRow> table = robot.lookup("#local-models-table").queryAs(TableView.class);
        waitUntil(() -> table.getItems().stream().anyMatch(r -> r.model().displayName().equals("Gone model")
                && r.statusText().equals("Folder not found")));
        // its row is selected, with what is wrong and the fix: the folder, from where it is now
        waitUntil(() -> table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem().model().displayName().equals("Gone model"));
        waitUntil(() -> text("#local-problem").equals("Model folder not found: " + gone.toAbsolutePath() + "."));
        assertThat(text("#local-fix")).isEqualTo("Import again from…");
    }

    @Test
    @SuppressWarnings("unchecked")
    void importingAFolderWithSeveralOnnxFilesAsksWhichOneRunsAndImportsItAsItsOwnModel() throws Exception {
        Path folder = dir.resolve("two-files");
        ModelsViewModelTest.copyTree(ModelsViewModelTest.TINY, folder);
        registerLocalThenLeaveWelcome("other", "Other model", dir.resolve("elsewhere"), "#welcome-local");
        waitUntil(() -> robot.lookup("#local-models").tryQuery().map(n -> n.getScene() != null).orElse(false));
        LocalModelsPane pane = robot.lookup("#local-models").queryAs(LocalModelsPane.class);
        javafx.application.Platform.runLater(() -> pane.importChosen(folder)); // what the folder chooser's OK does

        waitUntil(() -> robot.lookup("#variant-dialog").tryQuery().isPresent());
        assertThat(robot.lookup("#variant-dialog .header-panel .label").queryAs(Label.class).getText())
                .isEqualTo("two-files holds 2 ONNX files. Which one should run?");
        javafx.scene.control.ComboBox<dev.switchyard.app.models.LocalModelManager.Variant> choice =
                robot.lookup("#variant-choice").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(choice.getItems()).extracting(v -> choice.getConverter().toString(v)).containsExactly(
                "model.onnx · 0.5 MB · 32-bit float: full precision, the largest (default)",
                "model_fp16.onnx · 0.5 MB · float16: slow on a CPU");
        robot.interact(() -> choice.getSelectionModel().select(1));
        robot.clickOn(robot.lookup("#variant-dialog .button").match(b -> "OK".equals(((javafx.scene.control.Button) b)
                .getText())).queryAs(Node.class));

        TableView<LocalModelRow> table = robot.lookup("#local-models-table").queryAs(TableView.class);
        waitUntil(() -> table.getItems().stream().anyMatch(r -> r.model().apiModelId().equals("two-files-model_fp16")));
        waitUntil(() -> text("#local-message").equals("Imported tiny-random (nonsense output, for tests) (model_fp16.onnx)."));
        try (Workspace ws = Workspace.open(file)) {
            assertThat(ws.models().list()).filteredOn(m -> m.apiModelId().equals("two-files-model_fp16")).singleElement()
                    .satisfies(m -> assertThat(m.settingsJson()).contains("\"variant\":\"model_fp16.onnx\""));
        }
    }

    /**
     * Adds a local generative model row for {@code folder} to the open workspace (through a second connection, as
     * another process would), then leaves the welcome screen by the button {@code welcomeButton}.
     */
    private void registerLocalThenLeaveWelcome(String id, String name, Path folder, String welcomeButton) throws Exception {
        try (Workspace ws = Workspace.open(file); var ctx = new dev.switchyard.app.AppContext(n -> null, java.time.Clock.systemUTC())) {
            ctx.directory(ws).registerLocal(id, name, 256, dev.switchyard.workspace.model.ModelKind.LOCAL_GENERATIVE,
                    new dev.switchyard.app.models.LocalModelSettings(folder, null, null));
        }
        waitUntil(() -> robot.lookup("#welcome-view").tryQuery().map(n -> n.getScene() != null).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(welcomeButton).match(n -> n.getScene() != null).queryAs(Node.class));
    }
}
