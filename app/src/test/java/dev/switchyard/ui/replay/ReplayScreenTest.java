package dev.switchyard.ui.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.models.LocalModelSettings;
import dev.switchyard.app.models.ModelDirectory;
import dev.switchyard.app.replay.ReplayService;
import dev.switchyard.local.LocalEngine;
import dev.switchyard.ui.AppWindow;
import dev.switchyard.ui.SwitchyardApp;
import dev.switchyard.ui.task.FxTaskRunner;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The replay screen in a real window (Xvfb): import a CSV, replay a length-threshold policy live against a local
 * OpenAI-format server and the tiny local model, confirm the estimate, move the slider, export the HTML report.
 */
class ReplayScreenTest {

    private static final String KEY = "sk-test-replay-ui-0123456789";
    private static final Path TINY = Path.of("../engine-local/src/test/resources/models/tiny-random-llama");

    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private final MockWebServer server = new MockWebServer();
    private AppContext app;
    private Workspace ws;
    private FxTaskRunner tasks;
    private Path export;
    private String cloudName;

    @BeforeEach
    void start() throws Exception {
        server.start();
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                    .body(openAiStream("gpt-4o-mini",
                            List.of("The answer", " is ok."), 40, 6)).build());
        }
        app = new AppContext(Map.of("TEST_GATEWAY_KEY", KEY)::get, Clock.systemUTC(), LocalEngine::inProcess);
        ws = Workspace.open(dir.resolve("screen.switchyard"));
        ModelDirectory directory = app.directory(ws);
        Model tiny = directory.registerLocal("tiny-random-llama", "tiny", null, ModelKind.LOCAL_GENERATIVE,
                new LocalModelSettings(TINY.toAbsolutePath().normalize(), null, null));
        Provider gateway = ws.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "mock gateway",
                server.url("/v1").toString(), "env:TEST_GATEWAY_KEY", null));
        Model cloud = directory.addCloudModel(gateway, "gpt-4o-mini");
        cloudName = cloud.displayName();
        directory.recordPrice(cloud, new BigDecimal("0.15"), new BigDecimal("0.075"), new BigDecimal("0.60"), "test");
        ReplayUiFixture.policyVersion(ws, "on-device-first");
        export = dir.resolve("report.html");
        FileDialogs dialogs = new FileDialogs() {
            @Override
            public Path openDataset(Window owner) {
                return dir.resolve("Everyday prompts of the support team, November.csv");
            }

            @Override
            public Path saveExport(Window owner, ReplayBackend.ExportFormat format, String suggestedName) {
                return format == ReplayBackend.ExportFormat.HTML ? export : dir.resolve(suggestedName + "."
                        + format.extension());
            }
        };
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            tasks = new FxTaskRunner();
            ReplayViewModel vm = new ReplayViewModel(tasks, new SimpleObjectProperty<>(ws), w ->
                    new WorkspaceReplayBackend(w, ReplayService.of(app, w), (x, version, label) ->
                            ReplayUiFixture.lengthPolicy(version.id(), label, tiny, cloud, 12)));
            Scene scene = new Scene((javafx.scene.Parent) new ReplayScreen(vm, dialogs).view(), 1380, 860);
            scene.getStylesheets().add(SwitchyardApp.class.getResource(SwitchyardApp.BASE_CSS).toExternalForm());
            stage.setScene(scene);
            stage.setTitle("Replay — Switchyard");
            stage.show();
        });
    }

    /** An OpenAI-format chat completion stream (as RunCommandTest.openAiStream). */
    static String openAiStream(String model, List<String> pieces, int promptTokens, int completionTokens) {
        StringBuilder sb = new StringBuilder();
        for (String p : pieces) {
            sb.append("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"").append(model)
                    .append("\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"").append(p)
                    .append("\"},\"finish_reason\":null}]}\n\n");
        }
        sb.append("data: {\"id\":\"c1\",\"model\":\"").append(model)
                .append("\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        sb.append("data: {\"id\":\"c1\",\"model\":\"").append(model).append("\",\"choices\":[],\"usage\":{")
                .append("\"prompt_tokens\":").append(promptTokens).append(",\"completion_tokens\":")
                .append(completionTokens).append(",\"total_tokens\":").append(promptTokens + completionTokens)
                .append("}}\n\ndata: [DONE]\n\n");
        return sb.toString();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        if (tasks != null) {
            tasks.close();
        }
        ws.close();
        app.close();
        server.close();
    }

    private void waitFor(long seconds, BooleanSupplier condition) throws Exception {
        try {
            AppWindow.waitUntil(seconds, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            shot("timeout");
            throw new AssertionError("timed out; on screen: run \"" + text("#replay-run-message") + "\", progress \""
                    + text("#replay-progress-text") + "\", datasets \"" + text("#replay-dataset-message") + "\"", e);
        }
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void shot(String name) throws Exception {
        AppWindow.shot(System.getenv("REPLAY_UI_SHOTS"), name);
    }

    @Test
    void importReplayConfirmSweepAndExport() throws Exception {
        Files.writeString(dir.resolve("Everyday prompts of the support team, November.csv"), "prompt,reference,grader\n"
                + "lights on,ok,contains\n"
                + "summarise the meeting notes please,ok,contains\n"
                + "plan a three day trip to Lisbon please,ok,contains\n"
                + ",a row without a prompt,contains\n");

        AppWindow.click(robot, "#replay-import");
        waitFor(20, () -> text("#replay-dataset-message").startsWith("Imported 3 items"));
        assertThat(text("#replay-dataset-message")).contains("1 row left out");
        ListView<?> problems = robot.lookup("#replay-import-problems").queryAs(ListView.class);
        assertThat(problems.getItems()).hasSize(1);
        assertThat(problems.getItems().get(0).toString()).startsWith("line 5");
        waitFor(10, () -> robot.lookup("#replay-dataset-items").queryAs(TableView.class).getItems().size() == 3);

        AppWindow.click(robot, "#replay-start");
        waitFor(30, () -> robot.lookup("#replay-confirm-box").query().isVisible());
        assertThat(text("#replay-estimate")).contains("3 cloud calls").contains("estimated $").contains(" for answers of ")
                .contains("3 local calls");
        assertThat(server.getRequestCount()).isZero();
        shot("1-confirm");
        AppWindow.resize(1100, 720);
        assertThat(AppWindow.cutTexts(robot, "#replay-confirm-box")).isEmpty();
        assertThat(AppWindow.withinWindow(robot, "#replay-decline")).isTrue();
        // a long dataset name is cut in the start bar, not pushing the screen past the window's right edge
        assertThat(AppWindow.withinWindow(robot, "#replay-start")).isTrue();

        AppWindow.click(robot, "#replay-confirm");
        waitFor(90, () -> text("#replay-run-message").contains("completed")
                && robot.lookup("#replay-figure-pass-rate").tryQuery().isPresent());
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(text("#replay-figure-pass-rate")).isNotBlank();
        assertThat(text("#replay-figure-route-share")).contains("33.3% tiny").contains("66.7% " + cloudName);
        assertThat(text("#replay-figure-cost-per-1k")).startsWith("$");
        assertThat(robot.lookup(".replay-point-policy").queryAll()).hasSize(1);
        assertThat(robot.lookup(".replay-point-baseline").queryAll()).hasSizeGreaterThanOrEqualTo(3);
        List<String> labels = robot.lookup(".replay-point-label").queryAll().stream().map(n -> ((Label) n).getText())
                .toList();
        assertThat(labels).anyMatch(t -> t.startsWith("policy")).contains("oracle", "all-local (tiny)");
        TableView<?> items = robot.lookup("#replay-items").queryAs(TableView.class);
        assertThat(items.getItems()).hasSize(3);
        assertThat(((ItemRow) items.getItems().get(1)).route()).isEqualTo(cloudName);
        assertThat(((ItemRow) items.getItems().get(1)).source()).isEqualTo("live");
        shot("2-results");
        AppWindow.resize(1100, 720);
        // in a 1100x720 window the results fit the tab: the summary cards wrap, nothing runs past the right edge
        assertThat(AppWindow.withinWindow(robot, "#replay-figures")).isTrue();
        assertThat(AppWindow.withinWindow(robot, "#replay-export-html")).isTrue();
        // (the cards here are short; with long ones, e.g. an unpriced model's savings sentence, the figures' minimum
        // width was their widest unwrapped text and held the results wider than the window)
        assertThat(AppWindow.onFx(() -> robot.lookup("#replay-figures").queryAs(Region.class).minWidth(-1)))
                .isLessThan(200);
        // and the items table keeps a few rows in view (it was squeezed to one): the tab scrolls instead
        assertThat(AppWindow.onFx(items::getHeight)).isGreaterThanOrEqualTo(150);

        Slider slider = robot.lookup("#replay-threshold").queryAs(Slider.class);
        robot.interact(() -> slider.setValue(36));
        waitFor(10, () -> text("#replay-sweep-text").contains("1 prompt change route"));
        ListView<?> changes = robot.lookup("#replay-sweep-changes").queryAs(ListView.class);
        assertThat(changes.getItems()).hasSize(1);
        assertThat(changes.getItems().get(0).toString()).contains("summarise the meeting notes please");
        assertThat(server.getRequestCount()).isEqualTo(3);
        Node sliderPoint = robot.lookup(".replay-point-slider").query();
        assertThat(sliderPoint).isNotNull();
        shot("3-sweep");

        AppWindow.click(robot, "#replay-export-html");
        waitFor(10, () -> text("#replay-results-message").contains("Exported HTML"));
        String html = Files.readString(export);
        assertThat(html).contains("<svg").contains("on-device-first v1").contains("all-cloud (" + cloudName + ")")
                .contains("plan a three day trip to Lisbon please").doesNotContain(KEY);
    }
}
