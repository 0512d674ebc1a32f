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
}
