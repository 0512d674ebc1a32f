package dev.switchyard.app.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchyard.testing.Seed;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.CostKind;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunCost;
import dev.switchyard.workspace.model.RunMetrics;
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
    void theColumnsOfEarlierExportsKeepTheirNamesAndOrderAndNewOnesComeLast() {
        assertThat(RunExporter.COLUMNS.subList(0, 22)).containsExactly("uid", "created_at", "model", "status",
                "comparison_id", "repeat_index", "prompt", "output", "reasoning", "error", "queue_ms", "ttft_ms",
                "total_ms", "input_tokens", "cached_input_tokens", "output_tokens", "reasoning_tokens", "decode_tps",
                "cost_usd", "cost_kind", "tokens_estimated", "finish_reason");
        assertThat(RunExporter.COLUMNS.subList(22, RunExporter.COLUMNS.size())).containsExactly("prompt_name",
                "prompt_version", "temperature", "max_tokens", "top_p", "seed", "stop", "system_message", "user_message",
                "cli_fix", "time_limits", "connect_limit_ms", "first_token_limit_ms", "idle_limit_ms", "total_limit_ms");
    }

    /**
     * The time limits each run ran with, as stored with it (workspace-schema decision 15) — never the model's limits of
     * today: a cloud run stored before runs kept them says "limits not recorded" with its numbers null, a local run
     * (no time limits) has none.
     */
    @Test
    void jsonHasTheTimeLimitsEachRunRanWithOrSaysTheyWereNotRecorded() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.switchyard"))) {
            Model m = Seed.model(ws, Seed.provider(ws, "Gate"), "m-1");
            Run ran = Seed.run(ws, m, "p", "a", RunStatus.FAILED, Instant.parse("2026-01-02T03:04:05Z"), 80);
            Run with = ws.runs().insert(Run.created(m.id(), "q", "{}").withLimits(
                    "{\"connectMs\":10000,\"firstTokenMs\":180000,\"idleMs\":30000,\"totalMs\":600000}"));
            Run local = ws.runs().insert(Run.created(m.id(), "r", "{}").withLimits("{}"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new RunExporter(id -> "Gate/m-1").writeJson(List.of(ran, with, local).iterator(), out);
            JsonNode json = new ObjectMapper().readTree(out.toByteArray());

            assertThat(json.get(0).get("time_limits").asText()).isEqualTo("limits not recorded");
            assertThat(json.get(0).get("first_token_limit_ms").isNull()).isTrue();
            assertThat(json.get(1).get("time_limits").asText())
                    .isEqualTo("connect 10 s · first token 3 min · idle gap 30 s · total 10 min");
            assertThat(json.get(1).get("first_token_limit_ms").asLong()).isEqualTo(180_000);
            assertThat(json.get(1).get("total_limit_ms").isNumber()).isTrue();
            assertThat(json.get(2).get("time_limits").isNull()).as("an engine without time limits").isTrue();
            assertThat(json.get(2).get("connect_limit_ms").isNull()).isTrue();
        }
    }

    /** A run of saved prompt "Trip planner" v2 with every parameter set, a cost of $0.0004 and an unrounded rate. */
    private static Run tripRun(Workspace ws) {
        Model m = Seed.model(ws, Seed.provider(ws, "Gate"), "m-1");
        var trip = ws.prompts().create("Trip planner");
        ws.prompts().addVersion(trip.id(), "Be brief.", "Plan a day", "{}", "{}");
        var v2 = ws.prompts().addVersion(trip.id(), "Be brief.", "Plan a weekend", "{}", "{}");
        var c = ws.comparisons().create(v2.id(), 1, false);
        String params = "{\"maxTokens\":30,\"temperature\":0.4,\"topP\":0.9,\"seed\":7,\"stop\":[\"print\",\"a, b\"]}";
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        return ws.runs().insert(Run.created(m.id(), "Be brief.\n\nPlan a weekend", params).withUid(null, at)
                .withComparison(c.id(), 0).withOutput(RunStatus.COMPLETED, "Go", null)
                .finished(RunStatus.COMPLETED, null, new RunMetrics(0L, 5L, 2980L, 12L, null, 37L, null,
                        12.441403434902977, null, null, null), new RunCost(4.0E-4, CostKind.API, null), false, 1, at));
    }

    @Test
    void csvWritesPlainDecimalsTheSavedPromptAndTheRunParameters() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.switchyard"))) {
            Run r = tripRun(ws);
            Path file = dir.resolve("runs.csv");
            new HistoryExport(ws).runs(List.of(r.id(), Seed.run(ws, ws.models().list().get(0), "plain", "a",
                    RunStatus.COMPLETED, Instant.parse("2026-01-02T03:04:05Z"), 3).id()), ExportFormat.CSV, file);

            List<List<String>> rows = CsvParser.parse(Files.readString(file).substring(1));
            List<String> row = rows.get(1);
            assertThat(row.get(RunExporter.COLUMNS.indexOf("cost_usd"))).isEqualTo("0.0004");
            assertThat(row.get(RunExporter.COLUMNS.indexOf("decode_tps"))).isEqualTo("12.44");
            assertThat(row.get(RunExporter.COLUMNS.indexOf("prompt_name"))).isEqualTo("Trip planner");
            assertThat(row.get(RunExporter.COLUMNS.indexOf("prompt_version"))).isEqualTo("2");
            assertThat(row.get(RunExporter.COLUMNS.indexOf("temperature"))).isEqualTo("0.4");
            assertThat(row.get(RunExporter.COLUMNS.indexOf("max_tokens"))).isEqualTo("30");
            assertThat(row.get(RunExporter.COLUMNS.indexOf("top_p"))).isEqualTo("0.9");
            assertThat(row.get(RunExporter.COLUMNS.indexOf("seed"))).isEqualTo("7");
            assertThat(row.get(RunExporter.COLUMNS.indexOf("stop"))).isEqualTo("[\"print\",\"a, b\"]");
            List<String> plain = rows.get(2);
            assertThat(plain).hasSize(RunExporter.COLUMNS.size());
            assertThat(plain.subList(22, 29)).as("no saved prompt, no parameters").containsOnly("");
            assertThat(row.get(RunExporter.COLUMNS.indexOf("system_message"))).isEqualTo("Be brief.");
            assertThat(row.get(RunExporter.COLUMNS.indexOf("user_message"))).isEqualTo("Plan a weekend");
            assertThat(plain.get(RunExporter.COLUMNS.indexOf("system_message"))).isEmpty();
            assertThat(plain.get(RunExporter.COLUMNS.indexOf("user_message"))).isEqualTo("plain");
        }
        assertThat(RunExporter.decimal(1.2E-7, RunExporter.COST_SCALE).toPlainString()).isEqualTo("0.00000012");
        assertThat(RunExporter.decimal(3.00000000000004E-4, RunExporter.COST_SCALE).toPlainString()).isEqualTo("0.0003");
        assertThat(RunExporter.decimal(20.0, RunExporter.RATE_SCALE).toPlainString()).isEqualTo("20");
    }

    @Test
    void jsonWritesTheSameFiguresAsPlainNumbersAndTheStopSequencesAsAnArray() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.switchyard"))) {
            Run r = tripRun(ws);
            Path file = dir.resolve("runs.json");
            new HistoryExport(ws).runs(List.of(r.id()), ExportFormat.JSON, file);

            String text = Files.readString(file);
            assertThat(text).contains("\"cost_usd\" : 0.0004,").contains("\"decode_tps\" : 12.44,").doesNotContain("E-");
            JsonNode run = new ObjectMapper().readTree(text).get(0);
            assertThat(run.get("prompt_name").asText()).isEqualTo("Trip planner");
            assertThat(run.get("prompt_version").asInt()).isEqualTo(2);
            assertThat(run.get("temperature").decimalValue()).isEqualByComparingTo("0.4");
            assertThat(run.get("max_tokens").asInt()).isEqualTo(30);
            assertThat(run.get("seed").asLong()).isEqualTo(7);
            assertThat(run.get("stop").isArray()).isTrue();
            assertThat(run.get("stop")).extracting(JsonNode::asText).containsExactly("print", "a, b");
        }
    }

    @Test
    void theSystemAndUserMessagesAreTheOnesTheRunWasSent() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.switchyard"))) {
            Model m = Seed.model(ws, Seed.provider(ws, "Gate"), "m-1");
            Run draft = Seed.sent(ws, m, "You are a pirate.", "Say hello", "Ahoy");
            Run none = Seed.sent(ws, m, null, "kitchen lights on\n\nplease", "Done");
            Path file = dir.resolve("sent.json");
            new HistoryExport(ws).runs(List.of(draft.id(), none.id()), ExportFormat.JSON, file);

            JsonNode json = new ObjectMapper().readTree(file.toFile());
            assertThat(json.get(0).get("prompt").asText()).isEqualTo("You are a pirate.\n\nSay hello");
            assertThat(json.get(0).get("system_message").asText()).isEqualTo("You are a pirate.");
            assertThat(json.get(0).get("user_message").asText()).isEqualTo("Say hello");
            assertThat(json.get(1).get("system_message").isNull()).isTrue();
            assertThat(json.get(1).get("user_message").asText()).isEqualTo("kitchen lights on\n\nplease");
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
