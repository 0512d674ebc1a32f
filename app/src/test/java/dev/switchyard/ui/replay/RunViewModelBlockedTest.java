package dev.switchyard.ui.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.engine.Availability;
import dev.switchyard.app.models.ModelDirectory;
import dev.switchyard.app.replay.ReplayService;
import dev.switchyard.app.routing.NetworkState;
import dev.switchyard.local.LocalEngine;
import dev.switchyard.ui.task.DirectTaskRunner;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The estimate the user confirms names the models that cannot run now (here: a cloud provider whose key is in an
 * environment variable that is not set), why, their planned calls and the fix, in the words Compare's picker uses.
 */
class RunViewModelBlockedTest {

    @TempDir
    Path dir;
    private Workspace ws;
    private AppContext app;

    @BeforeEach
    void setUp() {
        app = new AppContext(Map.of("KEYED_GATEWAY_KEY", "sk-test-0123456789")::get, Clock.systemUTC(),
                LocalEngine::inProcess);
        ws = Workspace.open(dir.resolve("blocked.switchyard"));
    }

    @AfterEach
    void tearDown() {
        ws.close();
    }

    /**
     * The Replay screen's run, ready to prepare a live replay of a "length" policy (a prompt of 12 characters or fewer
     * to {@code small}, the others to {@code big}) over {@code prompts}, with the network as {@code network} says.
     */
    private RunViewModel liveReplay(Model small, Model big, NetworkState network, String... prompts) throws Exception {
        ReplayUiFixture.policyVersion(ws, "length");
        ReplayViewModel vm = new ReplayViewModel(new DirectTaskRunner(), new SimpleObjectProperty<>(ws), w ->
                new WorkspaceReplayBackend(w, ReplayService.of(app, w, network), (x, version, label) ->
                        ReplayUiFixture.lengthPolicy(version.id(), label, small, big, 12)));
        Path csv = dir.resolve("prompts.csv");
        Files.writeString(csv, "prompt\n" + String.join("\n", prompts) + "\n");
        vm.datasets().importFile(csv);
        RunViewModel run = vm.run();
        run.policyProperty().set(run.policies().get(0));
        run.sourcingProperty().set(dev.switchyard.app.replay.engine.Sourcing.LIVE);
        return run;
    }

