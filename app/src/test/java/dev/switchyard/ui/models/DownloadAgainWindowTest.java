package dev.switchyard.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.models.LocalModelManager;
import dev.switchyard.app.models.LocalModelSettings;
import dev.switchyard.app.models.TinyModelHub;
import dev.switchyard.local.LocalEngine;
import dev.switchyard.local.catalog.DownloadControl;
import dev.switchyard.ui.AppWindow;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window on a workspace whose SmolLM2 135M was downloaded from a mirror ({@code models download --mirror}, here
 * the loopback {@link TinyModelHub}) and then damaged: Models → Local models says Download again fetches from that
 * mirror, and it does — the catalog's hub is never asked (the window's downloads went to the hub before).
 */
class DownloadAgainWindowTest {

    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private TinyModelHub hub;
    private javafx.application.Application app;
    private String homeBefore;

    @BeforeEach
    void start() throws Exception {
        hub = new TinyModelHub();
        homeBefore = System.getProperty("switchyard.home");
        System.setProperty("switchyard.home", dir.resolve("home").toString()); // the window's models folder is in it
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            AppWindow.close(app);
        }
        if (hub != null) {
            hub.close();
        }
        if (homeBefore == null) {
            System.clearProperty("switchyard.home");
        } else {
            System.setProperty("switchyard.home", homeBefore);
        }
    }

    /** On the FX thread: whether the labeled node {@code query} finds shows its whole text (not cut with "…"). */
    private boolean readsWhole(String query) {
        javafx.scene.control.Labeled l = robot.lookup(query).queryAs(javafx.scene.control.Labeled.class);
        return l.lookup(".text") instanceof javafx.scene.text.Text t && l.getText().equals(t.getText());
    }

    /** A workspace whose SmolLM2 135M came from the loopback mirror, one of its files cut short since. */
    private Path damagedDownloadFromTheMirror() throws Exception {
        Path file = dir.resolve("mirror.switchyard");
        Path onnx;
        try (Workspace ws = Workspace.open(file); AppContext ctx = new AppContext(n -> null, Clock.systemUTC(),
                LocalEngine::inProcess)) {
            Model m = new LocalModelManager(ctx.localModels(), LocalModelManager.defaultModelsRoot(),
                    URI.create(hub.mirror())).download(ctx.directory(ws), "smollm2-135m-instruct", null, p -> { },
                    new DownloadControl());
            onnx = LocalModelSettings.of(m).path().resolve("onnx/model_q4.onnx");
        }
        assertThat(onnx).startsWith(dir);
        Files.write(onnx, Arrays.copyOf(Files.readAllBytes(onnx), 12_000)); // cut short
        hub.gets().clear();
        return file;
    }

    /** Opens the window on {@code file}, Get started → Local models, and selects the damaged model's row. */
    @SuppressWarnings("unchecked")
    private TableView<LocalModelRow> openOnTheDamagedModel(Path file) throws Exception {
        app = AppWindow.open(robot, file);
        AppWindow.waitUntil(15, () -> robot.lookup("#welcome-view").tryQuery().map(n -> n.getScene() != null).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("#welcome-local").match(n -> n.getScene() != null).queryAs(Node.class));
        TableView<LocalModelRow> table = robot.lookup("#local-models-table").queryAs(TableView.class);
        AppWindow.waitUntil(15, () -> table.getItems().stream().anyMatch(r -> r.statusText().equals("Files changed")));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("#local-models-table .table-cell").match(c -> "SmolLM2 135M Instruct".equals(
                ((javafx.scene.control.TableCell<?, ?>) c).getText())).queryAs(Node.class));
        AppWindow.waitUntil(10, () -> AppWindow.label(robot, "#local-fix").equals("Download again"));
        return table;
    }

    @Test
    void downloadAgainFetchesADamagedDownloadFromTheMirrorItCameFromAndSaysSo() throws Exception {
        Path file = damagedDownloadFromTheMirror();
        TableView<LocalModelRow> table = openOnTheDamagedModel(file);
        assertThat(AppWindow.label(robot, "#local-fix-how")).isEqualTo("Replaces the files that changed, from the mirror "
                + hub.mirror() + " it was downloaded from; the runs it has stay in History. Or remove it.");
        AppWindow.shot(System.getProperty("designer.shots"), "download-again-mirror");
        AppWindow.click(robot, "#local-fix");

        AppWindow.waitUntil(60, () -> AppWindow.label(robot, "#local-message").contains(" again"));
        assertThat(AppWindow.label(robot, "#local-message")).isEqualTo("Downloaded SmolLM2 135M Instruct again from the "
                + "mirror " + hub.mirror() + "; its files are complete and it is ready in Compare.");
        assertThat(hub.gets()).as("the file that changed, from the mirror").containsExactly("onnx/model_q4.onnx");
        assertThat(robot.lookup("#local-from-hub").query().isVisible()).as("nothing failed: no way back offered").isFalse();
        AppWindow.waitUntil(10, () -> table.getItems().stream().allMatch(r -> r.statusText().equals("Ready")
                || r.statusText().equals("Built in")));
        try (Workspace ws = Workspace.open(file)) {
            assertThat(ws.models().list()).filteredOn(m -> m.apiModelId().equals("smollm2-135m-instruct"))
                    .singleElement().satisfies(m -> assertThat(LocalModelSettings.of(m).mirror()).isEqualTo(hub.mirror()));
        }
    }

    /**
     * The mirror the model came from has gone away: Download again fails and says so, naming the mirror, and offers
     * Download from Hugging Face — the window had no way back to the catalog's hub (only `--mirror` in a terminal).
     */
    @Test
    void aMirrorThatIsGoneSaysSoAndOffersTheHubInstead() throws Exception {
        Path file = damagedDownloadFromTheMirror();
        String mirror = hub.mirror();
        hub.close(); // the mirror is gone
        hub = null;
        openOnTheDamagedModel(file);
        AppWindow.resize(1100, 720); // the pane's texts were squeezed and cut there ("Download again" read "...")
        assertThat(robot.lookup("#local-from-hub").query().isVisible()).as("nothing failed yet").isFalse();
        AppWindow.click(robot, "#local-fix");

        AppWindow.waitUntil(90, () -> AppWindow.label(robot, "#local-message").startsWith("Could not download"));
        assertThat(AppWindow.label(robot, "#local-message")).startsWith("Could not download SmolLM2 135M Instruct again "
                + "from the mirror " + mirror + ": ").endsWith(" If the mirror is gone or out of date, Download from "
                + "Hugging Face gets the files from the hub instead and stops using the mirror for SmolLM2 135M Instruct.");
        assertThat(AppWindow.onFx(() -> robot.lookup("#local-from-hub").query().isVisible())).isTrue();
        assertThat(AppWindow.label(robot, "#local-from-hub")).isEqualTo("Download from Hugging Face");
        AppWindow.shot(System.getProperty("designer.shots"), "download-mirror-gone");
        String[] parts = {"#local-message", "#local-from-hub", "#local-fix", "#local-fix-how", "#local-problem"};
        try { // the message's new text is laid out at the next pulse: until then its text node shows nothing
            AppWindow.waitUntil(10, () -> java.util.Arrays.stream(parts).allMatch(this::readsWhole));
        } catch (java.util.concurrent.TimeoutException cut) {
            // said below, with what is cut
        }
        for (String part : parts) {
            assertThat(AppWindow.cutTexts(robot, part)).as(part + " reads whole").isEmpty();
        }
    }
}
