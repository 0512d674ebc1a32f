package dev.switchyard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import the committed tiny decoder, run it through the CLI (in the worker process), and refuse bad folders. */
class LocalModelCommandsTest {

    static final Path TINY = Path.of("../engine-local/src/test/resources/models/tiny-random-llama").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void importThenRunTheTinyModelWithExactTokensAndLoadTimeApart() throws Exception {
        String ws = dir.resolve("local.switchyard").toString();
        CliRunner.Result imported = CliRunner.run("models", "import", TINY.toString(), "-w", ws, "--id", "tiny", "--json");
        assertThat(imported.code()).as(imported.err()).isZero();
        JsonNode model = JSON.readTree(imported.out()).path("model");
        assertThat(model.path("kind").asText()).isEqualTo("local-generative");
        assertThat(model.path("displayName").asText()).contains("nonsense output");
        assertThat(model.path("local").path("graph").asText()).as("engine-local decision 10")
                .isEqualTo("attention fused into GroupQueryAttention (2 layers); logits of the last position only");

        CliRunner.Result r = CliRunner.run("run", "-w", ws, "--model", "tiny", "--prompt", "Hello there",
                "--max-tokens", "12", "--repeat", "2", "--json");

        assertThat(r.code()).as(r.err() + r.out()).isZero();
        JsonNode runs = JSON.readTree(r.out()).path("runs");
        assertThat(runs).hasSize(2);
        JsonNode first = runs.get(0);
        assertThat(first.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(first.path("output_tokens").asInt()).isBetween(1, 12);
        assertThat(first.path("input_tokens").asInt()).isPositive();
        assertThat(first.path("tokens_estimated").asBoolean()).isFalse();
        assertThat(first.path("load_ms").isNumber()).as("the first run loads the model").isTrue();
        assertThat(runs.get(1).path("load_ms").isNull()).as("the second finds it warm").isTrue();
        assertThat(first.path("cost_kind").asText()).isEqualTo("device");
        assertThat(first.path("cost_usd").asDouble()).isZero();
        assertThat(first.path("http_attempts").asInt()).isZero();
        // greedy decoding is deterministic: both repeats produce the same text
        assertThat(runs.get(1).path("output_text").asText()).isEqualTo(first.path("output_text").asText());

        CliRunner.Result text = CliRunner.run("run", "-w", ws, "--model", "tiny", "--prompt", "Hello again", "--max-tokens", "4");
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).as("the figures a local run has besides the strip's").contains(" · prefill ")
                .contains("peak memory (engine process) ").doesNotContain("HTTP attempt");
    }

    @Test
    void aFolderThatIsNotAModelIsRefusedWithItsPath() throws Exception {
        Path bogus = Files.createDirectories(dir.resolve("not-a-model"));
        Files.writeString(bogus.resolve("config.json"), "{}");
        CliRunner.Result r = CliRunner.run("models", "import", bogus.toString(), "-w", dir.resolve("w.switchyard").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INPUT);
        assertThat(r.err()).contains("not-a-model");
    }

