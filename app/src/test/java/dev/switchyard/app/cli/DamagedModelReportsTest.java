package dev.switchyard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local model refused for its files, read back where the CLI lists runs again: the history export and a replay's
 * report give the command that fixes it ({@code cli_fix}), as {@code switchyard run} does — a real workspace file and
 * an imported copy of the committed tiny model whose tokenizer was cut short.
 */
class DamagedModelReportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private String ws;
    private String fix;

    @BeforeEach
    void damagedImport() throws Exception {
        Path folder = dev.switchyard.testing.TinyModel.copy(dir.resolve("tiny copy"));
        ws = dir.resolve("damaged.switchyard").toString();
        CliRunner.Result imported = CliRunner.run("models", "import", folder.toString(), "-w", ws, "--id", "tiny");
        assertThat(imported.code()).as(imported.err()).isZero();
        CliRunner.Result ran = CliRunner.run("run", "-w", ws, "--model", "tiny", "--prompt", "hello", "--max-tokens", "2");
        assertThat(ran.code()).as(ran.err()).isZero();
        Path tokenizer = folder.resolve("tokenizer.json");
        Files.write(tokenizer, java.util.Arrays.copyOf(Files.readAllBytes(tokenizer), 100)); // truncated
        fix = "From the command line, once its files are complete: switchyard models import '" + folder
                + "' --id tiny -w " + ws + " (imports it again into the same row), or switchyard models remove tiny -w "
                + ws + ".";
    }

    @Test
    void theHistoryExportGivesAFailedRunTheCommandThatFixesItsFiles() throws Exception {
        CliRunner.Result failed = CliRunner.run("run", "-w", ws, "--model", "tiny", "--prompt", "hi", "--json");
        assertThat(failed.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(JSON.readTree(failed.out()).path("runs").get(0).path("cli_fix").asText()).isEqualTo(fix);

        Path json = dir.resolve("runs.json");
        CliRunner.Result exported = CliRunner.run("history", "export", "-w", ws, "--format", "json", "-o", json.toString());
        assertThat(exported.code()).as(exported.err()).isZero();
        JsonNode runs = JSON.readTree(json.toFile());
        assertThat(runs).hasSize(2);
        JsonNode refused = runs.get(0);
        assertThat(refused.path("status").asText()).isEqualTo("FAILED");
        assertThat(refused.path("error").asText()).contains("tokenizer.json is 100 bytes");
        assertThat(refused.path("cli_fix").asText()).isEqualTo(fix);
        assertThat(runs.get(1).path("status").asText()).isEqualTo("COMPLETED");
        assertThat(runs.get(1).path("cli_fix").isNull()).isTrue();

        Path csv = dir.resolve("runs.csv");
        assertThat(CliRunner.run("history", "export", "-w", ws, "--format", "csv", "-o", csv.toString()).code()).isZero();
        String[] rows = Files.readString(csv).split("\r\n");
        // the time limits come after cli_fix: a local model's runs have none
        assertThat(rows[0]).endsWith(",user_message,cli_fix,time_limits,connect_limit_ms,first_token_limit_ms,"
                + "idle_limit_ms,total_limit_ms");
        assertThat(rows[1]).endsWith(",\"" + fix.replace("\"", "\"\"") + "\",,,,,");
        assertThat(rows[2]).endsWith(",,,,,,");
    }

    @Test
    void aReplaysReportGivesEachAnswerRefusedForItsFilesTheCommandThatFixesThem() throws Exception {
        Path dataset = Files.writeString(dir.resolve("prompts.jsonl"), String.join("\n",
                "{\"prompt\":\"Say hi\",\"reference\":\"hi\",\"grader\":\"contains\"}",
                "{\"prompt\":\"Say hello\",\"reference\":\"hello\",\"grader\":\"contains\"}"));
        Path policy = Files.writeString(dir.resolve("local-only.json"), """
                {"schema_version": 1, "name": "local-only", "rules": [],
                 "default": {"type": "route", "target": "tiny"}}
                """);

        CliRunner.Result r = CliRunner.run("replay", "-w", ws, "--policy", policy.toString(), "--dataset",
                dataset.toString(), "--live", "--json", "--items", "--max-tokens", "2");

        assertThat(r.code()).as(r.err() + r.out()).isZero();
        JsonNode report = JSON.readTree(r.out());
        JsonNode items = report.path("items");
        assertThat(items).hasSize(2);
        for (JsonNode item : items) {
            assertThat(item.path("status").asText()).isEqualTo("FAILED");
            JsonNode answers = item.path("answers");
            assertThat(answers).hasSize(1);
            assertThat(answers.elements().next().path("cli_fix").asText()).as(item.toString()).isEqualTo(fix);
        }

        // the stored replay's JSON export from the command line says it too
        long id = report.path("replay").path("id").asLong();
        CliRunner.Result export = CliRunner.run("replay", "export", Long.toString(id), "-w", ws, "--format", "json");
        assertThat(export.code()).as(export.err()).isZero();
        List<String> fixes = JSON.readTree(export.out()).path("items").findValuesAsText("cli_fix");
        assertThat(fixes).containsExactly(fix, fix);
    }
}
