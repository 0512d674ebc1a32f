package dev.switchyard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchyard.app.models.CloudModelSettings;
import dev.switchyard.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code models set-timeouts} and the time limits {@code models list} shows, in text and JSON. */
class SetTimeoutsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private String ws;

    @BeforeEach
    void setUp() throws Exception {
        ws = dir.resolve("t.switchyard").toString();
        ok("providers", "add", "-w", ws, "--preset", "custom", "--name", "Gate", "--base-url", "http://127.0.0.1:9/v1",
                "--no-key");
        ok("models", "add", "-w", ws, "--provider", "Gate", "--model", "llama3.1:70b");
        ok("models", "add", "-w", ws, "--provider", "Gate", "--model", "o1-mini"); // a reasoning model in the catalog
    }

    private static CliRunner.Result cli(String... args) {
        return CliRunner.run(args);
    }

    private static JsonNode ok(String... args) throws Exception {
        CliRunner.Result r = cli(args);
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err() + r.out()).isZero();
        return List.of(args).contains("--json") ? JSON.readTree(r.out()) : JSON.createObjectNode();
    }

    private JsonNode listed(String apiId) throws Exception {
        for (JsonNode m : ok("models", "list", "-w", ws, "--json").path("models")) {
            if (m.path("apiModelId").asText().equals(apiId)) {
                return m;
            }
        }
        throw new AssertionError(apiId + " not listed");
    }

    @Test
    void listShowsEachCloudModelsLimitsAndWhetherTheyAreItsDefaults() throws Exception {
        JsonNode llama = listed("llama3.1:70b").path("timeouts");
        assertThat(llama.path("connectMs").asLong()).isEqualTo(10_000);
        assertThat(llama.path("firstTokenMs").asLong()).isEqualTo(60_000);
        assertThat(llama.path("idleMs").asLong()).isEqualTo(30_000);
        assertThat(llama.path("totalMs").asLong()).isEqualTo(600_000);
        assertThat(llama.path("defaults").asBoolean()).isTrue();
        assertThat(listed("o1-mini").path("timeouts").path("firstTokenMs").asLong()).as("a reasoning model's default")
                .isEqualTo(300_000);

        String text = cli("models", "list", "-w", ws).out();
        assertThat(text).contains("    time limits: connect 10 s · first token 60 s · idle gap 30 s · total 10 min (defaults)")
                .contains("    time limits: connect 10 s · first token 5 min · idle gap 60 s · total 15 min (defaults)");
    }

    @Test
    void setsSomeLimitsKeepsTheOthersAndGoesBackToTheDefaults() throws Exception {
        CliRunner.Result r = cli("models", "set-timeouts", "-w", ws, "Gate/llama3.1:70b", "--first-token", "3min",
                "--total", "20 min");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("Time limits of Gate/llama3.1:70b: connect 10 s · first token 3 min · idle gap"
                + " 30 s · total 20 min. Runs from now on use them.");
        JsonNode t = listed("llama3.1:70b").path("timeouts");
        assertThat(t.path("firstTokenMs").asLong()).isEqualTo(180_000);
        assertThat(t.path("totalMs").asLong()).isEqualTo(1_200_000);
        assertThat(t.path("idleMs").asLong()).as("kept").isEqualTo(30_000);
        assertThat(t.path("defaults").asBoolean()).isFalse();
        assertThat(cli("models", "list", "-w", ws).out())
                .contains("    time limits: connect 10 s · first token 3 min · idle gap 30 s · total 20 min\n");
        try (Workspace w = Workspace.open(Path.of(ws))) { // the row keeps its other settings
            var m = w.models().list().stream().filter(x -> x.apiModelId().equals("llama3.1:70b")).findFirst().orElseThrow();
            assertThat(CloudModelSettings.capabilities(m).tokenizerEncoding()).isNotBlank();
            assertThat(m.settingsJson()).contains("\"firstTokenMs\":180000").contains("\"tokenizer\"");
        }

        JsonNode back = ok("models", "set-timeouts", "-w", ws, "llama3.1:70b", "--defaults", "--json");
        assertThat(back.path("message").asText()).isEqualTo("Time limits of Gate/llama3.1:70b: connect 10 s · first token"
                + " 60 s · idle gap 30 s · total 10 min (the defaults). Runs from now on use them.");
        assertThat(back.path("model").path("timeouts").path("defaults").asBoolean()).isTrue();

        JsonNode reasoning = ok("models", "set-timeouts", "-w", ws, "o1-mini", "--defaults", "--idle", "2m", "--json");
        assertThat(reasoning.path("model").path("timeouts").path("firstTokenMs").asLong()).as("its own defaults")
                .isEqualTo(300_000);
        assertThat(reasoning.path("model").path("timeouts").path("idleMs").asLong()).isEqualTo(120_000);
    }

    @Test
    void aWrongValueIsSaidAndNothingIsChanged() throws Exception {
        CliRunner.Result typo = cli("models", "set-timeouts", "-w", ws, "llama3.1:70b", "--first-token", "soon");
        assertThat(typo.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(typo.err()).contains("--first-token: 'soon' is not a time (first token); write it like 90 s, 5 min or 500 ms.");

        CliRunner.Result order = cli("models", "set-timeouts", "-w", ws, "llama3.1:70b", "--first-token", "20min");
        assertThat(order.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(order.err()).contains("First token (20 min) cannot be longer than total (10 min): the total limit covers"
                + " the whole run. Nothing was changed.");

        CliRunner.Result bounds = cli("models", "set-timeouts", "-w", ws, "llama3.1:70b", "--idle", "0", "--json");
        assertThat(bounds.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(JSON.readTree(bounds.out()).path("error").path("message").asText())
                .isEqualTo("Idle gap must be between 1 s and 1 h (it is 0 s). Nothing was changed.");

        CliRunner.Result nothing = cli("models", "set-timeouts", "-w", ws, "llama3.1:70b");
        assertThat(nothing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(nothing.err()).contains("Nothing to change: give --first-token, --idle, --total, --connect or --defaults."
                + " Gate/llama3.1:70b has connect 10 s · first token 60 s · idle gap 30 s · total 10 min.");

        assertThat(cli("models", "set-timeouts", "-w", ws, "no-such-model", "--total", "5min").code())
                .isEqualTo(ExitCodes.INPUT);
        try (Workspace w = Workspace.open(Path.of(ws));
             var ctx = new dev.switchyard.app.AppContext(n -> null, java.time.Clock.systemUTC())) {
            ctx.directory(w).registerLocal("tiny-local", "Tiny local", 256,
                    dev.switchyard.workspace.model.ModelKind.LOCAL_GENERATIVE,
                    new dev.switchyard.app.models.LocalModelSettings(dir, null, null));
        }
        CliRunner.Result local = cli("models", "set-timeouts", "-w", ws, "tiny-local", "--total", "5min");
        assertThat(local.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(local.err()).contains("This device/tiny-local runs on this device; time limits are set for cloud models.");
        assertThat(listed("tiny-local").path("timeouts").isNull()).as("a local model has none").isTrue();
        assertThat(listed("llama3.1:70b").path("timeouts").path("defaults").asBoolean()).as("nothing stored").isTrue();
    }
}
