package dev.switchyard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchyard.app.engine.GenerationParams;
import dev.switchyard.app.run.RunService;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.CostKind;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunCost;
import dev.switchyard.workspace.model.RunMetrics;
import dev.switchyard.workspace.model.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay --cached} over stored runs of a cloud model that had no price: the terminal and the JSON say its cost
 * is unknown (or at least the known part) instead of 0, and the savings line compares pass rates side by side.
 */
class ReplayUnpricedCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] PROMPTS = {"lights on", "lights off", "summarise the meeting notes",
            "plan a three day trip to Lisbon please"};

    @TempDir
    Path dir;
    private String ws;

    @BeforeEach
    void seed() throws Exception {
        ws = dir.resolve("unpriced.switchyard").toString();
        try (Workspace w = Workspace.open(Path.of(ws))) {
            Provider device = w.providers().insert(Provider.of(ProviderKind.LOCAL, "device", null, null, null));
            Model tiny = w.models().insert(Model.of(device.id(), "tiny", "tiny", ModelKind.LOCAL_GENERATIVE, 2048, null, "{}"));
            Provider gateway = w.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "gateway",
                    "http://127.0.0.1:9/v1", "env:NOT_USED", null));
            Model cloud = w.models().insert(Model.of(gateway.id(), "gpt-x", "gpt-x", ModelKind.CLOUD, 8192, null, "{}"));
            for (int i = 0; i < PROMPTS.length; i++) {
                // tiny: right on the short prompts, device cost $0.001 a run; gpt-x: no price, right on the first only
                store(w, tiny, PROMPTS[i], i < 2 ? "ok" : "no idea", 0.001);
                store(w, cloud, PROMPTS[i], i == 0 ? "ok" : "no idea", null);
            }
        }
        StringBuilder jsonl = new StringBuilder();
        for (String p : PROMPTS) {
            jsonl.append("{\"prompt\":\"").append(p).append("\",\"reference\":\"ok\",\"grader\":\"contains\"}\n");
        }
        Files.writeString(dir.resolve("prompts.jsonl"), jsonl);
        Files.writeString(dir.resolve("short-local.json"), """
                {"schema_version": 1, "name": "short-local",
                 "rules": [{"name": "short", "when": {"type": "prompt_chars", "op": "le", "value": 12},
                            "then": {"type": "route", "target": "tiny"}}],
                 "default": {"type": "route", "target": "gpt-x"}}
                """);
    }

    private static void store(Workspace w, Model m, String prompt, String answer, Double cost) {
        Run r = Run.created(m.id(), prompt, RunService.parametersJson(GenerationParams.DEFAULTS))
                .withOutput(RunStatus.COMPLETED, answer, null)
                .finished(RunStatus.COMPLETED, null, RunMetrics.of(0, 10, 40, 10, 5),
                        new RunCost(cost, cost == null ? null : m.kind() == ModelKind.CLOUD ? CostKind.API
                                : CostKind.DEVICE, null), false, 1, java.time.Instant.now());
        w.runs().insert(r);
    }

    private CliRunner.Result replay(String... more) {
        String[] base = {"replay", "-w", ws, "--policy", dir.resolve("short-local.json").toString(), "--dataset",
                dir.resolve("prompts.jsonl").toString(), "--cached"};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return CliRunner.run(all);
    }

    @Test
    void theTextAndTheJsonSayTheCostIsUnknownNotZero() throws Exception {
        CliRunner.Result text = replay();
        assertThat(text.code()).as(text.err() + text.out()).isZero();
        // policy: two local answers at $0.001 known, two gpt-x answers unpriced → ">=0.0020" in total
        assertThat(text.out()).containsPattern("policy\\s+50\\.0%\\s+>=0\\.0020\\s+>=0\\.5000");
        assertThat(text.out()).containsPattern("all-cloud \\(gpt-x\\)\\s+25\\.0%\\s+unknown\\s+unknown");
        assertThat(text.out()).containsPattern("all-local \\(tiny\\)\\s+50\\.0%\\s+0\\.0040\\s+1\\.0000");
        assertThat(text.out()).contains("Cost unknown for the answers of gpt-x")
                .contains("The policy passes 50% vs all-cloud (gpt-x) 25%; the saving is unknown")
                .doesNotContain("200.0%");

        CliRunner.Result json = replay("--json", "--items");
        assertThat(json.code()).as(json.err()).isZero();
        JsonNode summary = JSON.readTree(json.out()).path("summary");
        assertThat(summary.path("policy").path("unpriced").asInt()).isEqualTo(2);
        assertThat(summary.path("policy").path("costUsd").asDouble()).isEqualTo(0.002);
        assertThat(summary.path("unpricedModels").get(0).asText()).isEqualTo("gpt-x");
        assertThat(summary.path("savings").path("costUnknown").asBoolean()).isTrue();
        assertThat(summary.path("savings").path("costReduction").isNull()).isTrue();
        assertThat(summary.path("savings").path("policyPassRate").asDouble()).isEqualTo(0.5);
        JsonNode last = JSON.readTree(json.out()).path("items").get(3);
        assertThat(last.path("unpriced").asBoolean()).isTrue();
        assertThat(last.path("answers").path("gpt-x").path("costUsd").isNull()).isTrue();
        assertThat(last.path("answers").path("tiny").path("costUsd").asDouble()).isEqualTo(0.001);
    }

    @Test
    void aCostGateCannotPassOnAnUnknownCost() throws Exception {
        CliRunner.Result gated = replay("--max-cost-per-1k", "5");
        assertThat(gated.code()).as(gated.out()).isEqualTo(ExitCodes.FAILED);
        assertThat(gated.out()).contains("Gate max-cost-per-1k: MISSED").contains("no price");
    }

    /** gpt-x's provider reads its key from an environment variable that is not set: the estimate warns first. */
    @Test
    void aLiveReplayWarnsOfAModelThatCannotRunNowBeforeItsEstimate() throws Exception {
        CliRunner.Result live = CliRunner.run("replay", "-w", ws, "--policy", dir.resolve("short-local.json").toString(),
                "--dataset", dir.resolve("prompts.jsonl").toString(), "--live", "--yes", "--no-baselines");
        assertThat(live.err()).as(live.err() + live.out())
                .contains("Warning: ").contains("cannot run now")
                .contains("gpt-x (2 planned calls): ").contains("NOT_USED");
        assertThat(live.err().indexOf("Warning: ")).isLessThan(live.err().indexOf("cloud calls"));
    }

    /**
     * The command line says offline as the app's status bar does: a keyless cloud provider whose host cannot be reached
     * (".invalid" never resolves) makes its model "Offline" in the warning, though a network interface is up.
     */
    @Test
    void aLiveReplayNamesACloudModelWhoseHostDoesNotAnswerAsOffline() throws Exception {
        try (Workspace w = Workspace.open(Path.of(ws))) {
            Provider away = w.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "far gateway",
                    "https://gateway.invalid/v1", null, null));
            w.models().insert(Model.of(away.id(), "gpt-far", "gpt-far", ModelKind.CLOUD, 8192, null, "{}"));
        }
        Files.writeString(dir.resolve("far.json"), """
                {"schema_version": 1, "name": "far", "rules": [], "default": {"type": "route", "target": "gpt-far"}}
                """);
        CliRunner.Result live = CliRunner.run("replay", "-w", ws, "--policy", dir.resolve("far.json").toString(),
                "--dataset", dir.resolve("prompts.jsonl").toString(), "--live", "--no-baselines", "--json");
        // not confirmed (no --yes): the JSON error asks for it and carries the warning
        String message = JSON.readTree(live.out()).path("error").path("message").asText();
        assertThat(message).as(live.out() + live.err()).contains("Add --yes to confirm. Warning: ")
                .contains("gpt-far (" + PROMPTS.length + " planned calls): Offline");
    }

    /**
     * {@code replay --json} carries the same warning as the terminal's: {@code blocked} lists each model that cannot
     * run now with its planned calls, why and the fix, {@code warning} the sentence; a replay that calls nothing has
     * none. Without {@code --yes}, the refusal says the warning too. The replay keeps them: its JSON export has them.
     */
    @Test
    void theJsonCarriesTheModelsThatCannotRunNow() throws Exception {
        String[] live = {"replay", "-w", ws, "--policy", dir.resolve("short-local.json").toString(),
                "--dataset", dir.resolve("prompts.jsonl").toString(), "--live", "--no-baselines", "--json"};
        CliRunner.Result refused = CliRunner.run(live);
        assertThat(refused.code()).as(refused.out()).isEqualTo(ExitCodes.USAGE);
        JsonNode error = JSON.readTree(refused.out()).path("error");
        assertThat(error.path("message").asText()).contains("Add --yes to confirm. Warning: ")
                .contains("gpt-x (2 planned calls): ");

        String[] confirmed = java.util.Arrays.copyOf(live, live.length + 1);
        confirmed[live.length] = "--yes";
        CliRunner.Result run = CliRunner.run(confirmed);
        JsonNode out = JSON.readTree(run.out());
        assertThat(out.path("ok").asBoolean()).as(run.out()).isTrue();
        JsonNode gptx = null;
        for (JsonNode b : out.path("blocked")) {
            if (b.path("model").asText().equals("gpt-x")) {
                gptx = b;
            }
        }
        assertThat(gptx).as(out.path("blocked").toString()).isNotNull();
        assertThat(gptx.path("calls").asInt()).isEqualTo(2);
        assertThat(gptx.path("possible").asInt()).isZero();
        assertThat(gptx.path("reason").asText()).contains("NOT_USED");
        assertThat(gptx.path("fix").asText()).isNotBlank();
        assertThat(out.path("warning").asText()).contains("cannot run now")
                .contains("gpt-x (2 planned calls): " + gptx.path("reason").asText());

        // kept with the replay: its JSON export (the Replay screen's too, ReplayExports) says it as well
        Path exported = dir.resolve("export.json");
        CliRunner.Result export = CliRunner.run("replay", "export", out.path("replay").path("id").asText(), "-w", ws,
                "--format", "json", "-o", exported.toString());
        assertThat(export.code()).as(export.err()).isZero();
        JsonNode report = JSON.readTree(Files.readString(exported));
        assertThat(report.path("blocked")).isEqualTo(out.path("blocked"));
        assertThat(report.path("warning").asText()).isEqualTo(out.path("warning").asText());

        JsonNode cached = JSON.readTree(replay("--json").out());
        assertThat(cached.path("blocked").isArray()).isTrue();
        assertThat(cached.path("blocked")).isEmpty();
        assertThat(cached.path("warning").isNull()).isTrue();
    }

    /**
     * A cached replay makes no answer call, but an LLM judge grades every answer live: a judge that cannot run now (its
     * key is in an unset environment variable) is named in the warning with its calls, marked "(judge)".
     */
    @Test
    void aJudgeThatCannotRunNowIsNamedToo() throws Exception {
        CliRunner.Result run = replay("--grader", "judge", "--judge", "gpt-x", "--no-baselines", "--yes", "--json");
        JsonNode out = JSON.readTree(run.out());
        assertThat(out.path("blocked")).as(run.out()).hasSize(1);
        JsonNode judge = out.path("blocked").get(0);
        assertThat(judge.path("model").asText()).isEqualTo("gpt-x (judge)");
        assertThat(judge.path("calls").asInt()).isEqualTo(PROMPTS.length); // one grade per policy answer
        assertThat(judge.path("reason").asText()).contains("NOT_USED");
        assertThat(out.path("warning").asText()).contains("gpt-x (judge) (" + PROMPTS.length + " planned calls): ");
    }
}