    @Test
    void theEstimateWarnsOfACloudModelWhoseKeyCannotBeReadNow() throws Exception {
        ModelDirectory directory = app.directory(ws);
        Provider keyed = ws.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "keyed gateway",
                "http://127.0.0.1:9/v1", "env:KEYED_GATEWAY_KEY", null));
        Provider keyless = ws.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "keyless gateway",
                "http://127.0.0.1:9/v1", "env:SWITCHYARD_TEST_NO_SUCH_KEY", null));
        Model small = directory.addCloudModel(keyed, "small-model");
        Model big = directory.addCloudModel(keyless, "big-model");
        RunViewModel run = liveReplay(small, big, NetworkState.ONLINE, "lights on", "summarise the meeting notes",
                "plan a three day trip to Lisbon");

        run.prepare();

        Availability why = app.engines(ws).keyAvailability(keyless); // what Compare's picker shows for it
        assertThat(why.ready()).isFalse();
        assertThat(run.modeProperty().get()).isEqualTo(RunViewModel.Mode.CONFIRMING);
        assertThat(run.estimateProperty().get()).startsWith("6 cloud calls"); // defaults: both models on each item
        assertThat(run.warningProperty().get())
                .startsWith("1 model cannot run now; its calls will fail: ")
                .contains(big.displayName() + " (3 planned calls): " + why.reason())
                .contains(why.fix())
                .doesNotContain(small.displayName());
        assertThat(run.messageProperty().get()).contains("Confirm to start anyway");

        // started anyway: the replay keeps what the warning said, for its JSON export
        run.confirm();
        var stored = ws.replays().list();
        assertThat(stored).hasSize(1);
        assertThat(ReplayService.Blocked.stored(stored.get(0).summaryJson())).extracting(ReplayService.Blocked::model)
                .containsExactly(big.displayName());
        long until = System.nanoTime() + 60_000_000_000L;
        while (run.modeProperty().get() == RunViewModel.Mode.RUNNING && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(run.modeProperty().get()).isNotEqualTo(RunViewModel.Mode.RUNNING);
        String finished = ws.replays().get(stored.get(0).id()).orElseThrow().summaryJson();
        assertThat(ReplayService.Blocked.stored(finished)).extracting(ReplayService.Blocked::sentence)
                .containsExactly(run.warningProperty().get().substring(run.warningProperty().get().indexOf(": ") + 2));
    }

    /**
     * With the network known to be down (the window's monitor says Offline), a cloud model whose key is there cannot
     * run now either: named with the offline reason and fix; one without a key keeps its own reason (reconnecting
     * alone would not fix it); a local model is not affected.
     */
    @Test
    void offlineTheEstimateWarnsOfEveryCloudModelItWouldCall() throws Exception {
        ModelDirectory directory = app.directory(ws);
        Provider keyed = ws.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "keyed gateway",
                "https://gateway.example.com/v1", "env:KEYED_GATEWAY_KEY", null));
        Provider keyless = ws.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "keyless gateway",
                "https://gateway.example.com/v1", "env:SWITCHYARD_TEST_NO_SUCH_KEY", null));
        Model small = directory.addCloudModel(keyed, "small-model");
        Model big = directory.addCloudModel(keyless, "big-model");
        AtomicBoolean online = new AtomicBoolean(false);
        RunViewModel run = liveReplay(small, big, online::get, "lights on", "summarise the meeting notes");

        run.prepare();

        Availability noKey = app.engines(ws).keyAvailability(keyless);
        assertThat(run.modeProperty().get()).isEqualTo(RunViewModel.Mode.CONFIRMING);
        assertThat(run.warningProperty().get())
                .startsWith("2 models cannot run now; their calls will fail: ")
                .contains(small.displayName() + " (2 planned calls): " + Availability.OFFLINE.reason() + " "
                        + Availability.OFFLINE.fix())
                .contains(big.displayName() + " (2 planned calls): " + noKey.reason());
        assertThat(Availability.OFFLINE.reason()).startsWith("Offline: ");
        // a model that does not need the network (a local one, or one served on this machine) runs offline
        assertThat(Availability.onNetwork(false, Availability.READY, false)).isEqualTo(Availability.READY);
        assertThat(Availability.needsNetwork(small, ws)).isTrue();

        // back online while the estimate waits: the window's monitor says so and only the model without a key is named
        online.set(true);
        run.networkChanged();
        assertThat(run.modeProperty().get()).isEqualTo(RunViewModel.Mode.CONFIRMING);
        assertThat(run.warningProperty().get()).startsWith("1 model cannot run now; its calls will fail: ")
                .contains(big.displayName()).doesNotContain(small.displayName());
        assertThat(run.messageProperty().get()).contains("Confirm to start anyway");

        run.decline();
        online.set(false);
        run.networkChanged(); // nothing waits for confirmation: nothing to check
        assertThat(run.warningProperty().get()).doesNotContain(small.displayName());
        online.set(true);
        run.prepare();
        assertThat(run.warningProperty().get()).startsWith("1 model cannot run now; its calls will fail: ")
                .contains(big.displayName()).doesNotContain(small.displayName());
    }

    /** Gone offline while the estimate waits for confirmation: the cloud model it calls is named before any call. */
    @Test
    void goingOfflineWhileTheEstimateWaitsNamesTheCloudModelsItCalls() throws Exception {
        ModelDirectory directory = app.directory(ws);
        Provider keyed = ws.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "keyed gateway",
                "https://gateway.example.com/v1", "env:KEYED_GATEWAY_KEY", null));
        Model small = directory.addCloudModel(keyed, "small-model");
        Model big = directory.addCloudModel(keyed, "big-model");
        AtomicBoolean online = new AtomicBoolean(true);
        RunViewModel run = liveReplay(small, big, online::get, "lights on");

        run.prepare();
        assertThat(run.modeProperty().get()).isEqualTo(RunViewModel.Mode.CONFIRMING);
        assertThat(run.warningProperty().get()).isEmpty();
        assertThat(run.messageProperty().get()).isEqualTo("Confirm to start: live calls cost money.");

        online.set(false);
        run.networkChanged();
        assertThat(run.warningProperty().get()).startsWith("2 models cannot run now; their calls will fail: ")
                .contains(small.displayName() + " (1 planned call): " + Availability.OFFLINE.reason());
        assertThat(run.messageProperty().get()).contains("Confirm to start anyway");

        run.decline(); // (not confirmed: the gateway is not on this machine)
        assertThat(run.modeProperty().get()).isEqualTo(RunViewModel.Mode.IDLE);
    }
}
