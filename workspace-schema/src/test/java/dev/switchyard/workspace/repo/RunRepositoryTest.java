package dev.switchyard.workspace.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchyard.workspace.Fixtures;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.WorkspaceException;
import dev.switchyard.workspace.model.Page;
import dev.switchyard.workspace.model.PriceRow;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunCost;
import dev.switchyard.workspace.model.RunError;
import dev.switchyard.workspace.model.RunMetrics;
import dev.switchyard.workspace.model.RunQuery;
import dev.switchyard.workspace.model.RunSort;
import dev.switchyard.workspace.model.RunStatus;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRepositoryTest {

    @TempDir
    Path dir;
    Workspace ws;
    long gpt;
    long claude;

    @BeforeEach
    void open() {
        ws = Workspace.open(dir.resolve("runs.switchyard"));
        Provider p = Fixtures.openAi(ws);
        gpt = Fixtures.model(ws, p, "gpt-4o-mini").id();
        claude = Fixtures.model(ws, p, "claude-haiku").id();
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void runsLeftStreamingByAProcessThatEndedAreMarkedInterruptedAtOpen() throws Exception {
        Run withText = ws.runs().insert(Run.created(gpt, "Explain WAL", "{}"));
        ws.runs().updateProgress(withText.id(), RunStatus.STREAMING, "WAL appends pages", null);
        Run noText = ws.runs().insert(Run.created(gpt, "Say hi", "{}").withOutput(RunStatus.STREAMING, "", null));
        Run live = ws.runs().insert(Run.created(claude, "Still running", "{}").withOutput(RunStatus.STREAMING, "so far", null));
        Run otherMachine = ws.runs().insert(Run.created(claude, "Elsewhere", "{}").withOutput(RunStatus.STREAMING, "x", null));
        Run done = ws.runs().insert(Fixtures.completedRun(gpt, "Done", "answer"));
        ws.close();
        // a process that has ended: its pid and start time, on this machine
        Process gone = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).start();
        gone.getInputStream().readAllBytes();
        gone.waitFor();
        String machine = RunOwner.CURRENT.substring(0, RunOwner.CURRENT.indexOf('/'));
        String ended = machine + "/" + gone.pid() + "/" + gone.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("runs.switchyard"));
             var ps = c.prepareStatement("UPDATE runs SET owner = ? WHERE id = ?")) {
            for (Object[] row : new Object[][] {{ended, withText.id()}, {ended, noText.id()},
                {"another-machine/" + gone.pid() + "/1", otherMachine.id()}}) {
                ps.setString(1, (String) row[0]);
                ps.setLong(2, (Long) row[1]);
                ps.executeUpdate();
            }
        }
        assertThat(RunOwner.ended(ended)).isTrue();
        assertThat(RunOwner.ended(RunOwner.CURRENT)).isFalse();

        ws = Workspace.open(dir.resolve("runs.switchyard"));

        Run incomplete = ws.runs().get(withText.id()).orElseThrow();
        assertThat(incomplete.status()).isEqualTo(RunStatus.INCOMPLETE);
        assertThat(incomplete.outputText()).isEqualTo("WAL appends pages");
        assertThat(incomplete.error().kind()).isEqualTo("interrupted");
        assertThat(incomplete.error().message()).startsWith("Switchyard stopped while this run was streaming")
                .endsWith("The text received until then is kept.");
        Run failed = ws.runs().get(noText.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error().message()).endsWith("No text had arrived.");
        assertThat(ws.runs().get(live.id()).orElseThrow().status()).as("its process (this one) still runs")
                .isEqualTo(RunStatus.STREAMING);
        assertThat(ws.runs().get(otherMachine.id()).orElseThrow().status()).as("cannot be checked from here")
                .isEqualTo(RunStatus.STREAMING);
        assertThat(ws.runs().get(done.id()).orElseThrow()).isEqualTo(done);
        assertThat(ws.runs().markInterrupted()).isZero();
    }

    @Test
    void insertAssignsIdUidAndTimeAndReadsBackEqual() {
        Run stored = ws.runs().insert(Run.created(gpt, "Say hi", "{\"temperature\":0}"));
        assertThat(stored.id()).isPositive();
        assertThat(stored.uid()).hasSize(36);
        assertThat(stored.createdAt()).isNotNull();
        assertThat(stored.status()).isEqualTo(RunStatus.CREATED);
        assertThat(ws.runs().get(stored.id())).contains(stored);
        assertThat(ws.runs().findByUid(stored.uid())).contains(stored);
        assertThat(stored.cost().usd()).as("no price means null, never 0").isNull();
    }

    @Test
    void theSystemMessageARunWasSentReadsBackExactlyAndNoneIsNotUnknown() {
        Run sent = ws.runs().insert(Run.created(gpt, "You are terse.\n\nExplain WAL", "{}").withSystemText("You are terse."));
        Run none = ws.runs().insert(Run.created(gpt, "Explain WAL", "{}").withSystemText(""));
        Run unknown = ws.runs().insert(Run.created(gpt, "You are terse.\n\nExplain WAL", "{}"));
        assertThat(ws.runs().get(sent.id()).orElseThrow().systemText()).isEqualTo("You are terse.");
        assertThat(ws.runs().get(none.id()).orElseThrow().systemText()).as("sent without one").isEmpty();
        assertThat(ws.runs().get(unknown.id()).orElseThrow().systemText()).as("not recorded").isNull();
        Run finished = ws.runs().update(ws.runs().get(sent.id()).orElseThrow().withOutput(RunStatus.COMPLETED, "A log.", null)
                .finished(RunStatus.COMPLETED, null, RunMetrics.NONE, RunCost.NONE, false, 1, null));
        assertThat(ws.runs().get(finished.id())).contains(finished);
        assertThat(finished.systemText()).isEqualTo("You are terse.");
    }

    @Test
    void theTimeLimitsARunStartedWithReadBackAndAnUpdateKeepsThem() {
        String limits = "{\"connectMs\":10000,\"firstTokenMs\":3000,\"idleMs\":30000,\"totalMs\":600000}";
        Run cloud = ws.runs().insert(Run.created(gpt, "Explain WAL", "{}").withLimits(limits));
        Run none = ws.runs().insert(Run.created(gpt, "Explain WAL", "{}").withLimits("{}"));
        Run unknown = ws.runs().insert(Run.created(gpt, "Explain WAL", "{}"));
        assertThat(ws.runs().get(cloud.id()).orElseThrow().limitsJson()).isEqualTo(limits);
        assertThat(ws.runs().get(none.id()).orElseThrow().limitsJson()).as("an engine without limits").isEqualTo("{}");
        assertThat(ws.runs().get(unknown.id()).orElseThrow().limitsJson()).as("not recorded").isNull();
        Run finished = ws.runs().update(ws.runs().get(cloud.id()).orElseThrow().withOutput(RunStatus.COMPLETED, "A log.", null)
                .finished(RunStatus.COMPLETED, null, RunMetrics.NONE, RunCost.NONE, false, 1, null));
        assertThat(ws.runs().get(finished.id())).contains(finished);
        assertThat(finished.limitsJson()).isEqualTo(limits);
        assertThatThrownBy(() -> ws.runs().insert(Run.created(gpt, "x", "{}").withLimits("{first token")))
                .isInstanceOf(WorkspaceException.class).hasMessageContaining("time limits");
    }

    @Test
    void batchInsertIsOneTransactionAndReturnsIdsInOrder() {
        List<Run> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(Fixtures.completedRun(gpt, "p" + i, "o" + i));
        }
        List<Run> stored = ws.runs().insertAll(batch);
        assertThat(stored).hasSize(50);
        for (Run r : stored) {
            assertThat(ws.runs().get(r.id())).contains(r);
        }
        List<Run> broken = List.of(Fixtures.completedRun(gpt, "a", "b"), Fixtures.completedRun(999, "c", "d"));
        assertThatThrownBy(() -> ws.runs().insertAll(broken)).isInstanceOfSatisfying(WorkspaceException.class,
                e -> assertThat(e.kind()).isEqualTo(WorkspaceException.Kind.NOT_FOUND));
        assertThat(ws.runs().count()).isEqualTo(50);
    }

    @Test
    void streamingUpdatesThenTheFinalStateAreStored() {
        PriceRow price = ws.prices().insert(PriceRow.of(gpt, new BigDecimal("0.15"), new BigDecimal("0.075"),
                new BigDecimal("0.60"), "openai.com/pricing", LocalDate.of(2026, 1, 1)));
        Run run = ws.runs().insert(Run.created(gpt, "Explain WAL", null));
        ws.runs().updateProgress(run.id(), RunStatus.STREAMING, "WAL is", null);
        assertThat(ws.runs().get(run.id()).orElseThrow().outputText()).isEqualTo("WAL is");

        RunMetrics metrics = new RunMetrics(3L, 210L, 1500L, 120L, 20L, 64L, 0L, 48.8, null, null, null);
        Instant end = Instant.parse("2026-11-25T10:00:01.234Z");
        Run done = ws.runs().update(run.withOutput(RunStatus.COMPLETED, "WAL is a write-ahead log.", "thinking")
                .finished(RunStatus.COMPLETED, null, metrics, RunCost.api(0.0000537, price.id()), true, 2, end)
                .withRoute("{\"policyVersion\":3,\"trace\":[]}").withOutcome("{\"finishReason\":\"length\"}"));
        assertThat(done.metrics()).isEqualTo(metrics);
        assertThat(done.cost()).isEqualTo(new RunCost(0.0000537, dev.switchyard.workspace.model.CostKind.API, price.id()));
        assertThat(done.tokensEstimated()).isTrue();
        assertThat(done.httpAttempts()).isEqualTo(2);
        assertThat(done.finishedAt()).isEqualTo(end);
        assertThat(done.reasoningText()).isEqualTo("thinking");
        assertThat(done.routeJson()).contains("policyVersion");
        assertThat(ws.runs().get(run.id()).orElseThrow().outcomeJson()).isEqualTo("{\"finishReason\":\"length\"}");

        Run failed = ws.runs().update(ws.runs().insert(Run.created(claude, "x", null))
                .withOutput(RunStatus.INCOMPLETE, "partial", null)
                .finished(RunStatus.INCOMPLETE, new RunError("network", "The connection dropped."), RunMetrics.NONE,
                        RunCost.NONE, false, 1, end));
        assertThat(failed.error()).isEqualTo(new RunError("network", "The connection dropped."));
        assertThat(failed.outputText()).isEqualTo("partial");
    }

    @Test
    void updatingAMissingRunOrStoringBadJsonIsRefused() {
        assertThatThrownBy(() -> ws.runs().updateProgress(12345, RunStatus.STREAMING, "x", null))
                .isInstanceOfSatisfying(WorkspaceException.class,
                        e -> assertThat(e.kind()).isEqualTo(WorkspaceException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> ws.runs().insert(Run.created(gpt, "x", "{temperature:")))
                .isInstanceOfSatisfying(WorkspaceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(WorkspaceException.Kind.INVALID_INPUT);
                    assertThat(e.getMessage()).contains("run parameters is not valid JSON");
                });
    }

    private Run at(long model, String prompt, String output, RunStatus status, String time, Long totalMs) {
        Run r = Fixtures.completedRun(model, prompt, output).withOutput(status, output, null)
                .withUid(null, Instant.parse(time));
        return r.finished(status, null, new RunMetrics(null, null, totalMs, null, null, null, null, null, null, null,
                null), RunCost.NONE, false, 1, null);
    }

    private void history() {
        ws.runs().insertAll(List.of(
                at(gpt, "capital of France", "Paris is the capital", RunStatus.COMPLETED, "2026-11-01T10:00:00Z", 900L),
                at(gpt, "capital of Spain", "Madrid", RunStatus.COMPLETED, "2026-11-02T10:00:00Z", 300L),
                at(claude, "capital of Italy", "Rome, obviously", RunStatus.COMPLETED, "2026-11-03T10:00:00Z", null),
                at(claude, "turn on the lights", "Done: kitchen lights", RunStatus.FAILED, "2026-11-04T10:00:00Z", 50L),
                at(gpt, "lights off", "Lights are off", RunStatus.CANCELLED, "2026-11-05T10:00:00Z", 700L)));
    }

    private static List<String> prompts(Page<Run> page) {
        return page.items().stream().map(Run::promptText).toList();
    }

    @Test
    void historyFiltersByModelStatusDateAndText() {
        history();
        RunQuery q = RunQuery.latest();
        assertThat(prompts(ws.runs().page(q))).containsExactly("lights off", "turn on the lights", "capital of Italy",
                "capital of Spain", "capital of France");
        assertThat(prompts(ws.runs().page(q.model(claude)))).containsExactly("turn on the lights", "capital of Italy");
        assertThat(prompts(ws.runs().page(q.statuses(Set.of(RunStatus.FAILED, RunStatus.CANCELLED)))))
                .containsExactly("lights off", "turn on the lights");
        assertThat(prompts(ws.runs().page(q.between(Instant.parse("2026-11-02T00:00:00Z"),
                Instant.parse("2026-11-04T10:00:00Z"))))).containsExactly("capital of Italy", "capital of Spain");
        assertThat(prompts(ws.runs().page(q.text("capital")))).hasSize(3);
        assertThat(prompts(ws.runs().page(q.text("PARIS")))).as("matches the answer, any case")
                .containsExactly("capital of France");
        assertThat(prompts(ws.runs().page(q.text("light")))).as("prefix match")
                .containsExactly("lights off", "turn on the lights");
        assertThat(prompts(ws.runs().page(q.text("capital madrid")))).as("all words").containsExactly("capital of Spain");
        assertThat(prompts(ws.runs().page(q.text("\"; DROP TABLE runs; --")))).isEmpty();
        assertThat(prompts(ws.runs().page(q.text("  ")))).hasSize(5);
        assertThat(prompts(ws.runs().page(q.model(gpt).text("lights")))).containsExactly("lights off");
    }

    @Test
    void historySortsPagesAndCounts() {
        history();
        RunQuery byTotal = RunQuery.latest().sort(RunSort.TOTAL_MS, true);
        assertThat(prompts(ws.runs().page(byTotal))).as("nulls last").containsExactly("capital of France",
                "lights off", "capital of Spain", "turn on the lights", "capital of Italy");
        assertThat(prompts(ws.runs().page(RunQuery.latest().sort(RunSort.CREATED_AT, false).page(0, 2))))
                .containsExactly("capital of France", "capital of Spain");
        Page<Run> second = ws.runs().page(RunQuery.latest().page(2, 2));
        assertThat(prompts(second)).containsExactly("capital of Italy", "capital of Spain");
        assertThat(second.total()).isEqualTo(5);
        assertThat(second.hasMore()).isTrue();
        Page<Run> last = ws.runs().page(RunQuery.latest().page(4, 2));
        assertThat(last.total()).isEqualTo(5);
        assertThat(last.hasMore()).isFalse();
        assertThat(ws.runs().page(RunQuery.latest().page(10, 2)).total()).isEqualTo(5);
        assertThat(ws.runs().page(RunQuery.latest().text("capital").page(0, 1)).total()).isEqualTo(3);
    }

    @Test
    void textSearchFollowsUpdatesAndDeletes() {
        Run r = ws.runs().insert(Fixtures.completedRun(gpt, "question", "first draft"));
        ws.runs().updateProgress(r.id(), RunStatus.COMPLETED, "final answer", null);
        assertThat(ws.runs().page(RunQuery.latest().text("draft")).total()).isZero();
        assertThat(ws.runs().page(RunQuery.latest().text("final")).items()).extracting(Run::id).containsExactly(r.id());
        ws.runs().delete(r.id());
        assertThat(ws.runs().page(RunQuery.latest().text("final")).total()).isZero();
        assertThat(ws.check().ok()).isTrue();
    }

    @Test
    void totalsFollowStatusChangesAndDeletes() {
        history();
        RunQuery firstOnly = RunQuery.latest().page(0, 1);
        assertThat(ws.runs().page(firstOnly.model(gpt)).total()).isEqualTo(3);
        assertThat(ws.runs().page(firstOnly.statuses(Set.of(RunStatus.COMPLETED))).total()).isEqualTo(3);
        Run spain = ws.runs().page(RunQuery.latest().text("Spain")).items().get(0);
        ws.runs().updateProgress(spain.id(), RunStatus.FAILED, "Madrid", null);
        assertThat(ws.runs().page(firstOnly.statuses(Set.of(RunStatus.COMPLETED))).total()).isEqualTo(2);
        assertThat(ws.runs().page(firstOnly.model(gpt).statuses(Set.of(RunStatus.FAILED))).total()).isEqualTo(1);
        ws.runs().delete(spain.id());
        assertThat(ws.runs().page(firstOnly.model(gpt)).total()).isEqualTo(2);
        assertThat(ws.runs().page(firstOnly).total()).isEqualTo(4);
        assertThat(ws.runs().count()).isEqualTo(4);
        assertThat(ws.counts()).containsEntry("runs", 4L);
        assertThat(ws.check().ok()).isTrue();
    }

    @Test
    void aCommonWordWalksTheTimeIndexAndGivesTheSamePageAndACappedTotal() {
        List<Run> many = new ArrayList<>();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 6_000; i++) {
            long model = i % 3 == 0 ? claude : gpt;
            // creation times deliberately not in id order
            many.add(at(model, "common question " + i, "common answer", RunStatus.COMPLETED,
                    t0.plusSeconds((i * 7919L) % 6_000).toString(), null));
        }
        ws.runs().insertAll(many);
        Page<Run> page = ws.runs().page(RunQuery.latest().model(gpt).text("common").page(10, 50));
        List<Run> expected = many.stream().filter(r -> r.modelId() == gpt)
                .sorted(java.util.Comparator.comparing(Run::createdAt).reversed()).skip(10).limit(50).toList();
        assertThat(page.items()).extracting(Run::createdAt).containsExactlyElementsOf(
                expected.stream().map(Run::createdAt).toList());
        assertThat(page.totalExact()).as("4,000 matches: counted up to 1,000 only").isFalse();
        assertThat(page.total()).isEqualTo(1_000);
        assertThat(page.hasMore()).isTrue();
        Page<Run> all = ws.runs().page(RunQuery.latest().text("common").page(5_950, 100));
        assertThat(all.items()).hasSize(50);
        assertThat(all.total()).isEqualTo(6_000);
        assertThat(all.totalExact()).as("the last page knows the total").isTrue();
        assertThat(all.hasMore()).isFalse();
        assertThat(ws.runs().page(RunQuery.latest().text("question 5999")).items()).extracting(Run::promptText)
                .containsExactly("common question 5999");
    }
}
