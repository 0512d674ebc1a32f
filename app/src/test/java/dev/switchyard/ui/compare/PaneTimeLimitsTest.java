package dev.switchyard.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.cli.CliRunner;
import dev.switchyard.app.models.ModelDirectory;
import dev.switchyard.app.models.RunLimits;
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

    /** A stored comparison of one run of the model that ended on {@code kind}, started with {@code limits}. */
    private long failedComparison(String kind, Timeouts limits) {
        return failedComparison(kind, RunLimits.json(limits));
    }

    /** {@code limitsJson} null: a run stored before runs kept their limits (schema version 5). */
    private long failedComparison(String kind, String limitsJson) {
        Comparison c = ws.comparisons().create(null, 1, false);
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        ws.runs().insert(Run.created(sonnet.id(), "Plan a trip", "{}").withUid(null, at).withComparison(c.id(), 0)
                .withLimits(limitsJson)
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
        vm.showStored(failedComparison("first_token_timeout", used));
        assertThat(vm.panes()).hasSize(1);
        assertThat(vm.panes().get(0).adviceProperty().get()).isEqualTo("If it is only slow to start (a gateway loading a"
                + " large model on its first request), raise its first-token limit (60 s when it ran) in Models → Claude"
                + " Sonnet 4 → Time limits, or with: switchyard models set-timeouts \"Claude Sonnet 4\" --first-token 2min."
                + " Otherwise run again later or pick a faster model.");
        vm.showStored(failedComparison("idle_timeout", used));
        assertThat(vm.panes().get(0).adviceProperty().get()).contains("raise its idle-gap limit (30 s when it ran)")
                .contains("--idle 60s.");
        vm.showStored(failedComparison("total_timeout", used));
        assertThat(vm.panes().get(0).adviceProperty().get()).contains("raise its total limit (20 min when it ran)")
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

    /**
     * A comparison reopened from History names the limits its runs ran with, even after the model's limits changed;
     * a run stored before runs kept them (schema version 5) says they were not recorded instead of today's limits; the
     * history export carries the same.
     */
    @Test
    void aReopenedComparisonNamesTheLimitsItsRunsRanWithOrSaysTheyWereNotRecorded() throws Exception {
        Timeouts then = app.directory(ws).timeouts(sonnet);
        long recorded = failedComparison("first_token_timeout", then);
        long old = failedComparison("first_token_timeout", (String) null);
        // raised since, on the Models screen
        Timeouts now = then.withFirstToken(Duration.ofMinutes(5));
        sonnet = ws.models().update(new Model(sonnet.id(), sonnet.uid(), sonnet.providerId(), sonnet.apiModelId(),
                sonnet.displayName(), sonnet.kind(), sonnet.contextWindow(), sonnet.capabilities(),
                dev.switchyard.app.models.CloudModelSettings.withTimeouts(sonnet.settingsJson(), now), sonnet.createdAt()));
        assertThat(app.engines(ws).forModel(sonnet).timeLimits()).isEqualTo(now);

        CompareViewModel vm = new CompareViewModel(new DirectTaskRunner(), System::nanoTime, Runnable::run, new Random(1));
        vm.open(ws, app.engines(ws)::forModel);
        vm.showStored(recorded);
        assertThat(vm.panes().get(0).adviceProperty().get()).contains("raise its first-token limit (60 s when it ran)")
                .doesNotContain("5 min");
        vm.showStored(old);
        assertThat(vm.panes().get(0).adviceProperty().get()).isEqualTo("If it is only slow to start (a gateway loading a"
                + " large model on its first request), raise its first-token limit in Models → Claude Sonnet 4 → Time"
                + " limits (limits not recorded for this run). Otherwise run again later or pick a faster model.");

        Path csv = dir.resolve("runs.csv");
        new dev.switchyard.app.history.HistoryExport(ws).query(dev.switchyard.workspace.model.RunQuery.latest(),
                dev.switchyard.app.history.ExportFormat.CSV, csv);
        String text = java.nio.file.Files.readString(csv);
        assertThat(text).contains("connect 10 s · first token 60 s · idle gap 30 s · total 20 min,10000,60000,30000,1200000")
                .contains("limits not recorded,,,,").doesNotContain("first token 5 min");
    }
}
