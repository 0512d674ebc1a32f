package dev.switchyard.ui.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.MemoryKeyring;
import dev.switchyard.cloud.secrets.KeyringSecretStore;
import dev.switchyard.cloud.secrets.SecretException;
import dev.switchyard.testing.Seed;
import dev.switchyard.ui.task.DirectTaskRunner;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.RunStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WelcomeViewModelTest {

    @TempDir
    Path dir;
    /** The process environment the keys are read from. */
    private final Map<String, String> env = new HashMap<>();
    /** The OS keyring, in memory; {@link #keyringDown} makes every call fail as on a Linux session without D-Bus. */
    private final MemoryKeyring keyring = new MemoryKeyring();
    private volatile boolean keyringDown;
    private final AppContext app = new AppContext(env::get, Clock.systemUTC(), dev.switchyard.local.LocalEngine::inWorker,
            () -> KeyringSecretStore.over(new KeyringSecretStore.Backend() {
                @Override
                public String get(String service, String account) {
                    up();
                    return keyring.get(service, account);
                }

                @Override
                public void set(String service, String account, String secret) {
                    up();
                    keyring.set(service, account, secret);
                }

                @Override
                public void delete(String service, String account) {
                    up();
                    keyring.delete(service, account);
                }

                private void up() {
                    if (keyringDown) {
                        throw new SecretException("No D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set), so the "
                                + "Secret Service keyring is not reachable.");
                    }
                }
            }, Duration.ofSeconds(5)));

    @AfterEach
    void closeApp() {
        app.close();
    }

    /** The welcome as the app builds it: a provider's key counts as Compare's picker decides it. */
    private WelcomeViewModel welcome() {
        return new WelcomeViewModel(new DirectTaskRunner(), (ws, p) -> app.engines(ws).keyAvailability(p));
    }

    @Test
    void anEmptyWorkspaceAsksForTheWelcomeAndSuggestsTheIntentModel() {
        WelcomeViewModel vm = welcome();
        AtomicInteger shown = new AtomicInteger();
        vm.setOnEmptyWorkspace(shown::incrementAndGet);
        try (Workspace ws = Workspace.open(dir.resolve("e.switchyard"))) {
            vm.setWorkspace(ws);
            assertThat(shown).hasValue(1);
            assertThat(vm.emptyProperty().get()).isTrue();
            assertThat(vm.hasRunsProperty().get()).as("the first step is not done before a run").isFalse();
            assertThat(vm.hasCloudModelProperty().get()).isFalse();
            assertThat(vm.nextStepProperty().get()).contains("embedded intent model");

            Model m = Seed.model(ws, Seed.provider(ws, "Gate"), "m");
            vm.refresh();
            assertThat(vm.hasCloudModelProperty().get()).isTrue();
            assertThat(vm.nextStepProperty().get()).contains("open Compare");
        }
    }

    @Test
    void aWorkspaceWithRunsDoesNotAskForTheWelcome() {
        WelcomeViewModel vm = welcome();
        AtomicInteger shown = new AtomicInteger();
        vm.setOnEmptyWorkspace(shown::incrementAndGet);
        try (Workspace ws = Workspace.open(dir.resolve("r.switchyard"))) {
            Model m = Seed.model(ws, Seed.provider(ws, "Gate"), "m");
            Seed.run(ws, m, "p", "a", RunStatus.COMPLETED, Instant.now(), 10);
            vm.setWorkspace(ws);
            assertThat(shown).hasValue(0);
            assertThat(vm.emptyProperty().get()).isFalse();
            assertThat(vm.hasRunsProperty().get()).isTrue();
        }
    }

    /**
     * The cloud step is done once a cloud model can be picked in Compare; a provider alone (the CLI's `providers add` or
     * `set-key`) is on the way there, and the button says what is left and opens that provider.
     */
    @Test
    void theCloudStepSaysWhatIsLeftUntilACloudModelCanBePicked() {
        WelcomeViewModel vm = welcome();
        try (Workspace ws = Workspace.open(dir.resolve("c.switchyard"))) {
            vm.setWorkspace(ws);
            assertThat(vm.cloudStepProperty().get()).isEqualTo(WelcomeViewModel.CloudStep.NO_PROVIDER);
            assertThat(vm.cloudStepProperty().get().action()).isEqualTo("Add a provider");
            assertThat(vm.cloudSection()).isEqualTo("cloud");

            keyring.set(KeyringSecretStore.SERVICE, "switchyard/gate", "sk-gate");
            var gate = ws.providers().insert(dev.switchyard.workspace.model.Provider.of(
                    dev.switchyard.workspace.model.ProviderKind.OPENAI_COMPATIBLE, "Gate", "https://gw.example.com/v1",
                    "keyring:switchyard/gate", null));
            vm.refresh();
            assertThat(vm.hasCloudModelProperty().get()).as("a provider alone is no model to compare").isFalse();
            assertThat(vm.cloudStepProperty().get()).isEqualTo(WelcomeViewModel.CloudStep.NEEDS_MODEL);
            assertThat(vm.cloudStepProperty().get().action()).isEqualTo("Add a model");
            assertThat(vm.cloudSection()).isEqualTo("cloud/" + gate.id());
            assertThat(vm.nextStepProperty().get()).startsWith("Gate is set up; add one of its models");

            ws.providers().update(gate.withAuthRef(dev.switchyard.app.models.ProviderKeys.REMOVED)); // `remove-key`
            Seed.model(ws, gate, "m");
            vm.refresh();
            assertThat(vm.hasCloudModelProperty().get()).as("its model cannot run without a key").isFalse();
            assertThat(vm.cloudStepProperty().get().action()).isEqualTo("Set its key");
            assertThat(vm.cloudSection()).isEqualTo("cloud/" + gate.id());
            assertThat(vm.nextStepProperty().get()).isEqualTo("Gate has no key now: set its key.");

            ws.providers().update(gate.withAuthRef("keyring:switchyard/gate")); // `set-key`
            vm.refresh();
            assertThat(vm.hasCloudModelProperty().get()).isTrue();
            assertThat(vm.cloudStepProperty().get()).isEqualTo(WelcomeViewModel.CloudStep.DONE);
            assertThat(vm.cloudSection()).isEqualTo("cloud");
            assertThat(vm.nextStepProperty().get()).contains("open Compare");
        }
    }

    /** A key read from an environment variable counts only when this process has the variable, as in Compare's picker. */
    @Test
    void aKeyFromAnUnsetEnvironmentVariableIsNotAKey() {
        WelcomeViewModel vm = welcome();
        try (Workspace ws = Workspace.open(dir.resolve("v.switchyard"))) {
            var gate = ws.providers().insert(dev.switchyard.workspace.model.Provider.of(
                    dev.switchyard.workspace.model.ProviderKind.OPENAI_COMPATIBLE, "Gate", "https://gw.example.com/v1",
                    "env:GATE_KEY", null));
            Seed.model(ws, gate, "m");
            vm.setWorkspace(ws);
            assertThat(vm.hasCloudModelProperty().get()).as("GATE_KEY is not set").isFalse();
            assertThat(vm.cloudStepProperty().get()).isEqualTo(WelcomeViewModel.CloudStep.NEEDS_KEY);
            assertThat(vm.nextStepProperty().get()).startsWith("Gate reads its key from GATE_KEY, which is not set");

            env.put("GATE_KEY", "sk-test");
            vm.refresh();
            assertThat(vm.hasCloudModelProperty().get()).isTrue();
            assertThat(vm.cloudStepProperty().get()).isEqualTo(WelcomeViewModel.CloudStep.DONE);
        }
    }

    /**
     * A key kept in the OS keyring counts only when the keyring gives it, as in Compare's picker: the step ticked while
     * every model of the provider said it could not run (no D-Bus session, or no such entry). The sentence says what
     * happened and what to do, and the button opens the provider on Models.
     */
    @Test
    void aKeyTheKeyringCannotGiveIsNotAKey() {
        WelcomeViewModel vm = welcome();
        try (Workspace ws = Workspace.open(dir.resolve("k.switchyard"))) {
            var gate = ws.providers().insert(dev.switchyard.workspace.model.Provider.of(
                    dev.switchyard.workspace.model.ProviderKind.OPENAI_COMPATIBLE, "Gate", "https://gw.example.com/v1",
                    "keyring:switchyard/gate", null));
            Model m = Seed.model(ws, gate, "m");
            keyringDown = true;
            vm.setWorkspace(ws);
            assertThat(app.engines(ws).forModel(m).availability().ready()).as("the picker's model cannot run").isFalse();
            assertThat(vm.hasCloudModelProperty().get()).as("nor is the step done").isFalse();
            assertThat(vm.cloudStepProperty().get()).isEqualTo(WelcomeViewModel.CloudStep.NEEDS_KEY);
            assertThat(vm.cloudStepProperty().get().action()).isEqualTo("Set its key");
            assertThat(vm.cloudSection()).isEqualTo("cloud/" + gate.id());
            assertThat(vm.nextStepProperty().get()).isEqualTo("No API key for Gate: No D-Bus session bus "
                    + "(DBUS_SESSION_BUS_ADDRESS is not set), so the Secret Service keyring is not reachable. Use Set its "
                    + "key to enter the key again on Models, or to have Gate read it from an environment variable.");

            keyringDown = false; // the keyring answers, but has no such entry
            vm.refresh();
            assertThat(vm.cloudStepProperty().get()).isEqualTo(WelcomeViewModel.CloudStep.NEEDS_KEY);
            assertThat(vm.nextStepProperty().get()).startsWith(
                    "No API key for Gate: No key named 'switchyard/gate' is stored in the OS keyring. Use Set its key");

            keyring.set(KeyringSecretStore.SERVICE, "switchyard/gate", "sk-gate");
            vm.refresh();
            assertThat(vm.cloudStepProperty().get()).isEqualTo(WelcomeViewModel.CloudStep.DONE);
            assertThat(vm.hasCloudModelProperty().get()).isTrue();
        }
    }

    /** Beside a local model (something to compare already) the sentence still says why the cloud step is not done. */
    @Test
    void aKeyTheKeyringCannotGiveIsSaidBesideALocalModel() {
        WelcomeViewModel vm = welcome();
        try (Workspace ws = Workspace.open(dir.resolve("l.switchyard"))) {
            var gate = ws.providers().insert(dev.switchyard.workspace.model.Provider.of(
                    dev.switchyard.workspace.model.ProviderKind.OPENAI_COMPATIBLE, "Gate", "https://gw.example.com/v1",
                    "keyring:switchyard/gate", null));
            Seed.model(ws, gate, "m");
            var device = ws.providers().insert(dev.switchyard.workspace.model.Provider.of(
                    dev.switchyard.workspace.model.ProviderKind.LOCAL, "This device", null, null, null));
            ws.models().insert(Model.of(device.id(), "tiny", "Tiny", dev.switchyard.workspace.model.ModelKind.LOCAL_GENERATIVE,
                    256, null, "{}"));
            keyringDown = true;
            vm.setWorkspace(ws);
            assertThat(vm.hasLocalModelProperty().get()).isTrue();
            assertThat(vm.cloudStepProperty().get()).isEqualTo(WelcomeViewModel.CloudStep.NEEDS_KEY);
            assertThat(vm.nextStepProperty().get()).isEqualTo("You have models to compare: open Compare, pick two or "
                    + "more and run. No API key for Gate: No D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set), so "
                    + "the Secret Service keyring is not reachable. Use Set its key to enter the key again on Models, or to "
                    + "have Gate read it from an environment variable.");
        }
    }

    /**
     * A copy of the tiny model imported (its files recorded), then cut short: as in Compare's picker, it no longer
     * counts as a local model to compare, and the sentence says why and where it is fixed.
     */
    @Test
    void aLocalModelWhoseFileWasCutShortDoesNotCountAndIsSaid() throws Exception {
        Path tiny = Path.of("../engine-local/src/test/resources/models/tiny-random-llama").toAbsolutePath().normalize();
        Path folder = dir.resolve("tiny-copy");
        try (var files = java.nio.file.Files.walk(tiny)) {
            for (Path f : files.toList()) {
                java.nio.file.Files.copy(f, folder.resolve(tiny.relativize(f).toString()));
            }
        }
        WelcomeViewModel vm = new WelcomeViewModel(new DirectTaskRunner(), (ws, p) -> app.engines(ws).keyAvailability(p),
                (ws, m) -> app.engines(ws).forModel(m).availability());
        try (Workspace ws = Workspace.open(dir.resolve("t.switchyard"));
             AppContext inProcess = new AppContext(n -> null, Clock.systemUTC(), dev.switchyard.local.LocalEngine::inProcess)) {
            new dev.switchyard.app.models.LocalModelManager(inProcess.localModels(), dir.resolve("models"), null)
                    .importFolder(inProcess.directory(ws), folder, null, null, null);
            vm.setWorkspace(ws);
            assertThat(vm.hasLocalModelProperty().get()).isTrue();
            assertThat(vm.nextStepProperty().get()).isEqualTo("You have models to compare: open Compare, pick two or more "
                    + "and run.");

            Path onnx = folder.resolve("onnx/model.onnx");
            java.nio.file.Files.write(onnx, java.util.Arrays.copyOf(java.nio.file.Files.readAllBytes(onnx), 12_000));
            vm.refresh();
            assertThat(vm.hasLocalModelProperty().get()).isFalse();
            assertThat(vm.nextStepProperty().get()).endsWith(" tiny-random (nonsense output, for tests) cannot run: Files "
                    + "changed since import: onnx/model.onnx is 12 KB, expected 516 KB. Local models says what fixes it.");
        }
    }

    /** The keyring may take seconds to answer (or to time out): it is asked in the background work, never on the UI thread. */
    @Test
    void theKeyringIsAskedInTheBackground() {
        java.util.List<Thread> askedOn = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        dev.switchyard.ui.task.TaskRunner background = new dev.switchyard.ui.task.TaskRunner() {
            @Override
            public <T> void run(String title, java.util.concurrent.Callable<T> work, java.util.function.Consumer<? super T> onSuccess,
                                java.util.function.Consumer<? super Exception> onFailure) {
                T value;
                try {
                    value = pool.submit(work).get();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(value); // "the UI thread": this one
            }

            @Override
            public void onUiThread(Runnable action) {
                action.run();
            }

            @Override
            public void close() {
                pool.shutdown();
            }
        };
        WelcomeViewModel vm = new WelcomeViewModel(background, (ws, p) -> {
            askedOn.add(Thread.currentThread());
            return app.engines(ws).keyAvailability(p);
        });
        try (Workspace ws = Workspace.open(dir.resolve("t.switchyard"))) {
            Seed.model(ws, Seed.provider(ws, "Gate"), "m");
            vm.setWorkspace(ws);
            vm.refresh();
            assertThat(vm.hasCloudModelProperty().get()).isTrue();
            assertThat(askedOn).hasSize(2).doesNotContain(Thread.currentThread());
        } finally {
            background.close();
        }
    }
}
