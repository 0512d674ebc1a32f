package dev.switchyard.app.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchyard.testing.Seed;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunQuery;
import dev.switchyard.workspace.model.RunStatus;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunExporterTest {

    @TempDir
    Path dir;

    @Test
    void csvFieldsAreQuotedOnlyWhenNeededAndQuotesAreDoubled() {
        assertThat(RunExporter.csvField("plain")).isEqualTo("plain");
        assertThat(RunExporter.csvField("a,b")).isEqualTo("\"a,b\"");
        assertThat(RunExporter.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(RunExporter.csvField("line1\nline2")).isEqualTo("\"line1\nline2\"");
        assertThat(RunExporter.csvField("cr\rhere")).isEqualTo("\"cr\rhere\"");
        assertThat(RunExporter.csvField(" padded")).isEqualTo("\" padded\"");
        assertThat(RunExporter.csvField("")).isEqualTo("");
    }

    @Test
    void csvHasAHeaderAndOneRecordPerRunEvenWithNewlinesAndCommasInTexts() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.switchyard"))) {
            Provider p = Seed.provider(ws, "Gate");
            Model m = Seed.model(ws, p, "m-1");
            Run r = Seed.run(ws, m, "Hello, \"world\"\nsecond line", "Answer, with comma", RunStatus.COMPLETED,
                    Instant.parse("2026-01-02T03:04:05Z"), 120);
            Run cut = ws.runs().update(r.withOutcome("{\"finishReason\":\"length\"}"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long n = new RunExporter(id -> "Gate/m-1").writeCsv(List.of(cut).iterator(), out);
            String csv = out.toString(StandardCharsets.UTF_8);

            assertThat(n).isEqualTo(1);
            assertThat(csv).startsWith("\uFEFFuid,created_at,model,status,");
            List<List<String>> records = CsvParser.parse(csv.substring(1));
            assertThat(records).hasSize(2);
            List<String> row = records.get(1);
            assertThat(row).hasSize(RunExporter.COLUMNS.size());
            assertThat(row.get(RunExporter.COLUMNS.indexOf("prompt"))).isEqualTo("Hello, \"world\"\nsecond line");
            assertThat(row.get(RunExporter.COLUMNS.indexOf("output"))).isEqualTo("Answer, with comma");
            assertThat(row.get(RunExporter.COLUMNS.indexOf("model"))).isEqualTo("Gate/m-1");
            assertThat(row.get(RunExporter.COLUMNS.indexOf("status"))).isEqualTo("COMPLETED");
            assertThat(row.get(RunExporter.COLUMNS.indexOf("ttft_ms"))).isEqualTo("120");
            assertThat(row.get(RunExporter.COLUMNS.indexOf("created_at"))).isEqualTo("2026-01-02T03:04:05Z");
            assertThat(row.get(RunExporter.COLUMNS.indexOf("cost_usd"))).isEmpty();
            assertThat(row.get(RunExporter.COLUMNS.indexOf("finish_reason"))).isEqualTo("length");
            assertThat(csv).contains("\r\n");
        }
    }

    @Test
    void jsonIsAnArrayOfObjectsWithTypedNumbersAndNulls() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.switchyard"))) {
            Model m = Seed.model(ws, Seed.provider(ws, "Gate"), "m-1");
            Run r = Seed.run(ws, m, "p", "a", RunStatus.FAILED, Instant.parse("2026-01-02T03:04:05Z"), 80);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new RunExporter(id -> "Gate/m-1").writeJson(List.of(r).iterator(), out);
            JsonNode json = new ObjectMapper().readTree(out.toByteArray());

            assertThat(json.isArray()).isTrue();
            assertThat(json).hasSize(1);
            assertThat(json.get(0).get("status").asText()).isEqualTo("FAILED");
            assertThat(json.get(0).get("ttft_ms").isNumber()).isTrue();
            assertThat(json.get(0).get("ttft_ms").asLong()).isEqualTo(80);
            assertThat(json.get(0).get("cost_usd").isNull()).isTrue();
            assertThat(json.get(0).get("tokens_estimated").isBoolean()).isTrue();
        }
    }

    @Test
    void queryExportPagesThroughEveryMatchingRunAndLeavesNoPartFile() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.switchyard"))) {
            Provider p = Seed.provider(ws, "Gate");
            Model a = Seed.model(ws, p, "a");
            Model b = Seed.model(ws, p, "b");
            Seed.bulk(ws, a, 1203, Instant.parse("2026-01-01T00:00:00Z"));
            Seed.bulk(ws, b, 7, Instant.parse("2026-01-01T00:00:00Z"));
            Path file = dir.resolve("out/a.json");

            long n = new HistoryExport(ws).query(RunQuery.latest().model(a.id()), ExportFormat.JSON, file);

            assertThat(n).isEqualTo(1203);
            JsonNode json = new ObjectMapper().readTree(file.toFile());
            assertThat(json).hasSize(1203);
            assertThat(json.get(0).get("prompt").asText()).isEqualTo("bulk prompt 1202");
            assertThat(json.findValuesAsText("uid")).doesNotHaveDuplicates();
            try (var files = Files.list(file.getParent())) {
                assertThat(files.map(f -> f.getFileName().toString())).containsExactly("a.json");
            }
        }
    }

    @Test
    void selectedRunsAreExportedInTheOrderGiven() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.switchyard"))) {
            Model a = Seed.model(ws, Seed.provider(ws, "Gate"), "a");
            List<Run> runs = Seed.bulk(ws, a, 5, Instant.parse("2026-01-01T00:00:00Z"));
            Path file = dir.resolve("sel.csv");

            long n = new HistoryExport(ws).runs(List.of(runs.get(3).id(), runs.get(1).id()), ExportFormat.CSV, file);

            assertThat(n).isEqualTo(2);
            List<List<String>> rows = CsvParser.parse(Files.readString(file).substring(1));
            assertThat(rows).hasSize(3);
            assertThat(rows.get(1).get(RunExporter.COLUMNS.indexOf("prompt"))).isEqualTo("bulk prompt 3");
            assertThat(rows.get(2).get(RunExporter.COLUMNS.indexOf("prompt"))).isEqualTo("bulk prompt 1");
        }
    }

    @Test
    void formatNamesAreParsedWithASentenceForUnknownOnes() {
        assertThat(ExportFormat.parse("CSV")).isEqualTo(ExportFormat.CSV);
        assertThat(ExportFormat.parse(" json ")).isEqualTo(ExportFormat.JSON);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ExportFormat.parse("xml"))
                .hasMessageContaining("use csv or json");
    }
}
