package dev.switchyard.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.cli.CliRunner;
import dev.switchyard.app.models.ModelDirectory;
import dev.switchyard.app.models.TimeLimits;
import dev.switchyard.cloud.Timeouts;
import dev.switchyard.ui.models.TimeLimitsEditor;
import dev.switchyard.ui.task.DirectTaskRunner;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Comparison;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunCost;
import dev.switchyard.workspace.model.RunError;
import dev.switchyard.workspace.model.RunMetrics;
import dev.switchyard.workspace.model.RunStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cloud model row that stores only some of its time limits (a row of an older build, or edited by hand): Claude
 * Sonnet 4, marked reasoning, whose catalog entry gives it the general limits. Its runs take the missing limits from the
 * catalog (first token 60 s); the compare pane's advice after a run that hit one took them from the reasoning flag
 * instead ("now 5 min", "--first-token 10min") — now every place reads them as the run does: the pane, Models → Time
 * limits and {@code models list}. A real workspace file, the real engine factory, a stored comparison.
 */
class PaneTimeLimitsTest {

    @TempDir
    Path dir;
    private AppContext app;
    private Workspace ws;
    private Path file;
    private Model sonnet;

    @BeforeEach
    void partialRow() {
        app = new AppContext(n -> null, Clock.systemUTC());
        file = dir.resolve("limits.switchyard");
        ws = Workspace.open(file);
        Provider anthropic = ws.providers().insert(Provider.of(ProviderKind.ANTHROPIC, "Anthropic",
                "https://api.anthropic.com/v1", "env:ANTHROPIC_API_KEY", "anthropic"));
        Model added = app.directory(ws).addCloudModel(anthropic, "claude-sonnet-4-20250514");
        assertThat(added.capabilities().reasoning()).isTrue();
        // only the total limit stored (20 min): the others are the model's defaults
        sonnet = ws.models().update(new Model(added.id(), added.uid(), added.providerId(), added.apiModelId(),
                added.displayName(), added.kind(), added.contextWindow(), added.capabilities(),
                "{\"tokenizer\":\"approx\",\"maxCompletionTokens\":false,\"timeouts\":{\"totalMs\":1200000}}",
                added.createdAt()));
    }

    @AfterEach
    void close() {
        ws.close();
        app.close();
    }

    /** A stored comparison of one run of the model that ended on {@code kind}. */
    private long failedComparison(String kind) {
        Comparison c = ws.comparisons().create(null, 1, false);
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        ws.runs().insert(Run.created(sonnet.id(), "Plan a trip", "{}").withUid(null, at).withComparison(c.id(), 0)
                .withOutput(RunStatus.FAILED, "", null).finished(RunStatus.FAILED, new RunError(kind, "Timed out."),
                        new RunMetrics(0L, null, 60_000L, 12L, null, 0L, null, null, null, null, null), RunCost.NONE, false, 1, at.plusSeconds(60)));
        return c.id();
    }

    @Test
    void theLimitsARunUsesAreTheOnesThePaneTheEditorAndModelsListSay() throws Exception {
        ModelDirectory directory = app.directory(ws);
        Timeouts used = app.engines(ws).forModel(sonnet).timeLimits();
        assertThat(used).as("what its runs stop at: the row's total, the catalog's others").isEqualTo(
                Timeouts.DEFAULT.withTotal(Duration.ofMinutes(20)));
        assertThat(directory.timeouts(sonnet)).isEqualTo(used);

        CompareViewModel vm = new CompareViewModel(new DirectTaskRunner(), System::nanoTime, Runnable::run, new Random(1));
        vm.open(ws, app.engines(ws)::forModel);
        vm.showStored(failedComparison("first_token_timeout"));
        assertThat(vm.panes()).hasSize(1);
        assertThat(vm.panes().get(0).adviceProperty().get()).isEqualTo("If it is only slow to start (a gateway loading a"
                + " large model on its first request), raise its first-token limit (now 60 s) in Models → Claude Sonnet 4"
                + " → Time limits, or with: switchyard models set-timeouts \"Claude Sonnet 4\" --first-token 2min."
                + " Otherwise run again later or pick a faster model.");
        vm.showStored(failedComparison("idle_timeout"));
        assertThat(vm.panes().get(0).adviceProperty().get()).contains("raise its idle-gap limit (now 30 s)")
                .contains("--idle 60s.");
        vm.showStored(failedComparison("total_timeout"));
        assertThat(vm.panes().get(0).adviceProperty().get()).contains("raise its total limit (now 20 min)")
                .contains("--total 40min.");

        TimeLimitsEditor editor = new TimeLimitsEditor(new DirectTaskRunner());
        editor.show(ws, () -> directory, sonnet);
        assertThat(editor.textProperty(TimeLimits.Limit.FIRST_TOKEN).get()).isEqualTo("60 s");
        assertThat(editor.textProperty(TimeLimits.Limit.IDLE_GAP).get()).isEqualTo("30 s");
        assertThat(editor.textProperty(TimeLimits.Limit.TOTAL).get()).isEqualTo("20 min");
        assertThat(editor.noteProperty(TimeLimits.Limit.FIRST_TOKEN).get()).isEqualTo("default");
        assertThat(editor.noteProperty(TimeLimits.Limit.TOTAL).get()).isEqualTo("default 10 min");

        ws.close(); // the command line opens the file itself
        String list = CliRunner.run("models", "list", "-w", file.toString()).out();
        ws = Workspace.open(file);
        assertThat(list).contains(TimeLimits.describe(used));
    }
}
