package dev.switchyard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code switchyard run} end to end: real HTTP on loopback, a real workspace file. */
class RunCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "sk-test-PLANTED-cli-0123456789abcdef";
    private static final Map<String, String> ENV = Map.of("TEST_GATEWAY_KEY", KEY);

    @TempDir
    Path dir;
    private final MockWebServer server = new MockWebServer();
    private Path ws;

    @BeforeEach
    void start() throws Exception {
        server.start();
        ws = dir.resolve("runs.switchyard");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static String openAiStream(String model, List<String> pieces, int promptTokens, int completionTokens) {
        StringBuilder sb = new StringBuilder();
        for (String p : pieces) {
            sb.append("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"").append(model)
                    .append("\",\"choices\":[{\"index\":0,\"delta\":{\"content\":").append(JSON.valueToTree(p).toString())
                    .append("},\"finish_reason\":null}]}\n\n");
        }
        sb.append("data: {\"id\":\"c1\",\"model\":\"").append(model)
                .append("\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        if (promptTokens >= 0) {
            sb.append("data: {\"id\":\"c1\",\"model\":\"").append(model).append("\",\"choices\":[],\"usage\":{\"prompt_tokens\":")
                    .append(promptTokens).append(",\"completion_tokens\":").append(completionTokens)
                    .append(",\"total_tokens\":").append(promptTokens + completionTokens).append("}}\n\n");
        }
        sb.append("data: [DONE]\n\n");
        return sb.toString();
    }

    static MockResponse sse(String body) {
        return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(body).build();
    }

    private List<String> inline(String model, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "-w", ws.toString(), "--json", "--prompt", "Say hello",
                "--base-url", server.url("/v1").toString(), "--api-model", model, "--api-key-env", "TEST_GATEWAY_KEY"));
        args.addAll(List.of(extra));
        return args;
    }

    private CliRunner.Result run(List<String> args) {
        return CliRunner.run(ENV, args.toArray(String[]::new));
    }

    @Test
    void inlineModelStreamsIsPricedAndStored() throws Exception {
        server.enqueue(sse(openAiStream("gpt-4o-mini-2024-07-18", List.of("Hel", "lo", " there", "!"), 12, 4)));

        CliRunner.Result r = run(inline("gpt-4o-mini", "--price-in", "0.15", "--price-out", "0.60", "--max-tokens", "50"));

        assertThat(r.code()).as(r.err() + r.out()).isZero();
        JsonNode node = JSON.readTree(r.out());
        assertThat(node.path("ok").asBoolean()).isTrue();
        JsonNode run = node.path("runs").get(0);
        assertThat(run.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(run.path("output_text").asText()).isEqualTo("Hello there!");
        assertThat(run.path("input_tokens").asInt()).isEqualTo(12);
        assertThat(run.path("output_tokens").asInt()).isEqualTo(4);
        assertThat(run.path("tokens_estimated").asBoolean()).isFalse();
        assertThat(run.path("cost_usd").asDouble()).isCloseTo((12 * 0.15 + 4 * 0.60) / 1e6, within(1e-12));
        assertThat(run.path("cost_kind").asText()).isEqualTo("api");
        assertThat(run.path("http_attempts").asInt()).isEqualTo(1);
        assertThat(run.path("outcome").path("finishReason").asText()).isEqualTo("stop");
        assertThat(run.path("outcome").path("servedModel").asText()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(run.path("ttft_ms").isNumber()).isTrue();
        assertThat(run.path("total_ms").asLong()).isGreaterThanOrEqualTo(run.path("ttft_ms").asLong());

        RecordedRequest req = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        JsonNode body = JSON.readTree(req.getBody().utf8());
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("max_tokens").asInt()).isEqualTo(50);

        JsonNode info = JSON.readTree(CliRunner.run("workspace", "info", "-w", ws.toString(), "--json").out());
        assertThat(info.path("counts").path("runs").asInt()).isEqualTo(1);
        assertThat(info.path("counts").path("comparisons").asInt()).isEqualTo(1);
        assertThat(storedSystemTexts()).as("sent without a system message").containsExactly("");
    }

    @Test
    void eachRunsJsonNamesTheTimeLimitsItRanWithAsTheHistoryExportDoes() throws Exception {
        server.enqueue(sse(openAiStream("gpt-4o-mini", List.of("Hi"), 3, 1)));

        CliRunner.Result r = run(inline("gpt-4o-mini"));

        assertThat(r.code()).as(r.err() + r.out()).isZero();
        JsonNode run = JSON.readTree(r.out()).path("runs").get(0);
        assertThat(run.path("time_limits").asText())
                .isEqualTo("connect 10 s · first token 60 s · idle gap 30 s · total 10 min");
        assertThat(run.path("connect_limit_ms").asLong()).isEqualTo(10_000);
        assertThat(run.path("first_token_limit_ms").asLong()).isEqualTo(60_000);
        assertThat(run.path("idle_limit_ms").asLong()).isEqualTo(30_000);
        assertThat(run.path("total_limit_ms").asLong()).isEqualTo(600_000);

        Path out = dir.resolve("runs.json");
        CliRunner.Result export = CliRunner.run("history", "export", "-w", ws.toString(), "--format", "json", "-o",
                out.toString());
        assertThat(export.code()).as(export.err()).isZero();
        JsonNode exported = JSON.readTree(Files.readString(out)).get(0);
        for (String field : List.of("time_limits", "connect_limit_ms", "first_token_limit_ms", "idle_limit_ms",
                "total_limit_ms")) {
            assertThat(run.get(field)).as(field).isEqualTo(exported.get(field));
        }
    }

    @Test
    void aReasoningModelByIdGetsItsCatalogQuirksBehindAnyBaseUrl() throws Exception {
        server.enqueue(sse(openAiStream("o1-mini", List.of("42"), 20, 130)));

        CliRunner.Result r = run(inline("o1-mini", "--temperature", "0.7", "--max-tokens", "500", "--system", "Be brief."));

        assertThat(r.code()).as(r.err() + r.out()).isZero();
        JsonNode body = JSON.readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
        assertThat(body.has("temperature")).isFalse();
        assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(500);
        assertThat(body.has("max_tokens")).isFalse();
        assertThat(storedSystemTexts()).as("the system message sent, stored with the run").containsExactly("Be brief.");
    }

    private List<String> storedSystemTexts() {
        try (Workspace w = Workspace.open(ws)) {
            return w.runs().page(RunQuery.latest()).items().stream().map(Run::systemText).toList();
        }
    }

    @Test
    void aModelWithoutAPriceSaysSoInsteadOfZero() throws Exception {
        server.enqueue(sse(openAiStream("my-own-model", List.of("ok"), 5, 1)));

        JsonNode run = JSON.readTree(run(inline("my-own-model")).out()).path("runs").get(0);

        assertThat(run.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(run.path("cost_usd").isNull()).isTrue();
    }

    @Test
    void missingUsageIsEstimatedAndFlagged() throws Exception {
        server.enqueue(sse(openAiStream("gpt-4o-mini", List.of("Hello", " world"), -1, 0)));

        JsonNode run = JSON.readTree(run(inline("gpt-4o-mini")).out()).path("runs").get(0);

        assertThat(run.path("tokens_estimated").asBoolean()).isTrue();
        assertThat(run.path("output_tokens").asInt()).isPositive();
        assertThat(run.path("input_tokens").asInt()).isPositive();
    }

    @Test
    void anUnsetKeyVariableFailsTheRunWithoutCallingTheServer() throws Exception {
        List<String> args = inline("gpt-4o-mini");
        args.set(args.indexOf("TEST_GATEWAY_KEY"), "NOT_SET_ANYWHERE");

        CliRunner.Result r = run(args);

        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        JsonNode run = JSON.readTree(r.out()).path("runs").get(0);
        assertThat(run.path("status").asText()).isEqualTo("FAILED");
        assertThat(run.path("error_message").asText()).contains("NOT_SET_ANYWHERE");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void rateLimitThenSuccessCountsTwoAttempts() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0")
                .addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}").build());
        server.enqueue(sse(openAiStream("gpt-4o-mini", List.of("fine"), 3, 1)));

        JsonNode run = JSON.readTree(run(inline("gpt-4o-mini")).out()).path("runs").get(0);

        assertThat(run.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(run.path("http_attempts").asInt()).isEqualTo(2);
    }

    @Test
    void theTextOutputCountsHttpAttemptsInWords() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build());
        server.enqueue(sse(openAiStream("gpt-4o-mini", List.of("fine"), 3, 1)));
        server.enqueue(sse(openAiStream("gpt-4o-mini", List.of("again"), 3, 1)));

        List<String> twoAttempts = inline("gpt-4o-mini");
        twoAttempts.remove("--json");
        List<String> oneAttempt = new ArrayList<>(twoAttempts);

        assertThat(run(twoAttempts).out()).contains("· 2 HTTP attempts").doesNotContain("attempt(s)");
        assertThat(run(oneAttempt).out()).contains("· 1 HTTP attempt\n").doesNotContain("attempt(s)");
    }

    @Test
    void aStreamThatBreaksAfterTokensKeepsThePartialAnswer() throws Exception {
        String body = openAiStream("gpt-4o-mini", List.of("The answer", " is being", " written"), 5, 3);
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                .body(body.substring(0, body.indexOf(" written") - 40))
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());

        CliRunner.Result r = run(inline("gpt-4o-mini"));

        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        JsonNode run = JSON.readTree(r.out()).path("runs").get(0);
        assertThat(run.path("status").asText()).isEqualTo("INCOMPLETE");
        assertThat(run.path("output_text").asText()).startsWith("The answer");
        assertThat(run.path("error_kind").asText()).isNotBlank();
    }

    @Test
    void repeatRunsEachModelNTimesAndAConfiguredModelIsFoundByName() throws Exception {
        for (int i = 0; i < 4; i++) {
            server.enqueue(sse(openAiStream("gpt-4o-mini", List.of("r" + i), 3, 1)));
        }
        assertThat(run(inline("gpt-4o-mini")).code()).isZero();

        CliRunner.Result r = CliRunner.run(ENV, "run", "-w", ws.toString(), "--json", "--prompt", "again",
                "--model", "gpt-4o-mini", "--repeat", "3");

        assertThat(r.code()).as(r.err() + r.out()).isZero();
        JsonNode runs = JSON.readTree(r.out()).path("runs");
        assertThat(runs).hasSize(3);
        assertThat(runs.findValuesAsText("status")).containsOnly("COMPLETED");
        assertThat(runs.findValues("repeat_index")).extracting(JsonNode::asInt).containsExactly(0, 1, 2);
    }

    @Test
    void anUnknownModelIsAnInputErrorListingWhatIsKnown() {
        CliRunner.Result r = CliRunner.run(ENV, "run", "-w", ws.toString(), "--prompt", "hi", "--model", "gpt-9");
        assertThat(r.code()).isEqualTo(ExitCodes.INPUT);
        assertThat(r.err()).contains("gpt-9");
    }

    @Test
    void aMistypedCommandLineSaysWhatIsWrongAndWhereTheOptionsAreWithoutTheWholeHelp() {
        CliRunner.Result hot = CliRunner.run(ENV, "run", "-w", ws.toString(), "--prompt", "hi", "--temperature", "hot");
        assertThat(hot.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(hot.err()).contains("'hot' is not a double").contains("Run 'switchyard run --help' for its options.")
                .doesNotContain("Usage:");
        CliRunner.Result typo = CliRunner.run(ENV, "run", "-w", ws.toString(), "--prompt", "hi", "--temprature", "0.2");
        assertThat(typo.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(typo.err()).contains("--temprature").contains("--temperature");
        CliRunner.Result empty = CliRunner.run(ENV, "run", "-w", ws.toString(), "--prompt", " ", "--model", "gpt-9");
        assertThat(empty.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(empty.err()).contains("The prompt is empty");
        assertThat(CliRunner.run(ENV, "route", "-w", ws.toString(), "--prompt", "").err()).contains("The prompt is empty");
    }

    /** A 403 is a key without access, not a wrong key; the stored message keeps the provider's words. */
    @Test
    void aForbiddenModelSaysTheKeyLacksAccessInTheProvidersWords() throws Exception {
        server.enqueue(new MockResponse.Builder().code(403).addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"Project proj_1 does not have access to model gpt-4o\","
                        + "\"type\":\"invalid_request_error\",\"code\":\"model_not_found\"}}").build());

        CliRunner.Result r = run(inline("gpt-4o"));

        JsonNode run = JSON.readTree(r.out()).path("runs").get(0);
        assertThat(run.path("error_kind").asText()).isEqualTo("authentication");
        assertThat(run.path("error_message").asText())
                .doesNotContain("rejected the API key")
                .startsWith("The provider refused this API key access to the model or endpoint")
                .endsWith("The provider said: \u201cProject proj_1 does not have access to model gpt-4o\u201d (HTTP 403).");
    }

    @Test
    void thePlantedKeyAppearsNowhere() throws Exception {
        server.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY.substring(0, 12) + "****\"}}").build());
        CliRunner.Result r = run(inline("gpt-4o-mini"));
        Path export = dir.resolve("export.json");
        CliRunner.run("workspace", "export", "-w", ws.toString(), "-o", export.toString());

        assertThat(r.out() + r.err()).doesNotContain(KEY);
        assertThat(Files.readString(export)).doesNotContain(KEY).contains("env:TEST_GATEWAY_KEY");
        assertThat(Files.readAllBytes(ws)).asString().doesNotContain(KEY);
        assertThat(JSON.readTree(r.out()).path("runs").get(0).path("error_kind").asText()).isEqualTo("authentication");
    }

    /** The pane's advice, with the command a terminal user has instead of Models and providers; once, after the error. */
    @Test
    void aRefusedKeyPrintsTheSetKeyCommandAfterTheErrorAndInJson() throws Exception {
        server.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"Incorrect API key provided\"}}").build());
        server.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"Incorrect API key provided\"}}").build());
        List<String> text = inline("gpt-4o-mini");
        text.remove("--json");

        CliRunner.Result r = run(text);

        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        String w = " -w " + ws.toAbsolutePath();
        String provider = "'Custom (" + server.url("/v1").host() + ")'";
        String advice = "Check the provider's key (switchyard providers list" + w + " shows where it lives), or give it "
                + "one with: switchyard providers set-key " + provider + " --keyring" + w + " (or --key-ref env:VAR); "
                + "then run again.";
        List<String> lines = r.out().lines().toList();
        assertThat(lines).as(r.out()).contains("   " + advice);
        assertThat(lines.get(lines.indexOf("   " + advice) - 1)).as("right after the error")
                .contains("Incorrect API key provided");
        assertThat(r.out().split("providers set-key", -1)).as("said once").hasSize(2);
        assertThat(r.out()).doesNotContain("Models and providers");

        JsonNode run = JSON.readTree(run(inline("gpt-4o-mini")).out()).path("runs").get(0);
        assertThat(run.path("error_kind").asText()).isEqualTo("authentication");
        assertThat(run.path("advice").asText()).isEqualTo(advice);
        assertThat(run.path("cli_fix").isNull()).isTrue();

        // the set-key command it names finds the provider
        CliRunner.Result set = CliRunner.run("providers", "set-key", "Custom (" + server.url("/v1").host() + ")", "--key-ref",
                "env:OTHER_KEY", "-w", ws.toString());
        assertThat(set.code()).as(set.err()).isZero();
    }
}