    @Test
    void theEmbeddedIntentModelAnswersOnAFreshWorkspaceWithNoDownload() throws Exception {
        String ws = dir.resolve("intent.switchyard").toString();
        JsonNode models = JSON.readTree(CliRunner.run("models", "list", "-w", ws, "--json").out()).path("models");
        assertThat(models.findValuesAsText("apiModelId")).contains("intent:smart-home", "intent:customer-support");

        CliRunner.Result r = CliRunner.run("run", "-w", ws, "--model", "intent:smart-home",
                "--prompt", "could you switch on the lights in the kitchen please", "--json");

        assertThat(r.code()).as(r.err() + r.out()).isZero();
        JsonNode run = JSON.readTree(r.out()).path("runs").get(0);
        assertThat(run.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(run.path("model_kind").asText()).isEqualTo("local-intent");
        assertThat(run.path("output_text").asText().toLowerCase()).contains("kitchen");
        assertThat(run.path("output_tokens").asInt()).isPositive();
        assertThat(run.path("load_ms").isNumber()).isTrue();
        assertThat(run.path("cost_usd").asDouble()).isZero();
        assertThat(run.path("ttft_ms").isNumber()).isTrue();
        assertThat(run.path("decode_tps").isNumber()).as("a template reply has no decode speed: " + run).isFalse();
    }

    @Test
    void aDamagedImportSaysTheImportCommandThatFixesItAndModelsListShowsItsFiles() throws Exception {
        Path folder = dev.switchyard.testing.TinyModel.copy(dir.resolve("tiny copy"));
        String ws = dir.resolve("damaged.switchyard").toString();
        assertThat(CliRunner.run("models", "import", folder.toString(), "-w", ws, "--id", "tiny").code()).isZero();
        assertThat(CliRunner.run("models", "list", "-w", ws).out()).contains("    files: ready");
        Path tokenizer = folder.resolve("tokenizer.json");
        Files.write(tokenizer, java.util.Arrays.copyOf(Files.readAllBytes(tokenizer), 100)); // truncated

        CliRunner.Result run = CliRunner.run("run", "-w", ws, "--model", "tiny", "--prompt", "hi", "--max-tokens", "2");

        assertThat(run.code()).isEqualTo(ExitCodes.FAILED);
        String command = "switchyard models import '" + folder + "' --id tiny -w " + ws;
        assertThat(run.out()).as(run.out()).contains("Files changed since import: tokenizer.json is 100 bytes")
                .contains("From the command line, once its files are complete: " + command);
        // what comes after the fix, in a terminal's words, and the fix command said once
        String advice = "Run again once its files are fixed; switchyard models list -w " + ws
                + " shows whether they are ready.";
        assertThat(run.out().lines()).contains("   " + advice);
        assertThat(run.out().split("switchyard models import", -1)).as(run.out()).hasSize(2);
        JsonNode failed = JSON.readTree(CliRunner.run("run", "-w", ws, "--model", "tiny", "--prompt", "hi", "--json").out())
                .path("runs").get(0);
        assertThat(failed.path("error_kind").asText()).isEqualTo("model_files_changed");
        assertThat(failed.path("cli_fix").asText()).contains(command);
        assertThat(failed.path("advice").asText()).isEqualTo(advice);

        String list = CliRunner.run("models", "list", "-w", ws).out();
        assertThat(list).contains("    files: Files changed since import: tokenizer.json is 100 bytes").contains(command);
        JsonNode files = JSON.readTree(CliRunner.run("models", "list", "-w", ws, "--json").out()).path("models")
                .findParents("files").stream().filter(m -> m.path("apiModelId").asText().equals("tiny")).findFirst()
                .orElseThrow().path("files");
        assertThat(files.path("state").asText()).isEqualTo("files_changed");
        assertThat(files.path("label").asText()).isEqualTo("Files changed");
        assertThat(files.path("reason").asText()).contains("tokenizer.json is 100 bytes");

        // the files put back, the command the message named imports it again into the same row, and it runs
        Files.copy(TINY.resolve("tokenizer.json"), tokenizer, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CliRunner.Result again = CliRunner.run("models", "import", folder.toString(), "--id", "tiny", "-w", ws);
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(JSON.readTree(CliRunner.run("models", "list", "-w", ws, "--json").out()).path("models")
                .findValuesAsText("apiModelId").stream().filter(id -> id.startsWith("tiny"))).containsExactly("tiny");
        assertThat(CliRunner.run("models", "list", "-w", ws).out()).contains("    files: ready");
        assertThat(CliRunner.run("run", "-w", ws, "--model", "tiny", "--prompt", "hi", "--max-tokens", "2").code()).isZero();

        // the folder gone
        deleteTree(folder);
        CliRunner.Result gone = CliRunner.run("run", "-w", ws, "--model", "tiny", "--prompt", "hi");
        assertThat(gone.out()).contains("Model folder not found")
                .contains("switchyard models import <where the folder is now> --id tiny -w " + ws)
                .contains("switchyard models remove tiny -w " + ws);
        assertThat(JSON.readTree(CliRunner.run("models", "list", "-w", ws, "--json").out()).path("models")
                .findValuesAsText("state")).contains("folder_missing");
    }

    static void deleteTree(Path root) throws Exception {
        try (var files = Files.walk(root)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
