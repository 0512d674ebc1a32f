package dev.switchyard.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.AppContext;
import dev.switchyard.cloud.Timeouts;
import dev.switchyard.ui.AppWindow;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Models → a cloud model → Time limits in the real window at 1000 x 720: the four limits read readably with the
 * defaults marked; a wrong one is marked and said and nothing is stored; Save stores them; Reset to defaults brings the
 * defaults back. Limits and a price typed and not saved are named by File → Quit's "Leave without saving?".
 */
class TimeLimitsWindowTest {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private javafx.application.Application app;
    private Path file;

    @BeforeEach
    void start() throws Exception {
        file = dir.resolve("limits-window.switchyard");
        try (Workspace ws = Workspace.open(file);
             AppContext ctx = new AppContext(Map.<String, String>of()::get, Clock.systemDefaultZone())) {
            Provider p = ws.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "Ollama box",
                    "http://127.0.0.1:9/v1", null, null));
            ctx.directory(ws).addCloudModel(p, "llama3.1:70b");
            ctx.directory(ws).addCloudModel(p, "qwen2.5:7b");
        }
        app = AppWindow.open(robot, file);
    }

    @AfterEach
    void stop() throws Exception {
        AppWindow.close(app);
    }

    private String text(String query) {
        return AppWindow.label(robot, query);
    }

    private String field(String query) throws Exception {
        return AppWindow.onFx(() -> robot.lookup(query).queryAs(TextField.class).getText());
    }

    private boolean marked(String query) throws Exception {
        return AppWindow.onFx(() -> robot.lookup(query).query().getPseudoClassStates().contains(INVALID));
    }

    /** Replaces the text of the field {@code query} finds as a user does: click, select all, type. */
    private void type(String query, String text) throws Exception {
        AppWindow.click(robot, query);
        robot.press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Timeouts stored() {
        try (Workspace ws = Workspace.open(file);
             AppContext ctx = new AppContext(Map.<String, String>of()::get, Clock.systemDefaultZone())) {
            Model m = ws.models().list().stream().filter(x -> x.apiModelId().equals("llama3.1:70b")).findFirst().orElseThrow();
            return ctx.directory(ws).timeouts(m);
        }
    }

    private static ScrollPane scrollPaneOf(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof ScrollPane s) {
                return s;
            }
        }
        throw new IllegalStateException(node + " is in no scroll pane");
    }

    /** Scrolls the provider's page so that the node {@code query} finds is in view (as the wheel would). */
    private void scrollTo(String query) throws Exception {
        AppWindow.onFx(() -> {
            Node node = robot.lookup(query).query();
            ScrollPane scroll = scrollPaneOf(node);
            double y = scroll.getContent().sceneToLocal(node.localToScene(node.getLayoutBounds())).getMinY();
            double range = scroll.getContent().getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(range <= 0 ? 0 : Math.min(1, y / range));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Whether the node {@code query} finds lies wholly inside the visible part of its scroll pane. */
    private boolean inView(String query) throws Exception {
        return AppWindow.onFx(() -> {
            Node n = robot.lookup(query).query();
            Node viewport = scrollPaneOf(n).lookup(".viewport");
            var b = n.localToScene(n.getLayoutBounds());
            var v = viewport.localToScene(viewport.getLayoutBounds());
            return b.getMinY() >= v.getMinY() - 0.5 && b.getMaxY() <= v.getMaxY() + 0.5 && b.getMaxX() <= v.getMaxX() + 0.5;
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void aModelsTimeLimitsAreShownEditedCheckedSavedAndResetAt1000Px() throws Exception {
        AppWindow.resize(1000, 720);
        AppWindow.click(robot, "#nav-models");
        TableView<ModelRow> models = robot.lookup("#provider-models").queryAs(TableView.class);
        AppWindow.waitUntil(10, () -> models.getItems().size() == 2);
        assertThat(text("#limits-summary")).isEqualTo(TimeLimitsEditor.PICK_A_MODEL);
        assertThat(AppWindow.onFx(() -> robot.lookup("#limits-save").query().isDisabled())).isTrue();

        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("#provider-models .table-row-cell").match((javafx.scene.control.TableRow<?> r)
                -> r.getIndex() == 0 && !r.isEmpty()).queryAs(Node.class));
        AppWindow.waitUntil(10, () -> "60 s".equals(field("#limit-first-token")));
        assertThat(text("#limits-title")).isEqualTo("Time limits of llama3.1:70b");
        assertThat(field("#limit-connect")).isEqualTo("10 s");
        assertThat(field("#limit-idle-gap")).isEqualTo("30 s");
        assertThat(field("#limit-total")).isEqualTo("10 min");
        for (String note : new String[] {"#limit-connect-note", "#limit-first-token-note", "#limit-idle-gap-note",
                "#limit-total-note"}) {
            assertThat(text(note)).as(note).isEqualTo("default");
        }
        assertThat(text("#limits-summary")).endsWith("These are this model's defaults.");
        assertThat(AppWindow.onFx(() -> robot.lookup("#limits-reset").query().isDisabled())).as("at the defaults").isTrue();
        assertThat(inView("#provider-models")).as("picking a model leaves the table in view").isTrue();

        scrollTo("#time-limits");
        assertThat(inView("#time-limits")).isTrue();
        assertThat(AppWindow.cutTexts(robot, "#time-limits")).as("every caption and button whole at 1000 px").isEmpty();
        assertThat(AppWindow.withinWindow(robot, "#limits-reset")).isTrue();
        assertThat(AppWindow.withinWindow(robot, "#limit-total")).isTrue();

        type("#limit-first-token", "soon");
        AppWindow.waitUntil(5, () -> marked("#limit-first-token"));
        assertThat(marked("#limit-total")).isFalse();
        assertThat(AppWindow.onFx(() -> robot.lookup("#limit-first-token").queryAs(TextField.class).getTooltip().getText()))
                .isEqualTo("'soon' is not a time (first token); write it like 90 s, 5 min or 500 ms.");
        AppWindow.click(robot, "#limits-save");
        AppWindow.waitUntil(5, () -> text("#limits-error").startsWith("'soon' is not a time (first token)"));
        assertThat(AppWindow.onFx(() -> robot.lookup("#limits-error").query().getStyleClass())).contains("error-text");
        assertThat(AppWindow.onFx(() -> ((Label) robot.lookup("#limits-error").query()).getTextFill()))
                .as("red, not the summary's colour").isNotEqualTo(AppWindow.onFx(() ->
                        ((Label) robot.lookup("#limits-summary").query()).getTextFill()));
        assertThat(stored()).as("nothing stored").isEqualTo(Timeouts.DEFAULT);

        type("#limit-first-token", "20 min"); // longer than the total: both fields of the pair marked
        AppWindow.waitUntil(5, () -> marked("#limit-total") && marked("#limit-first-token"));
        AppWindow.waitUntil(5, () -> !robot.lookup("#limits-error").query().isVisible()); // no longer true
        AppWindow.click(robot, "#limits-save");
        AppWindow.waitUntil(5, () -> text("#limits-error").equals("First token (20 min) cannot be longer than total"
                + " (10 min): the total limit covers the whole run."));
        assertThat(stored()).isEqualTo(Timeouts.DEFAULT);

        type("#limit-first-token", "3 min");
        AppWindow.waitUntil(5, () -> !marked("#limit-first-token") && !marked("#limit-total"));
        assertThat(text("#limit-first-token-note")).isEqualTo("default 60 s");
        AppWindow.click(robot, "#limits-save");
        AppWindow.waitUntil(10, () -> text("#limits-message").equals("Saved the time limits of llama3.1:70b; its next run"
                + " uses them."));
        assertThat(AppWindow.onFx(() -> robot.lookup("#limits-error").query().isVisible())).isFalse();
        assertThat(stored()).isEqualTo(Timeouts.DEFAULT.withFirstToken(Duration.ofMinutes(3)));
        assertThat(text("#limits-summary")).contains("Changed from this model's defaults");
        assertThat(AppWindow.cutTexts(robot, "#time-limits")).isEmpty();

        AppWindow.waitUntil(5, () -> !robot.lookup("#limits-reset").query().isDisabled());
        AppWindow.click(robot, "#limits-reset");
        AppWindow.waitUntil(10, () -> "60 s".equals(field("#limit-first-token")));
        AppWindow.waitUntil(10, () -> text("#limits-message").startsWith("llama3.1:70b has its default time limits again"));
        assertThat(text("#limit-first-token-note")).isEqualTo("default");
        assertThat(stored()).isEqualTo(Timeouts.DEFAULT);
        AppWindow.waitUntil(5, () -> robot.lookup("#limits-reset").query().isDisabled());
    }

    /**
     * A limit half typed and a price typed, neither saved: File → Quit asks "Leave without saving?" and names both
     * ("prices of llama3.1:70b, time limits of llama3.1:70b"); Cancel keeps the window and what was typed.
     */
    @Test
    @SuppressWarnings("unchecked")
    void limitsAndAPriceTypedAndNotSavedAreNamedBeforeQuitting() throws Exception {
        AppWindow.resize(1000, 720);
        AppWindow.click(robot, "#nav-models");
        TableView<ModelRow> models = robot.lookup("#provider-models").queryAs(TableView.class);
        AppWindow.waitUntil(10, () -> models.getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("#provider-models .table-row-cell").match((javafx.scene.control.TableRow<?> r)
                -> r.getIndex() == 0 && !r.isEmpty()).queryAs(Node.class));
        AppWindow.waitUntil(10, () -> "10 min".equals(field("#limit-total")));

        scrollTo("#time-limits");
        type("#limit-total", "20"); // on its way to "20 min"
        scrollTo("#price-in");
        type("#price-in", "0.5");

        AppWindow.click(robot, "File");
        AppWindow.click(robot, "Quit");
        AppWindow.waitUntil(10, () -> "Leave without saving?".equals(AppWindow.onFx(() -> dialog() == null ? ""
                : dialog().getHeaderText())));
        assertThat(AppWindow.onFx(() -> dialog().lookupAll(".label").stream().map(n -> ((Label) n).getText())
                .collect(java.util.stream.Collectors.joining(" "))))
                .contains("Not saved yet: prices of llama3.1:70b, time limits of llama3.1:70b.");
        Node cancel = AppWindow.onFx(() -> dialog().getButtonTypes().stream().filter(t -> t.getText().equals("Cancel"))
                .map(t -> dialog().lookupButton(t)).findFirst().orElseThrow());
        robot.clickOn(cancel);
        WaitForAsyncUtils.waitForFxEvents();
        AppWindow.waitUntil(5, () -> dialog() == null);
        assertThat(AppWindow.onFx(() -> robot.lookup("#main-view").query().getScene().getWindow().isShowing())).isTrue();
        assertThat(field("#limit-total")).isEqualTo("20");
        assertThat(field("#price-in")).isEqualTo("0.5");
        assertThat(stored()).isEqualTo(Timeouts.DEFAULT);
    }

    /**
     * A price typed for one model and not saved, then another model clicked in the table: "Save prices of llama3.1:70b?"
     * with Save, Discard and Cancel; Cancel keeps the model picked and the price typed, Discard picks the other model.
     */
    @Test
    @SuppressWarnings("unchecked")
    void pickingAnotherModelAsksBeforeATypedPriceIsDropped() throws Exception {
        AppWindow.resize(1000, 720);
        AppWindow.click(robot, "#nav-models");
        TableView<ModelRow> models = robot.lookup("#provider-models").queryAs(TableView.class);
        AppWindow.waitUntil(10, () -> models.getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        clickRow(0);
        AppWindow.waitUntil(10, () -> "Time limits of llama3.1:70b".equals(text("#limits-title")));
        scrollTo("#price-in");
        type("#price-in", "0.5");

        scrollTo("#provider-models");
        clickRow(1);
        AppWindow.waitUntil(10, () -> "Save prices of llama3.1:70b?".equals(AppWindow.onFx(() -> dialog() == null ? ""
                : dialog().getHeaderText())));
        clickDialogButton("Cancel");
        assertThat(text("#limits-title")).isEqualTo("Time limits of llama3.1:70b");
        assertThat(field("#price-in")).isEqualTo("0.5");
        assertThat(AppWindow.onFx(() -> models.getSelectionModel().getSelectedIndex())).as("the pick put back").isEqualTo(0);

        clickRow(1);
        AppWindow.waitUntil(10, () -> dialog() != null);
        clickDialogButton("Discard");
        AppWindow.waitUntil(10, () -> "Time limits of qwen2.5:7b".equals(text("#limits-title")));
        assertThat(field("#price-in")).isEmpty();
        assertThat(AppWindow.onFx(() -> models.getSelectionModel().getSelectedIndex())).isEqualTo(1);
    }

    private void clickRow(int index) {
        robot.clickOn(robot.lookup("#provider-models .table-row-cell").match((javafx.scene.control.TableRow<?> r)
                -> r.getIndex() == index && !r.isEmpty()).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void clickDialogButton(String text) throws Exception {
        Node button = AppWindow.onFx(() -> dialog().getButtonTypes().stream().filter(t -> t.getText().equals(text))
                .map(t -> dialog().lookupButton(t)).findFirst().orElseThrow());
        robot.clickOn(button);
        WaitForAsyncUtils.waitForFxEvents();
        AppWindow.waitUntil(5, () -> dialog() == null);
    }

    /** The dialog shown (looked up on the FX thread through the windows), or null. */
    private static javafx.scene.control.DialogPane dialog() {
        return javafx.stage.Window.getWindows().stream().filter(javafx.stage.Window::isShowing)
                .map(w -> w.getScene() == null ? null : w.getScene().getRoot().lookup(".dialog-pane"))
                .filter(n -> n instanceof javafx.scene.control.DialogPane).map(n -> (javafx.scene.control.DialogPane) n)
                .findFirst().orElse(null);
    }
}
