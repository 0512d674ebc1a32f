package dev.switchyard.ui.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.AppContext;
import dev.switchyard.cloud.secrets.KeyringSecretStore;
import dev.switchyard.cloud.secrets.SecretException;
import dev.switchyard.testing.Seed;
import dev.switchyard.ui.AppWindow;
import dev.switchyard.ui.SwitchyardApp;
import dev.switchyard.ui.main.MainViewModel;
import dev.switchyard.ui.task.FxTaskRunner;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Get started in a real window (Xvfb) on a machine whose OS keyring cannot be reached: a provider whose key is kept
 * there is not ticked, and the sentence under the steps says why and what to do.
 */
class WelcomeScreenTest {

    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private AppContext app;
    private FxTaskRunner tasks;
    private MainViewModel main;
    private long gate;

    @BeforeEach
    void start() throws Exception {
        Path file = dir.resolve("keyring-down.switchyard");
        try (Workspace ws = Workspace.open(file)) {
            Provider p = ws.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "Gate",
                    "https://gw.example.com/v1", "keyring:switchyard/gate", null));
            Seed.model(ws, p, "gate-model");
            gate = p.id();
        }
        // as on a Linux session without D-Bus: every keyring call fails at once, with why
        app = new AppContext(Map.<String, String>of()::get, Clock.systemUTC(), dev.switchyard.local.LocalEngine::inWorker,
                () -> KeyringSecretStore.over(new KeyringSecretStore.Backend() {
                    @Override
                    public String get(String service, String account) {
                        throw new SecretException("No D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set), so the "
                                + "Secret Service keyring is not reachable.");
                    }

                    @Override
                    public void set(String service, String account, String secret) {
                        get(service, account);
                    }

                    @Override
                    public void delete(String service, String account) {
                        get(service, account);
                    }
                }, Duration.ofSeconds(5)));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            tasks = new FxTaskRunner();
            main = new MainViewModel(tasks);
            WelcomeScreen welcome = new WelcomeScreen(main, tasks, app);
            welcome.setNavigator(opened::add);
            Scene scene = new Scene((javafx.scene.Parent) welcome.view(), 1100, 720);
            scene.getStylesheets().add(SwitchyardApp.class.getResource(SwitchyardApp.BASE_CSS).toExternalForm());
            stage.setScene(scene);
            stage.show();
            main.open(file);
        });
    }

    @AfterEach
    void stop() throws Exception {
        AppWindow.onFx(() -> {
            main.close();
            return null;
        });
        AppWindow.resetStage();
        tasks.close();
        app.close();
    }

    @Test
    void aKeyTheKeyringCannotGiveLeavesTheCloudStepOpenWithWhatToDo() throws Exception {
        AppWindow.waitUntil(15, () -> AppWindow.label(robot, "#welcome-next").startsWith("No API key for Gate"));
        assertThat(AppWindow.label(robot, "#welcome-next")).isEqualTo("No API key for Gate: No D-Bus session bus "
                + "(DBUS_SESSION_BUS_ADDRESS is not set), so the Secret Service keyring is not reachable. Use Set its key "
                + "to enter the key again on Models, or to have Gate read it from an environment variable.");
        assertThat(AppWindow.label(robot, "#welcome-models-step")).as("no ✓: its model cannot run").isEqualTo("2");
        assertThat(AppWindow.label(robot, "#welcome-models")).isEqualTo("Set its key");
        assertThat(AppWindow.withinWindow(robot, "#welcome-next")).as("the whole sentence is on screen").isTrue();

        opened.clear(); // the welcome asked to be shown: the workspace has no runs
        AppWindow.click(robot, "#welcome-models");
        AppWindow.waitUntil(5, () -> !opened.isEmpty());
        assertThat(opened).containsExactly("models/cloud/" + gate);
    }
}
