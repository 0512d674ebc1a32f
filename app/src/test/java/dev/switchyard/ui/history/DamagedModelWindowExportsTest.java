package dev.switchyard.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchyard.app.AppContext;
import dev.switchyard.app.cli.CliRunner;
import dev.switchyard.app.history.ExportFormat;
import dev.switchyard.app.replay.ReplayService;
import dev.switchyard.testing.TinyModel;
import dev.switchyard.ui.replay.ReplayBackend;
import dev.switchyard.ui.replay.WorkspaceReplayBackend;
import dev.switchyard.ui.task.DirectTaskRunner;
import dev.switchyard.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's exports of runs refused for a local model's files give the command that fixes them, as the command
 * line's do ({@code cli_fix}): the History screen's export (CSV and JSON) and the Replay screen's JSON export — its CSV
 * and HTML have a row per item, not per answer, so they have no such column. A real workspace file, an imported copy of
 * the committed tiny model whose tokenizer was cut short, runs and a replay made with the real command line.
 */
class DamagedModelWindowExportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Path ws;
    private String fix;

    @BeforeEach
    void damagedImport() throws Exception {
        Path folder = TinyModel.copy(dir.resolve("tiny copy"));
        ws = dir.resolve("damaged.switchyard");
        String w = ws.toString();
        assertThat(CliRunner.run("models", "import", folder.toString(), "-w", w, "--id", "tiny").code()).isZero();
        assertThat(CliRunner.run("run", "-w", w, "--model", "tiny", "--prompt", "hello", "--max-tokens", "2").code())
                .isZero();
        Path tokenizer = folder.resolve("tokenizer.json");
        Files.write(tokenizer, java.util.Arrays.copyOf(Files.readAllBytes(tokenizer), 100)); // truncated
        fix = "From the command line, once its files are complete: switchyard models import '" + folder
                + "' --id tiny -w " + w + " (imports it again into the same row), or switchyard models remove tiny -w "
                + w + ".";
    }

    @Test
    void theHistoryScreensExportGivesARefusedRunTheCommandThatFixesItsFiles() throws Exception {
        assertThat(CliRunner.run("run", "-w", ws.toString(), "--model", "tiny", "--prompt", "hi").code()).isNotZero();
        try (Workspace workspace = Workspace.open(ws)) {
            HistoryViewModel vm = new HistoryViewModel(new DirectTaskRunner(), ZoneOffset.UTC);
            vm.setWorkspace(workspace);
            assertThat(vm.rows()).hasSize(2);
            Path json = dir.resolve("runs.json");
            vm.export(List.copyOf(vm.rows()), ExportFormat.JSON, json);
            assertThat(vm.messageProperty().get()).startsWith("Exported 2 runs to ");

            JsonNode runs = JSON.readTree(json.toFile());
            JsonNode refused = runs.get(0);
            assertThat(refused.path("status").asText()).isEqualTo("FAILED");
            assertThat(refused.path("cli_fix").asText()).isEqualTo(fix);
            assertThat(runs.get(1).path("cli_fix").isNull()).as("a completed run has none").isTrue();

            Path csv = dir.resolve("runs.csv");
            vm.export(List.copyOf(vm.rows()), ExportFormat.CSV, csv);
            String[] rows = Files.readString(csv).split("\r\n");
            // the time limits come after cli_fix: a local model's runs have none
            assertThat(rows[0]).endsWith(",user_message,cli_fix,time_limits,connect_limit_ms,first_token_limit_ms,"
                    + "idle_limit_ms,total_limit_ms");
            assertThat(rows[1]).endsWith(",\"" + fix + "\",,,,,");
            assertThat(rows[2]).endsWith(",,,,,,");
        }
    }

    @Test
    void theReplayScreensJsonExportGivesEachRefusedAnswerTheCommandThatFixesIt() throws Exception {
        Path dataset = Files.writeString(dir.resolve("prompts.jsonl"), String.join("\n",
                "{\"prompt\":\"Say hi\",\"reference\":\"hi\",\"grader\":\"contains\"}",
                "{\"prompt\":\"Say hello\",\"reference\":\"hello\",\"grader\":\"contains\"}"));
        Path policy = Files.writeString(dir.resolve("local-only.json"), """
                {"schema_version": 1, "name": "local-only", "rules": [],
                 "default": {"type": "route", "target": "tiny"}}
                """);
        CliRunner.Result r = CliRunner.run("replay", "-w", ws.toString(), "--policy", policy.toString(), "--dataset",
                dataset.toString(), "--live", "--json", "--max-tokens", "2");
        assertThat(r.code()).as(r.err() + r.out()).isZero();
        long id = JSON.readTree(r.out()).path("replay").path("id").asLong();

        try (Workspace workspace = Workspace.open(ws); AppContext app = new AppContext(n -> null, Clock.systemUTC())) {
            WorkspaceReplayBackend backend = new WorkspaceReplayBackend(workspace, ReplayService.of(app, workspace),
                    (w, version, label) -> {
                        throw new AssertionError("nothing is replayed here");
                    });
            Path json = dir.resolve("replay.json");
            backend.export(backend.open(id), ReplayBackend.ExportFormat.JSON, json);
            JsonNode items = JSON.readTree(json.toFile()).path("items");
            assertThat(items).hasSize(2);
            assertThat(items.findValuesAsText("cli_fix")).containsExactly(fix, fix);

            // a row per item, not per answer: no cli_fix there (REPLAY.md)
            Path csv = dir.resolve("replay.csv");
            backend.export(backend.open(id), ReplayBackend.ExportFormat.CSV, csv);
            assertThat(Files.readString(csv)).doesNotContain("cli_fix");
        }
    }
}
