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
}
