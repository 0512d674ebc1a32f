package dev.switchyard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchyard.testing.Seed;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCommandTest {

    @TempDir
    Path dir;
    private Path ws;

    @BeforeEach
    void seed() {
        ws = dir.resolve("h.switchyard");
        try (Workspace w = Workspace.open(ws)) {
            Provider p = Seed.provider(w, "Gate");
            Model a = Seed.model(w, p, "alpha");
            Model b = Seed.model(w, p, "beta");
            Instant t = Instant.parse("2026-03-01T10:00:00Z");
            Seed.run(w, a, "turn on the kitchen lights", "ok", RunStatus.COMPLETED, t, 100);
            Seed.run(w, a, "refund policy, please", "we refund", RunStatus.FAILED, t.plusSeconds(5), 100);
            Seed.run(w, b, "kitchen timer for ten minutes", "set", RunStatus.COMPLETED, t.plusSeconds(9), 100);
        }
    }

    @Test
    void exportsFilteredRunsToJson() throws Exception {
        Path out = dir.resolve("runs.json");
        CliRunner.Result r = CliRunner.run("history", "export", "-w", ws.toString(), "--format", "json",
                "--model", "Gate/alpha", "--text", "kitchen", "-o", out.toString());

        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("Exported 1 run");
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertThat(json).hasSize(1);
        assertThat(json.get(0).get("prompt").asText()).isEqualTo("turn on the kitchen lights");
        assertThat(json.get(0).get("model").asText()).isEqualTo("Gate/alpha");
    }

    @Test
    void exportsAllRunsWithAStatusToCsv() throws Exception {
        Path out = dir.resolve("runs.csv");
        CliRunner.Result r = CliRunner.run("history", "export", "-w", ws.toString(), // the format from ".csv"
                "--status", "completed", "-o", out.toString());

        assertThat(r.code()).as(r.err()).isEqualTo(0);
        String csv = Files.readString(out);
        assertThat(csv.split("\r\n")).hasSize(3);
        assertThat(csv).contains("kitchen timer for ten minutes").contains("turn on the kitchen lights")
                .doesNotContain("refund policy");
    }

    @Test
    void badFormatStatusOrModelIsAUsageOrInputErrorWithASentence() {
        Path out = dir.resolve("x");
        CliRunner.Result fmt = CliRunner.run("history", "export", "-w", ws.toString(), "--format", "xml", "-o", out.toString());
        assertThat(fmt.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(fmt.err()).contains("use csv or json");
        CliRunner.Result which = CliRunner.run("history", "export", "-w", ws.toString(), "-o", out.toString());
        assertThat(which.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(which.err()).contains("Which format? Give --format csv|json, or an output file (-o) whose name ends in"
                + " .csv or .json.");
        assertThat(out).doesNotExist();

        CliRunner.Result st = CliRunner.run("history", "export", "-w", ws.toString(), "--format", "csv", "--status", "done",
                "-o", out.toString());
        assertThat(st.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(st.err()).contains("Unknown status 'done'");

        CliRunner.Result model = CliRunner.run("history", "export", "-w", ws.toString(), "--format", "csv", "--model",
                "nope", "-o", out.toString());
        assertThat(model.code()).isEqualTo(ExitCodes.INPUT);
        assertThat(model.err()).contains("No model 'nope'");
        assertThat(Files.exists(out)).isFalse();
    }
}
