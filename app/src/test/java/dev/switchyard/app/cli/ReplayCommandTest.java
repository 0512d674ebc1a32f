package dev.switchyard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dataset} and {@code replay} end to end: the tiny local model (worker process), a cloud model on a local
 * HTTP server, a routing policy file with a cascade; confirmation, stored-run reuse, live mode, gates and exit
 * codes, exports and compare.
 */
class ReplayCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ENV = Map.of("TEST_GATEWAY_KEY", "sk-test-replay-0123456789");

    @TempDir
    Path dir;
    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger calls = new AtomicInteger();
    private String ws;

    @BeforeEach
    void setUp() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                calls.incrementAndGet();
                return RunCommandTest.sse(RunCommandTest.openAiStream("gpt-4o-mini", List.of("The answer", " is 42."), 20, 6));
            }
        });
        server.start();
        ws = dir.resolve("replay.switchyard").toString();
        CliRunner.Result imported = CliRunner.run("models", "import", LocalModelCommandsTest.TINY.toString(), "-w", ws,
                "--id", "tiny");
        assertThat(imported.code()).as(imported.err()).isZero();
        CliRunner.Result run = CliRunner.run(ENV, "run", "-w", ws, "--prompt", "register the model", "--base-url",
                server.url("/v1").toString(), "--api-model", "gpt-4o-mini", "--api-key-env", "TEST_GATEWAY_KEY",
                "--price-in", "0.15", "--price-out", "0.60");
        assertThat(run.code()).as(run.err()).isZero();
        calls.set(0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Path files() throws Exception {
        Files.writeString(dir.resolve("prompts.jsonl"), String.join("\n",
                "{\"prompt\":\"Say hi\",\"reference\":\"42\",\"category\":\"reasoning\",\"grader\":\"numeric\"}",
                "{\"prompt\":\"What is six times seven, please?\",\"reference\":\"42\",\"grader\":\"numeric\"}",
                "{\"prompt\":\"Compute forty-two minus zero for me\",\"reference\":\"42\",\"grader\":\"numeric\"}",
                "{\"oops\":true}"));
        return Files.writeString(dir.resolve("cheap-first.json"), """
                {"schema_version": 1, "name": "cheap-first",
                 "rules": [{"name": "short", "when": {"type": "prompt_chars", "op": "le", "value": 20},
                            "then": {"type": "route", "target": "tiny"}}],
                 "default": {"type": "cascade", "local": "tiny", "accept_if": {"regex": "zzqqxx"},
                             "escalate": "gpt-4o-mini"}}
                """);
    }

    private CliRunner.Result cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-w", ws));
        return CliRunner.run(ENV, all.toArray(String[]::new));
    }

    @Test
    void replayConfirmsLiveCallsReusesStoredRunsAndGatesTheExitCode() throws Exception {
        Path policy = files();
        CliRunner.Result imported = cli("dataset", "import", dir.resolve("prompts.jsonl").toString(), "--name", "mini",
                "--json");
        assertThat(imported.code()).as(imported.err()).isZero();
        JsonNode imp = JSON.readTree(imported.out());
        assertThat(imp.path("dataset").path("items").asInt()).isEqualTo(3);
        assertThat(imp.path("problems").get(0).path("line").asInt()).isEqualTo(4);

        // JSON mode with cloud calls needed and no --yes: refused before any call
        CliRunner.Result refused = cli("replay", "--policy", policy.toString(), "--dataset", "mini", "--json");
        assertThat(refused.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("3 cloud calls").contains("--yes")
                .as("what the estimate counts as an answer's length").contains("for answers of 256 tokens");
        assertThat(calls.get()).isZero();

        CliRunner.Result first = cli("replay", "--policy", policy.toString(), "--dataset", "mini", "--json", "--yes",
                "--items", "--min-pass-rate", "0.6", "--max-tokens", "8");
        assertThat(first.code()).as(first.err() + first.out()).isZero();
        assertThat(calls.get()).as("one cloud answer per item (escalations and baseline)").isEqualTo(3);
        JsonNode r1 = JSON.readTree(first.out());
        assertThat(r1.path("ok").asBoolean()).isTrue();
        assertThat(r1.path("estimate").path("cloudCalls").asInt()).isEqualTo(3);
        assertThat(r1.path("estimate").path("outputTokensPerAnswer").asInt()).as("--max-tokens").isEqualTo(8);
        JsonNode policyPoint = r1.path("summary").path("policy");
        assertThat(policyPoint.path("passRate").asDouble()).isEqualTo(2.0 / 3);
        JsonNode items = r1.path("items");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).path("route").asText()).startsWith("tiny-random").endsWith("[live]");
        JsonNode cascade = items.get(1).path("steps");
        assertThat(cascade).hasSize(2);
        assertThat(cascade.get(0).path("role").asText()).isEqualTo("cascade-first");
        assertThat(cascade.get(0).path("accepted").asBoolean()).isFalse();
        assertThat(cascade.get(1).path("model").asText()).isEqualTo("GPT-4o mini");
        assertThat(cascade.get(1).path("source").asText()).isEqualTo("live");
        assertThat(items.get(1).path("why").asText()).contains("default");
        assertThat(items.get(1).path("grade").path("pass").asBoolean()).isTrue();
        assertThat(r1.path("summary").path("baselines").findValuesAsText("name"))
                .contains("all-local (tiny-random (nonsense output, for tests))", "all-cloud (GPT-4o mini)", "oracle");
        long firstId = r1.path("replay").path("id").asLong();

        // The same replay again: every answer is a stored run of the same prompt, model and parameters
        CliRunner.Result second = cli("replay", "--policy", "cheap-first", "--dataset", "mini", "--json", "--items",
                "--max-tokens", "8", "--min-pass-rate", "0.9");
        assertThat(second.code()).as("gate missed: 2/3 < 0.9").isEqualTo(ExitCodes.FAILED);
        assertThat(calls.get()).as("no new call").isEqualTo(3);
        JsonNode r2 = JSON.readTree(second.out());
        assertThat(r2.path("ok").asBoolean()).isFalse();
        assertThat(r2.path("gates").get(0).path("passed").asBoolean()).isFalse();
        assertThat(r2.path("summary").path("cachedAnswers").asInt()).isEqualTo(6);
        assertThat(r2.path("items").get(1).path("route").asText()).contains("[cached");
        long secondId = r2.path("replay").path("id").asLong();

        // --live calls again; --max-cost-per-1k passes
        CliRunner.Result live = cli("replay", "--policy", "cheap-first", "--dataset", "mini", "--live", "--yes",
                "--max-tokens", "8", "--max-cost-per-1k", "100");
        assertThat(live.code()).as(live.err() + live.out()).isZero();
        assertThat(calls.get()).isEqualTo(6);
        assertThat(live.out()).contains("policy").contains("Gate max-cost-per-1k: passed");
        // the table's columns line up, though "all-local (tiny-random (nonsense output, for tests))" is a long name
        List<String> lines = live.out().lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("strategy")).findFirst().orElseThrow());
        List<String> table = lines.subList(header, lines.size()).stream().takeWhile(l -> l.equals(lines.get(header))
                || l.matches("(policy|all-local|all-cloud|best-single|oracle|random) .*")).toList();
        assertThat(table).hasSizeGreaterThanOrEqualTo(5).anyMatch(l -> l.startsWith("all-local (tiny-random"));
        assertThat(table).allSatisfy(l -> assertThat(l).hasSize(lines.get(header).length()));
        // where the policy sent the items: a heading, then one line per route, largest share first
        int where = lines.indexOf("Where the policy sent the items, largest share first:");
        assertThat(where).as(live.out()).isPositive();
        List<Double> shares = lines.subList(where + 1, lines.size()).stream().takeWhile(l -> l.matches(" +[0-9.]+% .*"))
                .map(l -> Double.parseDouble(l.strip().substring(0, l.strip().indexOf('%')))).toList();
        assertThat(shares).isNotEmpty().isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(shares.stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(100.0, org.assertj.core.api.Assertions.within(0.5));

        // --cached with different parameters finds no stored run: answers are missing, nothing is called
        CliRunner.Result cachedOnly = cli("replay", "--policy", "cheap-first", "--dataset", "mini", "--cached",
                "--json", "--max-tokens", "9", "--min-pass-rate", "0.5");
        assertThat(cachedOnly.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(calls.get()).isEqualTo(6);
        assertThat(JSON.readTree(cachedOnly.out()).path("summary").path("missingAnswers").asInt()).isEqualTo(6);

        CliRunner.Result compare = cli("replay", "compare", Long.toString(firstId), Long.toString(secondId), "--json");
        assertThat(compare.code()).as(compare.err()).isZero();
        JsonNode cmp = JSON.readTree(compare.out()).path("compare");
        assertThat(cmp.path("matched").asInt()).isEqualTo(3);
        assertThat(cmp.path("routeChanged").asInt()).isZero();

        Path html = dir.resolve("report.html");
        CliRunner.Result export = cli("replay", "export", Long.toString(firstId), "-o", html.toString()); // ".html"
        assertThat(export.code()).as(export.err()).isZero();
        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<svg").contains("cheap-first v1")
                .contains("What is six times seven");
        assertThat(page).doesNotContain("<script").doesNotContain("<link").doesNotContain("src=")
                .doesNotContain("href=").doesNotContain("url(").doesNotContain("http");
        CliRunner.Result csv = cli("replay", "export", Long.toString(firstId), "--format", "csv");
        assertThat(csv.out().lines().findFirst().orElse("")).startsWith("position,prompt,reference");
        assertThat(csv.out().lines().count()).isEqualTo(4);
        CliRunner.Result json = cli("replay", "export", Long.toString(firstId), "--format", "json");
        assertThat(JSON.readTree(json.out()).path("chart").path("points").size()).isGreaterThanOrEqualTo(5);
        assertThat(cli("replay", "export", "999", "--format", "csv").code()).isEqualTo(ExitCodes.INPUT);
        CliRunner.Result noFormat = cli("replay", "export", Long.toString(firstId));
        assertThat(noFormat.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noFormat.err()).contains("Give --format csv|json|html, or an output file (-o) whose name ends in .csv,"
                + " .json or .html.");
        assertThat(cli("replay", "list").out()).contains("cheap-first v1");
    }

    @Test
    void unknownDatasetAndPolicyAreInputErrorsAndMissingOptionsAUsageError() throws Exception {
        files();
        assertThat(cli("replay", "--policy", "cheap-first", "--dataset", "nope").code()).isEqualTo(ExitCodes.INPUT);
        CliRunner.Result noPolicy = cli("replay", "--policy", "ghost", "--dataset", dir.resolve("prompts.jsonl").toString());
        assertThat(noPolicy.code()).isEqualTo(ExitCodes.INPUT);
        assertThat(noPolicy.err()).contains("ghost");
        assertThat(cli("replay", "--dataset", "x").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli("replay", "--policy", "p", "--dataset", "d", "--min-pass-rate", "95").code())
                .isEqualTo(ExitCodes.USAGE);
        CliRunner.Result show = cli("dataset", "show", "prompts");
        assertThat(show.code()).isEqualTo(ExitCodes.INPUT);
        cli("dataset", "import", dir.resolve("prompts.jsonl").toString());
        assertThat(cli("dataset", "show", "prompts").out()).contains("Say hi").contains("numeric")
                .doesNotContain("--limit");
        assertThat(cli("dataset", "show", "prompts", "--limit", "1").out())
                .contains("items (the first 1 below; --limit N for more)");
        assertThat(cli("dataset", "list").out()).contains("prompts");
    }
}
