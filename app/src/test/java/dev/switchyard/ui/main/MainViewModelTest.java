package dev.switchyard.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.ui.task.DirectTaskRunner;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainViewModelTest {

    @TempDir
    Path dir;

    private final MainViewModel model = new MainViewModel(new DirectTaskRunner());

    @AfterEach
    void close() {
        model.close();
    }

    @Test
    void openingAWorkspaceShowsItsNameAndCounts() {
        model.open(dir.resolve("demo.switchyard"));

        assertThat(model.modeProperty().get()).isEqualTo(MainViewModel.Mode.READY);
        assertThat(model.workspaceNameProperty().get()).isEqualTo("demo");
        assertThat(model.counts()).extracting(MainViewModel.CountRow::label).contains("runs", "models", "prompts", "intent sets");
        assertThat(model.counts()).allMatch(r -> r.count() == 0);

        // rows added meanwhile (a run on another screen) are in the counts once the overview asks again
        model.workspace().prompts().create("Greeting");
        model.recount();
        assertThat(model.counts()).filteredOn(r -> r.key().equals("prompts")).singleElement()
                .satisfies(r -> assertThat(r.count()).isEqualTo(1)).satisfies(r -> assertThat(r.label()).isEqualTo("prompt"));
    }

    @Test
    void providersCountTheCloudOnesAndNameThisDeviceBesideThem() {
        model.open(dir.resolve("providers.switchyard"));
        var ws = model.workspace();
        ws.providers().insert(Provider.of(ProviderKind.LOCAL, "This device", null, null, "local"));
        model.recount();
        assertThat(providers()).isEqualTo("0 cloud providers · this device");

        ws.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "OpenAI", "https://api.openai.com/v1", "env:K", "openai"));
        model.recount();
        assertThat(providers()).isEqualTo("1 cloud provider · this device");

        ws.providers().insert(Provider.of(ProviderKind.ANTHROPIC, "Anthropic", "https://api.anthropic.com/v1", "env:A", "anthropic"));
        model.refresh(); // F5 counts the same way
        assertThat(providers()).isEqualTo("2 cloud providers · this device");

        var anthropic = ws.providers().list().stream().filter(p -> p.name().equals("Anthropic")).findFirst().orElseThrow();
        var kept = ws.models().insert(dev.switchyard.workspace.model.Model.of(anthropic.id(), "claude-x", "Claude X",
                dev.switchyard.workspace.model.ModelKind.CLOUD, null, dev.switchyard.workspace.model.Capabilities.CHAT, "{}"));
        ws.prices().insert(dev.switchyard.workspace.model.PriceRow.of(kept.id(), java.math.BigDecimal.ONE, null,
                java.math.BigDecimal.ONE, "test", java.time.LocalDate.of(2026, 1, 1)));
        dev.switchyard.app.models.RemovedProviders.remove(ws, anthropic, java.time.Instant.now());
        model.recount();
        assertThat(providers()).as("a removed provider kept for History is not counted").isEqualTo("1 cloud provider · this device");
        assertThat(model.counts()).filteredOn(r -> r.key().equals("policies")).singleElement()
                .satisfies(r -> assertThat(r.label()).isEqualTo("policies"));
    }

    @Test
    void withoutTheDeviceRowProvidersAreTheCloudOnesAlone() {
        model.open(dir.resolve("cloud-only.switchyard"));
        model.workspace().providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "Gate", "http://127.0.0.1:9/v1", null, null));
        model.recount();
        assertThat(providers()).isEqualTo("1 cloud provider");
    }

    /** The providers card as it reads: its number and label. */
    private String providers() {
        return model.counts().stream().filter(r -> r.key().equals("providers"))
                .map(r -> r.count() + " " + r.label()).findFirst().orElseThrow();
    }

    @Test
    void runsAProcessLeftStreamingAreReportedWhenTheWorkspaceOpens() throws Exception {
        Path file = dir.resolve("crashed.switchyard");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), LeaveRunStreaming.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        child.getInputStream().readAllBytes();
        assertThat(child.waitFor()).isZero();

        model.open(file);

        assertThat(model.messageProperty().get()).isEqualTo("Workspace crashed is open. 1 run was still streaming when"
                + " Switchyard last stopped; it is kept as incomplete with the text received (History).");
        java.util.List<dev.switchyard.workspace.model.Run> runs = new java.util.ArrayList<>();
        model.workspaceProperty().get().runs().forEach(runs::add);
        assertThat(runs).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(dev.switchyard.workspace.model.RunStatus.INCOMPLETE);
            assertThat(r.outputText()).isEqualTo("WAL appends");
            assertThat(r.error().kind()).isEqualTo("interrupted");
        });
    }

    @Test
    void aBrokenFileLeavesTheModelFailedWithAnActionableMessage() throws Exception {
        Path bogus = Files.write(dir.resolve("broken.switchyard"), new byte[4096]);
        Files.writeString(bogus, "garbage that is not sqlite at all".repeat(100));

        model.open(bogus);

        assertThat(model.modeProperty().get()).isEqualTo(MainViewModel.Mode.FAILED);
        assertThat(model.messageProperty().get()).contains("broken.switchyard");
    }

    @Test
    void aFailedOpenKeepsThePreviousWorkspace() throws Exception {
        model.open(dir.resolve("good.switchyard"));
        Path bogus = Files.writeString(dir.resolve("bad.switchyard"), "x".repeat(5000));

        model.open(bogus);

        assertThat(model.modeProperty().get()).isEqualTo(MainViewModel.Mode.READY);
        assertThat(model.workspaceNameProperty().get()).isEqualTo("good");
        assertThat(model.workspace()).isNotNull();
    }

    @Test
    void aNewWorkspaceTypedWithoutExtensionGetsOne() {
        assertThat(MainViewModel.withWorkspaceExtension(Path.of("/tmp/x/team"))).isEqualTo(Path.of("/tmp/x/team.switchyard"));
        assertThat(MainViewModel.withWorkspaceExtension(Path.of("/tmp/x/team.switchyard"))).isEqualTo(Path.of("/tmp/x/team.switchyard"));
        assertThat(MainViewModel.withWorkspaceExtension(Path.of("/tmp/x/team.db"))).isEqualTo(Path.of("/tmp/x/team.db"));
    }
}
