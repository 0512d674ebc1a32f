package dev.switchyard.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.AppContext;
import dev.switchyard.ui.AppWindow;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window: a price typed on Models and not saved, then Compare's "Fix in Models…" of a model of another provider
 * (its key is missing) asks "Save prices of llama3.1:70b?" before the jump drops it — Cancel lands on Models with the
 * provider, model and price as they were, Discard shows the other provider's page — and "+ Add provider" asks the same.
 */
class ModelsJumpWindowTest {

    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private javafx.application.Application app;

    @BeforeEach
    void start() throws Exception {
        Path file = dir.resolve("jump.switchyard");
        try (Workspace ws = Workspace.open(file);
             AppContext ctx = new AppContext(Map.<String, String>of()::get, Clock.systemDefaultZone())) {
            Provider box = ws.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "Ollama box",
                    "http://127.0.0.1:9/v1", null, null));
            ctx.directory(ws).addCloudModel(box, "llama3.1:70b");
            ctx.directory(ws).addCloudModel(box, "qwen2.5:7b");
            Provider team = ws.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "Team gateway",
                    "http://127.0.0.1:9/v1", "env:SWITCHYARD_JUMP_TEST_NO_SUCH_KEY", null));
            ctx.directory(ws).addCloudModel(team, "team-model");
        }
        app = AppWindow.open(robot, file);
    }

    @AfterEach
    void stop() throws Exception {
        AppWindow.close(app);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aJumpFromCompareOrAddProviderAsksBeforeATypedPriceIsDropped() throws Exception {
        AppWindow.resize(1100, 720);
        AppWindow.click(robot, "#nav-models");
        ListView<Provider> providers = robot.lookup("#provider-list").queryAs(ListView.class);
        TableView<ModelRow> models = robot.lookup("#provider-models").queryAs(TableView.class);
        AppWindow.waitUntil(10, () -> models.getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        clickRow(0);
        AppWindow.waitUntil(10, () -> "Time limits of llama3.1:70b".equals(AppWindow.label(robot, "#limits-title")));
        type("#price-in", "0.5");

        // Compare → "Fix in Models…" of Team gateway's model: asked; Cancel lands on Models with everything as it was
        fixInModels();
        AppWindow.waitUntil(10, () -> "Save prices of llama3.1:70b?".equals(header()));
        clickDialogButton("Cancel");
        assertThat(robot.lookup("#models-view").query().getScene()).as("on the Models screen").isNotNull();
        assertThat(selectedName(providers)).isEqualTo("Ollama box");
        assertThat(AppWindow.label(robot, "#limits-title")).isEqualTo("Time limits of llama3.1:70b");
        assertThat(field("#price-in")).isEqualTo("0.5");
        assertThat(AppWindow.onFx(() -> models.getSelectionModel().getSelectedIndex())).isEqualTo(0);

        // "+ Add provider": asked too; Cancel keeps the page and the price
        AppWindow.click(robot, "#provider-add");
        AppWindow.waitUntil(10, () -> "Save prices of llama3.1:70b?".equals(header()));
        clickDialogButton("Cancel");
        assertThat(shown("#add-provider")).as("the add form").isFalse();
        assertThat(shown("#provider-models")).as("the provider's page").isTrue();
        assertThat(field("#price-in")).isEqualTo("0.5");

        // the jump again, Discard: Team gateway's page
        fixInModels();
        AppWindow.waitUntil(10, () -> header() != null);
        clickDialogButton("Discard");
        AppWindow.waitUntil(10, () -> "Team gateway".equals(selectedName(providers)));
        AppWindow.waitUntil(10, () -> models.getItems().size() == 1);
        assertThat(field("#price-in")).isEmpty();
    }

    /** Compare → the picker's "Fix in Models…" under Team gateway's model. */
    private void fixInModels() throws Exception {
        AppWindow.click(robot, "#nav-compare");
        AppWindow.waitUntil(15, () -> robot.lookup("#pick-team-model").tryQuery().isPresent()
                && fixButton() != null);
        Node fix = AppWindow.onFx(this::fixButton);
        scrollIntoView(fix);
        robot.clickOn(fix);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Node fixButton() {
        return ((VBox) robot.lookup("#pick-team-model").query().getParent()).getChildren().stream()
                .filter(n -> n instanceof Button b && b.getText().equals("Fix in Models…")).findFirst().orElse(null);
    }

    /** Whether the node {@code query} finds is visible with all its parents (the stack shows one page of three). */
    private boolean shown(String query) throws Exception {
        return AppWindow.onFx(() -> {
            for (Node n = robot.lookup(query).query(); n != null; n = n.getParent()) {
                if (!n.isVisible()) {
                    return false;
                }
            }
            return true;
        });
    }

    private static String selectedName(ListView<Provider> list) throws Exception {
        return AppWindow.onFx(() -> list.getSelectionModel().getSelectedItem() == null ? null
                : list.getSelectionModel().getSelectedItem().name());
    }

    private String field(String query) throws Exception {
        return AppWindow.onFx(() -> robot.lookup(query).queryAs(TextField.class).getText());
    }

    /** Scrolls the scroll pane holding {@code n} so that it is in view (as the wheel would). */
    private static void scrollIntoView(Node n) throws Exception {
        AppWindow.onFx(() -> {
            for (Node p = n; p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane s) {
                    double y = s.getContent().sceneToLocal(n.localToScene(n.getLayoutBounds())).getMinY();
                    double range = s.getContent().getLayoutBounds().getHeight() - s.getViewportBounds().getHeight();
                    s.setVvalue(range <= 0 ? 0 : Math.min(1, y / range));
                    break;
                }
            }
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void type(String query, String text) throws Exception {
        scrollIntoView(robot.lookup(query).query());
        AppWindow.click(robot, query);
        robot.press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void clickRow(int index) {
        robot.clickOn(robot.lookup("#provider-models .table-row-cell").match((javafx.scene.control.TableRow<?> r)
                -> r.getIndex() == index && !r.isEmpty()).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String header() throws Exception {
        return AppWindow.onFx(() -> dialog() == null ? null : dialog().getHeaderText());
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
