package dev.switchyard.ui.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.testing.Seed;
import dev.switchyard.ui.task.DirectTaskRunner;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.RunStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WelcomeViewModelTest {

    @TempDir
    Path dir;

    @Test
    void anEmptyWorkspaceAsksForTheWelcomeAndSuggestsTheIntentModel() {
        WelcomeViewModel vm = new WelcomeViewModel(new DirectTaskRunner());
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
        WelcomeViewModel vm = new WelcomeViewModel(new DirectTaskRunner());
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
        WelcomeViewModel vm = new WelcomeViewModel(new DirectTaskRunner());
        try (Workspace ws = Workspace.open(dir.resolve("c.switchyard"))) {
            vm.setWorkspace(ws);
            assertThat(vm.cloudStepProperty().get()).isEqualTo(WelcomeViewModel.CloudStep.NO_PROVIDER);
            assertThat(vm.cloudStepProperty().get().action()).isEqualTo("Add a provider");
            assertThat(vm.cloudSection()).isEqualTo("cloud");

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
            assertThat(vm.nextStepProperty().get()).startsWith("Gate has no key now");

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
        java.util.Map<String, String> env = new java.util.HashMap<>();
        WelcomeViewModel vm = new WelcomeViewModel(new DirectTaskRunner(), env::get);
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
}
