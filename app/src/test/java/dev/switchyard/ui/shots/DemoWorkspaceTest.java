package dev.switchyard.ui.shots;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.history.RunPrompts;
import dev.switchyard.app.replay.ReplayService;
import dev.switchyard.app.replay.engine.Cell;
import dev.switchyard.app.replay.engine.ReplayResult;
import dev.switchyard.app.replay.results.Baselines;
import dev.switchyard.app.replay.results.Point;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.Replay;
import dev.switchyard.workspace.model.ReplayStatus;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    void holdsADatasetAndAFinishedReplayWithItemsAndBaselines() {
        try (AppContext ctx = new AppContext(Map.<String, String>of()::get, Clock.systemUTC());
             Workspace ws = Workspace.open(dir.resolve("demo.switchyard"))) {
            DemoWorkspace.seed(ws, ctx);

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
}
