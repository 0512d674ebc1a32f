package dev.switchyard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.compare.RunAdvice;
import dev.switchyard.app.models.CliFix;
import dev.switchyard.app.models.LocalModelSettings;
import dev.switchyard.app.models.ModelDirectory;
import dev.switchyard.cloud.CloudException;
import dev.switchyard.local.LocalEngineException;
import dev.switchyard.testing.Seed;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.Provider;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's advice after a failed run: every kind an engine ends a run with, on a cloud model, a downloaded and an
 * imported local model, says what to do in commands — never a place of the window — in a real workspace file.
 */
class CliAdviceTest {

    /** What the window's advice names and a terminal user does not have. */
    private static final List<String> WINDOW = List.of("Models →", "Models and providers", "History", "Repeat",
            "Max tokens", "Time limits", "Local models", "Set key");

    @TempDir
    Path dir;
    private AppContext app;
    private Workspace ws;
    private ModelDirectory directory;
    private Model cloud;
    private Model downloaded;
    private Model imported;
    private String w;

    @BeforeEach
    void seed() {
        app = new AppContext(Map.<String, String>of()::get, Clock.systemUTC());
        Path file = dir.resolve("advice.switchyard");
        ws = Workspace.open(file);
        w = " -w " + file.toAbsolutePath().normalize();
        directory = app.directory(ws);
        Provider gate = Seed.provider(ws, "Gate");
        cloud = Seed.model(ws, gate, "slow-model");
        downloaded = directory.registerLocal("smollm2-135m-instruct", "SmolLM2 135M Instruct", 8192,
                ModelKind.LOCAL_GENERATIVE, new LocalModelSettings(dir.resolve("models/models/smollm2-135m-instruct-q4"),
                        "model_q4.onnx", "smollm2-135m-instruct", List.of(), "http://mirror.lan/"));
        imported = directory.registerLocal("tiny", "Tiny", 512, ModelKind.LOCAL_GENERATIVE,
                new LocalModelSettings(dir.resolve("tiny"), null, null));
    }

    @AfterEach
    void close() {
        ws.close();
        app.close();
    }

    private static List<String> everyKind() {
        List<String> kinds = new ArrayList<>(List.of("unavailable", "cancelled", "model_files_changed", "prompt_too_long",
                "worker_crashed", "something-else"));
        Arrays.stream(CloudException.Kind.values()).forEach(k -> kinds.add(k.name().toLowerCase(Locale.ROOT)));
        Arrays.stream(LocalEngineException.Kind.values()).forEach(k -> kinds.add(k.name().toLowerCase(Locale.ROOT)));
        kinds.add(null);
        return kinds;
    }

    @Test
    void everyKindOnEveryKindOfModelSaysWhatToDoWithoutTheWindowsPlaces() {
        for (Model m : List.of(cloud, downloaded, imported)) {
            for (String kind : everyKind()) {
                String fix = kind == null ? null : CliFix.forRun(m, kind, ws);
                String advice = CliAdvice.forRun(kind, m, ws, directory, fix);
                assertThat(advice).as(m.apiModelId() + " " + kind).isNotBlank().endsWith(".");
                WINDOW.forEach(place -> assertThat(advice).as(m.apiModelId() + " " + kind).doesNotContain(place));
                if (advice.contains("switchyard ")) {
                    assertThat(advice).as("a command names the workspace it is about: " + advice).contains(w);
                }
                if (fix != null) {
                    assertThat(advice).as("the fix command is cli_fix's, not said twice").doesNotContain("models download")
                            .doesNotContain("models import");
                }
            }
        }
    }

    @Test
    void aTimedOutCloudRunSaysTheSetTimeoutsCommandAloneWithTheLimitItHit() {
        String advice = CliAdvice.forRun("first_token_timeout", cloud, ws, directory, null);
        assertThat(advice).isEqualTo("If it is only slow to start (a gateway loading a large model on its first request), "
                + "raise its first-token limit (now 60 s) with: switchyard models set-timeouts Gate/slow-model "
                + "--first-token 2min" + w + ". Otherwise run again later or pick a faster model.");
        assertThat(CliAdvice.forRun("total_timeout", cloud, ws, directory, null)).contains("--total 20min" + w + ".")
                .endsWith(" Or lower --max-tokens, or pick a faster model.");
        // the limits the run stored are the ones it stopped at: named even when the model's row says otherwise now
        assertThat(CliAdvice.forRun("first_token_timeout", cloud, ws, directory, null, dev.switchyard.cloud.Timeouts
                .DEFAULT.withFirstToken(java.time.Duration.ofSeconds(90)))).contains("(now 90 s)")
                .contains("--first-token 3min" + w + ".");
        // the window's sentence is unchanged
        assertThat(RunAdvice.whatToDo("first_token_timeout", "slow-model", dev.switchyard.cloud.Timeouts.DEFAULT))
                .contains(" in Models → slow-model → Time limits, or with: switchyard models set-timeouts slow-model");
    }

    @Test
    void theWindowsActionsBecomeCommands() {
        assertThat(CliAdvice.forRun("authentication", cloud, ws, directory, null)).isEqualTo("Check the provider's key "
                + "(switchyard providers list" + w + " shows where it lives), or give it one with: switchyard providers "
                + "set-key Gate --keyring" + w + " (or --key-ref env:VAR); then run again.");
        assertThat(CliAdvice.forRun("rate_limited", cloud, ws, directory, null)).contains("lower --repeat");
        assertThat(CliAdvice.forRun("model_not_found", cloud, ws, directory, null))
                .contains("switchyard providers models Gate" + w);
        // files as recorded that the engine refused: a download alone would keep them, so they are deleted first
        assertThat(CliAdvice.forRun("tokenizer_mismatch", downloaded, ws, directory, null)).isEqualTo("Download the "
                + "model again: switchyard models remove smollm2-135m-instruct --delete-files --models-dir "
                + dir.resolve("models") + w + ", then switchyard models download smollm2-135m-instruct --mirror "
                + "http://mirror.lan/ --models-dir " + dir.resolve("models") + w + ".");
        assertThat(CliAdvice.forRun("not_a_decoder", imported, ws, directory, null)).isEqualTo("Import another ONNX file "
                + "of its folder as its own model (switchyard models import " + dir.resolve("tiny") + " --variant <file>"
                + w + "), or pick another model.");
        assertThat(CliAdvice.forRun("model_files_changed", imported, ws, directory,
                CliFix.forRun(imported, "model_files_changed", ws))).isEqualTo("Run again once its files are fixed; "
                + "switchyard models list" + w + " shows whether they are ready.");
    }
}
