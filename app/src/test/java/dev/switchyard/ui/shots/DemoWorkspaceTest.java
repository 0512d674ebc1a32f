package dev.switchyard.ui.shots;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.engine.EngineRequest;
import dev.switchyard.app.engine.GenerationParams;
import dev.switchyard.app.history.ExportFormat;
import dev.switchyard.app.history.HistoryExport;
import dev.switchyard.app.history.RunPrompts;
import dev.switchyard.app.models.ModelDirectory;
import dev.switchyard.app.models.RunLimits;
import dev.switchyard.app.replay.ReplayService;
import dev.switchyard.app.replay.engine.Cell;
import dev.switchyard.app.replay.engine.ReplayResult;
import dev.switchyard.app.replay.results.Baselines;
import dev.switchyard.app.replay.results.Point;
import dev.switchyard.app.run.ComparisonRunner;
import dev.switchyard.app.run.RunObserver;
import dev.switchyard.app.run.RunService;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.Replay;
import dev.switchyard.workspace.model.ReplayStatus;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunQuery;
import dev.switchyard.workspace.model.RunStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The screenshots' demo workspace: runs stored as the run service stores them, a dataset and one finished replay of the
 * default policy, made by the replay code.
 */
class DemoWorkspaceTest {

    @TempDir
    Path dir;

    @Test
    void holdsADatasetAndAFinishedReplayWithItemsAndBaselines() throws Exception {
        try (DemoGateway gateway = new DemoGateway();
             AppContext ctx = new AppContext(Map.<String, String>of()::get, Clock.systemUTC());
             Workspace ws = Workspace.open(dir.resolve("demo.switchyard"))) {
            DemoWorkspace.seed(ws, ctx, gateway);

            assertThat(ws.datasets().list()).extracting(d -> d.name()).containsExactly(DemoReplay.DATASET);
            long datasetId = ws.datasets().list().get(0).id();
            int size = ws.datasets().items(datasetId).size();
            assertThat(size).isBetween(12, 20);

            List<Replay> replays = ws.replays().list();
            assertThat(replays).hasSize(1);
            assertThat(replays.get(0).status()).isEqualTo(ReplayStatus.COMPLETED);
            ReplayResult r = ReplayService.of(ctx, ws).open(replays.get(0).id());
            assertThat(r.items()).hasSize(size);
            // every item answered (no missing or failed cell) by the intent model or a cloud model on loopback
            assertThat(r.items()).allSatisfy(o -> o.cells().values().forEach(c -> {
                assertThat(c.source()).isEqualTo(Cell.Source.LIVE);
                assertThat(c.status()).isEqualTo(RunStatus.COMPLETED);
            }));
            List<String> baselines = Baselines.all(r).stream().map(Point::name).toList();
            assertThat(baselines).anyMatch(n -> n.startsWith("all-local")).anyMatch(n -> n.startsWith("all-cloud"));
            Point policy = Baselines.policy(r);
            assertThat(policy.passRate()).isNotNull().isGreaterThan(0.5);
            assertThat(policy.cloudShare()).isBetween(0.1, 0.9);
            // the OpenAI provider points at its real address again, with its key reference
            Provider openai = ws.providers().list().stream().filter(p -> p.name().equals("OpenAI")).findFirst().orElseThrow();
            assertThat(openai.baseUrl()).isEqualTo("https://api.openai.com/v1");
            assertThat(openai.authRef()).isEqualTo("env:OPENAI_API_KEY");
            assertThat(openai.presetId()).isEqualTo("openai");

            // every run stored as the run service stores one: with the system message it was sent ("" for none), so
            // History splits a demo comparison's prompt exactly as a real workspace's
            List<Run> runs = new ArrayList<>();
            ws.runs().forEach(runs::add);
            // 14 comparisons of three runs, 14 intent-model runs beside them, and the replay's runs
            assertThat(runs).filteredOn(run -> run.comparisonId() != null).hasSize(42);
            assertThat(ws.comparisons().list()).hasSize(14);
            assertThat(runs).hasSizeGreaterThan(56);
            assertThat(runs).filteredOn(run -> run.systemText() == null).extracting(Run::promptText)
                    .as("runs stored without their system message").isEmpty();
            Run refund = runs.stream().filter(run -> run.comparisonId() != null && run.promptText().endsWith(
                    "What is your refund policy for annual plans?") && run.promptText().startsWith("You answer questions"))
                    .findFirst().orElseThrow();
            assertThat(RunPrompts.recorded(refund)).extracting(RunPrompts.RunPrompt::system, RunPrompts.RunPrompt::user)
                    .containsExactly(DemoReplay.SHOP, "What is your refund policy for annual plans?");
            assertThat(refund.parametersJson()).isEqualTo("{\"maxTokens\":512,\"temperature\":0.7}");
        }
    }

