package dev.switchyard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code route}, {@code policy …} and {@code run --policy} end to end on a real workspace file. */
class RoutingCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ENV = Map.of("TEST_GATEWAY_KEY", "sk-test");

    @TempDir
    Path dir;
    private final MockWebServer server = new MockWebServer();
    private Path ws;

    @BeforeEach
    void start() throws Exception {
        server.start();
        ws = dir.resolve("routing.switchyard");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRunner.Result cli(String... args) {
        return CliRunner.run(ENV, args);
    }

    private void addCloudModel(String model) {
        server.enqueue(RunCommandTest.sse(RunCommandTest.openAiStream(model, List.of("ok"), 1, 1)));
        assertThat(cli("run", "-w", ws.toString(), "--json", "--prompt", "hi", "--base-url", server.url("/v1").toString(),
                "--api-model", model, "--api-key-env", "TEST_GATEWAY_KEY").code()).isZero();
    }

    private Path file(String name, String body) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, body);
        return f;
    }

    @Test
    void routePrintsTheDecisionAndTraceWithoutRunning() throws Exception {
        Path policy = file("p.json", """
                {"schema_version": 1, "name": "p", "rules": [
                  {"name": "long", "when": {"type": "prompt_chars", "op": "gt", "value": 20}, "then": {"type": "route", "target": "intent:customer-support"}},
                  {"name": "lights", "when": {"type": "intent", "intent_set": "smart-home", "min_confidence": 0.6}, "then": {"type": "route", "target": "intent:smart-home"}}
                ], "default": {"type": "route", "target": "intent:customer-support"}}
                """);

        CliRunner.Result r = cli("route", "-w", ws.toString(), "--policy", policy.toString(), "--prompt", "lights on please",
                "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = JSON.readTree(r.out());
        assertThat(n.path("ok").asBoolean()).isTrue();
        JsonNode d = n.path("decision");
        assertThat(d.path("rule_name").asText()).isEqualTo("lights");
        assertThat(d.path("targets").get(0).asText()).isEqualTo("intent:smart-home");
        assertThat(d.path("trace").get(0).path("when").path("observed").asText()).isEqualTo("16");
        assertThat(d.path("trace").get(1).path("when").path("passed").asBoolean()).isTrue();
        assertThat(d.path("features").has("intent[smart-home]")).isTrue();
        assertThat(n.path("first_decision_micros").isNumber()).as("the first decision's time, with any loading").isTrue();
        assertThat(JSON.readTree(cli("workspace", "info", "-w", ws.toString(), "--json").out())
                .path("counts").path("runs").asInt()).isZero();

        JsonNode byTemplate = JSON.readTree(cli("route", "-w", ws.toString(), "--policy", "template:cascade", "--prompt",
                "```\nx = 1;\ny = 2;\n```", "--json").out());
        assertThat(byTemplate.path("decision").path("rule_name").asText()).isEqualTo("code never stays local");
        CliRunner.Result text = cli("route", "-w", ws.toString(), "--policy", policy.toString(), "--prompt", "lights on please");
        assertThat(text.out()).contains("Rule 2 (lights) matched").contains("✘ rule 1 (long)")
                .containsPattern("decided in [0-9.]+ (µs|ms|s)");
    }

    /**
     * {@code --network auto} (the default) sees what the app's status bar sees: with a cloud provider whose host cannot
     * be reached (".invalid" never resolves) the machine is offline even with a network interface up; a provider on
     * this machine (the loopback gateway) needs no network.
     */
    @Test
    void routeSeesOfflineWhenNoCloudProvidersHostAnswers() throws Exception {
        Path policy = file("net.json", """
                {"schema_version": 1, "name": "net", "rules": [
                  {"name": "offline", "when": {"type": "network", "state": "offline"}, "then": {"type": "route", "target": "intent:smart-home"}}
                ], "default": {"type": "route", "target": "intent:customer-support"}}
                """);
        addCloudModel("loopback-model");
        JsonNode here = JSON.readTree(cli("route", "-w", ws.toString(), "--policy", policy.toString(), "--prompt", "hi",
                "--json").out());
        assertThat(here.path("decision").path("targets").get(0).asText()).as("only a provider on this machine: online")
                .isEqualTo("intent:customer-support");

        try (dev.switchyard.workspace.Workspace w = dev.switchyard.workspace.Workspace.open(ws)) {
            w.providers().insert(dev.switchyard.workspace.model.Provider.of(
                    dev.switchyard.workspace.model.ProviderKind.OPENAI_COMPATIBLE, "far gateway", "https://gateway.invalid/v1",
                    null, null));
        }
        JsonNode away = JSON.readTree(cli("route", "-w", ws.toString(), "--policy", policy.toString(), "--prompt", "hi",
                "--json").out());
        assertThat(away.path("decision").path("rule_name").asText()).isEqualTo("offline");
        assertThat(away.path("decision").path("targets").get(0).asText()).isEqualTo("intent:smart-home");
        JsonNode told = JSON.readTree(cli("route", "-w", ws.toString(), "--policy", policy.toString(), "--prompt", "hi",
                "--network", "online", "--json").out());
        assertThat(told.path("decision").path("targets").get(0).asText()).isEqualTo("intent:customer-support");
    }

    @Test
    void validateListsEachProblemWithItsPathAndExitsOne() throws Exception {
        Path bad = file("bad.json", """
                {"schema_version": 1, "rules": [
                  {"when": {"type": "any", "any": [{"type": "regex", "pattern": "(oops"}]}, "then": {"type": "route", "target": "gpt-9"}},
                  {"then": {"type": "split", "weights": [{"target": "intent:smart-home", "weight": 50}]}}
                ], "default": {"type": "fallback", "chain": []}}
                """);

        CliRunner.Result r = cli("policy", "validate", bad.toString(), "-w", ws.toString(), "--json");

        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        JsonNode problems = JSON.readTree(r.out()).path("problems");
        assertThat(problems.findValuesAsText("path")).containsExactly("/rules/0/when/any/0/pattern", "/rules/0/then/target",
                "/rules/1/then/weights", "/default/chain");
        CliRunner.Result text = cli("policy", "validate", bad.toString(), "-w", ws.toString());
        assertThat(text.out()).contains("/rules/0/when/any/0/pattern: The regular expression does not compile");

        Path broken = file("broken.json", "{\"schema_version\": 1, \"rules\": [");
        assertThat(cli("policy", "validate", broken.toString(), "-w", ws.toString()).out()).contains("not valid JSON");
    }

    @Test
    void saveListShowDiffRestoreAndTemplates() throws Exception {
        Path v1 = file("v1.json", "{\"schema_version\":1,\"rules\":[],\"default\":{\"type\":\"route\",\"target\":\"intent:smart-home\"}}");
        Path v2 = file("v2.json", "{\"schema_version\":1,\"rules\":[],\"default\":{\"type\":\"route\",\"target\":\"intent:customer-support\"}}");
        assertThat(cli("policy", "save", v1.toString(), "--name", "home", "--note", "first", "-w", ws.toString()).code()).isZero();
        assertThat(cli("policy", "save", v2.toString(), "--name", "home", "--note", "support", "-w", ws.toString()).code()).isZero();

        JsonNode list = JSON.readTree(cli("policy", "list", "-w", ws.toString(), "--json").out()).path("policies");
        assertThat(list.findValuesAsText("name")).containsExactly("home", "tiered");
        JsonNode diff = JSON.readTree(cli("policy", "diff", "home", "1", "2", "-w", ws.toString(), "--json").out());
        assertThat(diff.path("changes").get(0).path("path").asText()).isEqualTo("/default/target");
        assertThat(diff.path("changes").get(0).path("after").asText()).isEqualTo("intent:customer-support");
        assertThat(JSON.readTree(cli("policy", "restore", "home", "1", "-w", ws.toString(), "--json").out())
                .path("version").asInt()).isEqualTo(3);
        JsonNode show = JSON.readTree(cli("policy", "show", "home", "-w", ws.toString(), "--json").out());
        assertThat(show.path("policy").path("default").path("target").asText()).isEqualTo("intent:smart-home");
        assertThat(show.path("versions")).hasSize(3);
        // without --json the policy alone is on standard output, so show > file, edit, save round-trips
        CliRunner.Result shown = cli("policy", "show", "home", "-w", ws.toString());
        assertThat(JSON.readTree(shown.out()).path("default").path("target").asText()).isEqualTo("intent:smart-home");
        assertThat(shown.err()).contains("home v3 of 3:").contains("v1 ").contains("first");
        Path edited = file("edited.json", shown.out().replace("intent:smart-home", "intent:customer-support"));
        assertThat(cli("policy", "save", edited.toString(), "--name", "home", "-w", ws.toString()).code()).isZero();
        assertThat(JSON.readTree(cli("policy", "show", "home", "-w", ws.toString(), "--json").out()).path("version").asInt())
                .isEqualTo(4);

        JsonNode templates = JSON.readTree(cli("policy", "templates", "-w", ws.toString(), "--json").out()).path("templates");
        assertThat(templates.findValuesAsText("name")).containsExactly("tiered", "offline-fallback", "cascade",
                "specialist-split", "cost-cap", "latency-guard");
        assertThat(templates.get(0).path("problems").get(0).path("message").asText()).contains("$cloud-");
        assertThat(cli("policy", "show", "nope", "-w", ws.toString()).code()).isEqualTo(ExitCodes.INPUT);
    }

    /** Saving a file the same as the latest version of the name adds no version and says which version it is. */
    @Test
    void savingTheSameFileAgainSavesNothing() throws Exception {
        Path v1 = file("v1.json", "{\"schema_version\":1,\"name\":\"other\",\"rules\":[],\"default\":{\"type\":\"route\",\"target\":\"intent:smart-home\"}}");
        Path v2 = file("v2.json", "{\"schema_version\":1,\"rules\":[],\"default\":{\"type\":\"route\",\"target\":\"intent:customer-support\"}}");
        JsonNode first = JSON.readTree(cli("policy", "save", v1.toString(), "--name", "home", "-w", ws.toString(), "--json").out());
        assertThat(first.path("version").asInt()).isEqualTo(1);
        assertThat(first.path("saved").asBoolean()).isTrue();

        CliRunner.Result again = cli("policy", "save", v1.toString(), "--name", "home", "--note", "again", "-w", ws.toString());
        assertThat(again.code()).isZero();
        assertThat(again.out().strip()).isEqualTo("Same as version 1 of home: nothing new to save.");
        JsonNode json = JSON.readTree(cli("policy", "save", v1.toString(), "--name", "home", "-w", ws.toString(), "--json").out());
        assertThat(json.path("ok").asBoolean()).isTrue();
        assertThat(json.path("name").asText()).isEqualTo("home");
        assertThat(json.path("version").asInt()).isEqualTo(1);
        assertThat(json.path("saved").asBoolean()).isFalse();
        assertThat(JSON.readTree(cli("policy", "show", "home", "-w", ws.toString(), "--json").out()).path("versions"))
                .as("no identical version added").hasSize(1);

        // a different file is a new version; the first one again then differs from the latest and is saved too
        assertThat(cli("policy", "save", v2.toString(), "--name", "home", "-w", ws.toString()).out()).contains("Saved home version 2.");
        assertThat(cli("policy", "save", v1.toString(), "--name", "home", "-w", ws.toString()).out()).contains("Saved home version 3.");
    }

    @Test
    void runWithAPolicyRoutesRunsAndReportsEveryStep() throws Exception {
        addCloudModel("first-model");
        addCloudModel("second-model");
        server.enqueue(new MockResponse.Builder().code(400).body("{\"error\":{\"message\":\"no\"}}").build());
        server.enqueue(RunCommandTest.sse(RunCommandTest.openAiStream("second-model", List.of("from ", "second"), 4, 2)));
        Path policy = file("f.json", """
                {"schema_version": 1, "rules": [
                  {"name": "device", "when": {"type": "intent", "intent_set": "smart-home", "min_confidence": 0.6}, "then": {"type": "route", "target": "intent:smart-home"}}
                ], "default": {"type": "fallback", "chain": ["first-model", "second-model"]}}
                """);
        assertThat(cli("policy", "save", policy.toString(), "--name", "fb", "-w", ws.toString()).code()).isZero();

        CliRunner.Result r = cli("run", "-w", ws.toString(), "--policy", "fb", "--prompt", "What is the meaning of life?", "--json");

        assertThat(r.code()).as(r.err() + r.out()).isZero();
        JsonNode n = JSON.readTree(r.out());
        assertThat(n.path("ok").asBoolean()).isTrue();
        assertThat(n.path("version").asInt()).isEqualTo(1);
        assertThat(n.path("route").path("action").path("type").asText()).isEqualTo("fallback");
        assertThat(n.path("steps").findValuesAsText("role")).containsExactly("fallback-1", "fallback-2");
        assertThat(n.path("runs")).hasSize(2);
        assertThat(n.path("runs").get(0).path("status").asText()).isEqualTo("FAILED");
        assertThat(n.path("runs").get(1).path("output_text").asText()).isEqualTo("from second");
        assertThat(n.path("answer_run").asText()).isEqualTo(n.path("runs").get(1).path("run").asText());

        CliRunner.Result device = cli("run", "-w", ws.toString(), "--policy", "fb", "--prompt", "turn on the kitchen lights",
                "--json");
        JsonNode d = JSON.readTree(device.out());
        assertThat(d.path("route").path("rule_name").asText()).isEqualTo("device");
        assertThat(d.path("runs").get(0).path("model").asText()).endsWith("intent:smart-home");
        // the text output prints the answer's text under the step that gave it
        CliRunner.Result text = cli("run", "-w", ws.toString(), "--policy", "fb", "--prompt", "turn on the kitchen lights");
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("· route → This device/intent:smart-home: answer")
                .contains("\nTurning on the kitchen lights.\n");
        assertThat(cli("run", "-w", ws.toString(), "--policy", "fb", "--model", "x", "--prompt", "p").code())
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void theOfflineFallbackTemplateReachesTheTinyLocalModelOfflineAndOnCloudErrors() throws Exception {
        assertThat(cli("models", "import", LocalModelCommandsTest.TINY.toString(), "-w", ws.toString(), "--id", "tiny",
                "--json").code()).isZero();
        addCloudModel("cloud-model");
        Path template = file("offline.json", cli("policy", "templates", "--show", "offline-fallback", "-w", ws.toString()).out());

        JsonNode offline = JSON.readTree(cli("run", "-w", ws.toString(), "--policy", template.toString(), "--network", "offline",
                "--prompt", "Hello there", "--max-tokens", "4", "--json").out());
        assertThat(offline.path("route").path("rule_name").asText()).isEqualTo("offline");
        assertThat(offline.path("runs")).hasSize(1);
        assertThat(offline.path("runs").get(0).path("model_kind").asText()).isEqualTo("local-generative");
        assertThat(offline.path("runs").get(0).path("status").asText()).isEqualTo("COMPLETED");
        int requestsBefore = server.getRequestCount();

        server.enqueue(new MockResponse.Builder().code(400).body("{\"error\":{\"message\":\"no\"}}").build());
        JsonNode online = JSON.readTree(cli("run", "-w", ws.toString(), "--policy", template.toString(), "--network", "online",
                "--prompt", "Hello there", "--max-tokens", "4", "--json").out());
        assertThat(server.getRequestCount()).isEqualTo(requestsBefore + 1);
        assertThat(online.path("steps").findValuesAsText("role")).containsExactly("fallback-1", "fallback-2");
        assertThat(online.path("runs").get(0).path("status").asText()).isEqualTo("FAILED");
        assertThat(online.path("runs").get(1).path("model_kind").asText()).isEqualTo("local-generative");
        assertThat(online.path("ok").asBoolean()).isTrue();
    }
}