    @Test
    void theDemoRunsStoreTheTimeLimitsTheyRanWithSoAnExportNamesThem() throws Exception {
        try (DemoGateway gateway = new DemoGateway();
             AppContext ctx = new AppContext(Map.<String, String>of()::get, Clock.systemUTC());
             Workspace ws = Workspace.open(dir.resolve("demo.switchyard"))) {
            DemoWorkspace.seed(ws, ctx, gateway);

            ModelDirectory directory = ctx.directory(ws);
            Map<Long, Model> models = new java.util.HashMap<>();
            ws.models().list().forEach(m -> models.put(m.id(), m));
            List<Run> runs = new ArrayList<>();
            ws.runs().forEach(runs::add);
            List<Run> cloud = runs.stream().filter(r -> models.get(r.modelId()).kind() == ModelKind.CLOUD).toList();
            assertThat(cloud).as("the demo's cloud runs").hasSizeGreaterThanOrEqualTo(28);
            // each cloud run has its model's limits, as the run service stores them for a run made now
            assertThat(cloud).allSatisfy(r -> assertThat(RunLimits.of(r))
                    .isEqualTo(new RunLimits(true, directory.timeouts(models.get(r.modelId())))));
            // a local model's run stores "none" ({}), not "not recorded"
            assertThat(runs).filteredOn(r -> models.get(r.modelId()).kind() != ModelKind.CLOUD)
                    .isNotEmpty().allSatisfy(r -> assertThat(RunLimits.of(r)).isEqualTo(RunLimits.NONE));

            Path out = dir.resolve("history.json");
            new HistoryExport(ws).query(RunQuery.latest(), ExportFormat.JSON, out);
            String json = java.nio.file.Files.readString(out);
            assertThat(json).doesNotContain(RunLimits.NOT_RECORDED_TEXT)
                    .contains("\"time_limits\" : \"connect 10 s · first token 60 s · idle gap 30 s · total 10 min\"");
        }
    }

    @Test
    void theDemoGatewayIsALabelledLoopbackProviderWhoseModelsStreamMarkdownWithCost() throws Exception {
        try (DemoGateway gateway = new DemoGateway();
             AppContext ctx = new AppContext(Map.<String, String>of()::get, Clock.systemUTC());
             Workspace ws = Workspace.open(dir.resolve("demo.switchyard"))) {
            DemoWorkspace.seed(ws, ctx, gateway);

            // named for what it is, keyless, on loopback: never presented as a vendor's model
            Provider demo = ws.providers().list().stream().filter(p -> p.name().equals(DemoGateway.PROVIDER))
                    .findFirst().orElseThrow();
            assertThat(demo.name()).containsIgnoringCase("scripted").contains("loopback");
            assertThat(demo.baseUrl()).isEqualTo(gateway.baseUrl()).startsWith("http://127.0.0.1:");
            assertThat(demo.authRef()).isNull();
            List<Model> models = ws.models().list().stream().filter(m -> m.providerId() == demo.id()).toList();
            assertThat(models).extracting(Model::apiModelId).containsExactlyInAnyOrder("demo-small", "demo-medium", "demo-large");
            assertThat(models).extracting(Model::displayName).allMatch(n -> n.startsWith("demo-"));
            assertThat(models).allSatisfy(m -> assertThat(ws.prices().inForce(m.id(), LocalDate.now())).isPresent());

            // the replay's policy chose among the OpenAI models: the scripted models have no run before the Compare shot
            List<Long> demoIds = models.stream().map(Model::id).toList();
            List<Run> before = new ArrayList<>();
            ws.runs().forEach(before::add);
            assertThat(before).filteredOn(run -> demoIds.contains(run.modelId())).isEmpty();

            // the app's own run path: each model streams the Compare prompt's Markdown answer with tokens and a cost
            ComparisonRunner runner = new ComparisonRunner(new RunService(ws), ctx.engines(ws)::forModel);
            List<Run> answered = runner.start(models, new EngineRequest(DemoGateway.COMPARE_SYSTEM, DemoGateway.COMPARE_PROMPT,
                    GenerationParams.DEFAULTS), 1, ws.comparisons().create(null, 1, false).id(), RunObserver.NONE)
                    .finished().get(60, TimeUnit.SECONDS);
            assertThat(answered).hasSize(3);
            for (Run run : answered) {
                Model m = models.stream().filter(x -> x.id() == run.modelId()).findFirst().orElseThrow();
                assertThat(run.status()).as(m.apiModelId()).isEqualTo(RunStatus.COMPLETED);
                assertThat(run.outputText()).contains("**");
                assertThat(run.metrics().ttftMs()).isGreaterThanOrEqualTo(DemoGateway.MODELS.stream()
                        .filter(d -> d.id().equals(m.apiModelId())).findFirst().orElseThrow().firstTokenMs());
                assertThat(run.metrics().outputTokens()).isGreaterThan(30);
                assertThat(run.cost().usd()).isPositive();
            }
        }
    }
}
