package dev.switchyard.ui.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.engine.ModelEngine;
import dev.switchyard.app.replay.ReplayService;
import dev.switchyard.app.replay.results.Summary;
import dev.switchyard.app.run.RunService;
import dev.switchyard.ui.task.DirectTaskRunner;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay screen's view models with plain JUnit: synchronous tasks, a real workspace, stored runs only. */
class ReplayViewModelTest {

    @TempDir
    Path dir;
    private Workspace ws;
    private Model local;
    private Model cloud;
    private ReplayViewModel vm;
    private final AtomicInteger engineCalls = new AtomicInteger();
    private final SimpleObjectProperty<Workspace> open = new SimpleObjectProperty<>();
    /** The engine of a live call; most tests expect none. */
    private Function<Model, ModelEngine> live = m -> {
        throw new AssertionError("no live call expected");
    };

    @BeforeEach
    void setUp() throws Exception {
        ws = Workspace.open(dir.resolve("vm.switchyard"));
        local = ReplayUiFixture.local(ws, "tiny");
        cloud = ReplayUiFixture.cloud(ws, "gpt-x");
        long v1 = ReplayUiFixture.policyVersion(ws, "length");
        long v2 = ReplayUiFixture.policyVersion(ws, "length");
        // building an engine only to ask whether its model can run now (the estimate's warning) calls nothing
        Function<Model, ModelEngine> engines = m -> new ModelEngine() {
            @Override
            public dev.switchyard.app.engine.RunHandle start(dev.switchyard.app.engine.EngineRequest request,
                                                           dev.switchyard.app.engine.EngineListener listener) {
                engineCalls.incrementAndGet();
                return live.apply(m).start(request, listener);
            }

            @Override
            public dev.switchyard.app.engine.Availability availability() {
                return dev.switchyard.app.engine.Availability.READY;
            }
        };
        WorkspaceReplayBackend.PolicyAdapter adapter = (w, version, label) -> ReplayUiFixture.lengthPolicy(
                version.id(), label, local, cloud, version.id() == v1 ? 12 : 30);
        vm = new ReplayViewModel(new DirectTaskRunner(), open, w -> new WorkspaceReplayBackend(w,
                new ReplayService(w, new RunService(w), engines, Clock.systemUTC()), adapter));
        open.set(ws);
    }

    @AfterEach
    void tearDown() {
        ws.close();
    }

    private Path csv(String text) throws Exception {
        Path f = dir.resolve("prompts.csv");
        Files.writeString(f, text);
        return f;
    }

    /** Four prompts; the local model answers only the two short ones right, the cloud model answers all. */
    private void importAndStore() throws Exception {
        vm.datasets().importFile(csv("prompt,reference,grader\n"
                + "lights on,ok,contains\n"
                + "lights off,ok,contains\n"
                + "summarise the meeting notes,summary,contains\n"
                + "plan a three day trip to Lisbon please,itinerary,contains\n"));
        String[][] rows = {{"lights on", "ok"}, {"lights off", "ok"}, {"summarise the meeting notes", "summary"},
                {"plan a three day trip to Lisbon please", "itinerary"}};
        for (int i = 0; i < rows.length; i++) {
            ReplayUiFixture.stored(ws, local, rows[i][0], i < 2 ? "ok" : "no idea", 0, 40);
            ReplayUiFixture.stored(ws, cloud, rows[i][0], "the " + rows[i][1], 0.002, 800);
        }
    }

    private void replay(String policyLabel) throws Exception {
        vm.run().policyProperty().set(vm.run().policies().stream().filter(p -> p.label().equals(policyLabel))
                .findFirst().orElseThrow());
        vm.run().prepare();
        long deadline = System.currentTimeMillis() + 20_000;
        while (vm.run().modeProperty().get() != RunViewModel.Mode.FINISHED) {
            assertThat(System.currentTimeMillis()).as(vm.run().messageProperty().get()).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private String figure(String id) {
        return vm.results().figures().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow().value();
    }

    @Test
    void importKeepsGoodRowsAndReportsBadOnesByLine() throws Exception {
        vm.datasets().importFile(csv("prompt,reference,grader\nturn on the lights,ok,contains\n,no prompt,contains\n"
                + "what is 2+2,4,bogus\nsay hi,hi,exact\n"));

        assertThat(vm.datasets().items()).extracting(i -> i.prompt()).containsExactly("turn on the lights", "say hi");
        assertThat(vm.datasets().problems()).hasSize(2);
        assertThat(vm.datasets().problems().get(0)).startsWith("line 3");
        assertThat(vm.datasets().problems().get(1)).startsWith("line 4").contains("bogus");
        assertThat(vm.datasets().messageProperty().get()).contains("Imported 2 items").contains("2 rows left out");
        assertThat(vm.datasets().datasets()).extracting(d -> d.name()).containsExactly("prompts");
        assertThat(vm.run().datasetProperty().get().name()).isEqualTo("prompts");
        // the list says how many items each dataset holds
        assertThat(vm.datasets().countText(vm.datasets().datasets().get(0))).isEqualTo("2 items");
        vm.datasets().importFile(csv("prompt\nonly one\n"));
        assertThat(vm.datasets().datasets()).hasSize(2);
        assertThat(vm.datasets().datasets()).extracting(d -> vm.datasets().countText(d)).containsExactlyInAnyOrder(
                "2 items", "1 item");
    }

    @Test
    void editingAnItemSavesIt() throws Exception {
        vm.datasets().importFile(csv("prompt,reference\nturn on the lights,ok\n"));
        var item = vm.datasets().items().get(0);
        vm.datasets().saveItem(new dev.switchyard.workspace.model.DatasetItem(item.id(), item.uid(), item.datasetId(),
                item.position(), "turn OFF the lights", null, item.variablesJson(), "off", item.tagsJson()));

        assertThat(vm.datasets().items().get(0).prompt()).isEqualTo("turn OFF the lights");
        assertThat(ws.datasets().items(item.datasetId()).get(0).referenceAnswer()).isEqualTo("off");
    }

    @Test
    void aCachedReplayStartsWithoutConfirmationAndShowsTheSummaryAndChart() throws Exception {
        importAndStore();
        replay("length v1");

        assertThat(engineCalls).hasValue(0);
        assertThat(vm.run().messageProperty().get()).contains("completed").contains("4 of 4");
        assertThat(vm.run().progressProperty().get()).isEqualTo(1.0);
        var figures = vm.results().figures();
        assertThat(figures).extracting(ResultsViewModel.Figure::id).contains("pass-rate", "cost-total", "cost-per-1k",
                "latency", "route-share", "savings");
        // v1: ≤ 12 chars stay local (2 items, pass), the other two go to the cloud (pass): 4/4, cost 2 × 0.002
        assertThat(figure("pass-rate")).startsWith("100.0%");
        assertThat(figure("cost-total")).isEqualTo("$0.00400");
        assertThat(figure("cost-per-1k")).isEqualTo("$1.0000");
        assertThat(figure("route-share").lines()).as("one route a line, its share beside its name")
                .containsExactlyInAnyOrder("50.0% tiny", "50.0% gpt-x");
        assertThat(figure("savings")).isEqualTo("50% cheaper than all-cloud (gpt-x) at the same pass rate or better:"
                + " passes 100% vs 100%.");
        assertThat(vm.results().points()).extracting(ResultsViewModel.ChartPoint::name).contains("policy",
                "all-local (tiny)", "all-cloud (gpt-x)", "oracle");
        assertThat(vm.results().rows()).hasSize(4);
        assertThat(vm.results().rows().get(0).source()).isEqualTo("cached");
        assertThat(vm.results().rows().get(0).decision()).contains("short prompts stay local");
        assertThat(vm.replays()).hasSize(1);
    }

    /**
     * The four prompts again, but gpt-x had no price when it ran (its runs have no cost) and gets only the first one
     * right; the local model's runs cost {@code localCost} each (device cost).
     */
    private void importAndStoreUnpriced(double localCost) throws Exception {
        vm.datasets().importFile(csv("prompt,reference,grader\n"
                + "lights on,ok,contains\n"
                + "lights off,ok,contains\n"
                + "summarise the meeting notes,summary,contains\n"
                + "plan a three day trip to Lisbon please,itinerary,contains\n"));
        String[] prompts = {"lights on", "lights off", "summarise the meeting notes", "plan a three day trip to Lisbon please"};
        for (int i = 0; i < prompts.length; i++) {
            ReplayUiFixture.stored(ws, local, prompts[i], i < 2 ? "ok" : "no idea", localCost, 40);
            ReplayUiFixture.stored(ws, cloud, prompts[i], i == 0 ? "ok" : "no idea", (Double) null, 800);
        }
    }

    @Test
    void anUnpricedModelsCostReadsUnknownNotZero() throws Exception {
        importAndStoreUnpriced(0);
        replay("length v1");

        // v1: the two short prompts stay local ($0 device cost), the two long ones go to gpt-x, which has no price
        assertThat(figure("cost-total")).isEqualTo("cost unknown");
        assertThat(figure("cost-per-1k")).isEqualTo("cost unknown");
        assertThat(vm.results().messageProperty().get()).contains("Cost unknown for the answers of gpt-x")
                .contains("Models screen");
        assertThat(vm.results().rows().get(0).costText()).isEqualTo("$0");
        assertThat(vm.results().rows().get(2).costText()).isEqualTo("cost unknown");
        var allCloud = vm.results().points().stream().filter(p -> p.name().equals("all-cloud (gpt-x)")).findFirst()
                .orElseThrow();
        assertThat(allCloud.costText()).isEqualTo("cost unknown");
        assertThat(vm.results().points().stream().filter(p -> p.name().equals("all-local (tiny)")).findFirst()
                .orElseThrow().costText()).isEqualTo("$0");
        assertThat(figure("savings")).contains("saving is unknown").doesNotContain("cost nothing");
        Summary s = Summary.of(vm.results().resultProperty().get());
        assertThat(s.policy().unpriced()).isEqualTo(2);
        assertThat(s.unpricedModels()).containsExactly("gpt-x");
        assertThat(s.savings().costUnknown()).isTrue();
        assertThat(s.savings().costReduction()).isNull();
    }

    /**
     * gpt-x cannot run (its key was kept for an earlier app run only), so its calls fail at once: the results say how
     * many items have no answer and why, as a warning, and those items' answers read "Failed: " and the run's error
     * (they were empty cells beside a $0 cost, and the savings said all-cloud "cost nothing").
     */
    @Test
    void callsThatFailAreSaidWithTheirErrorInsteadOfEmptyAnswers() throws Exception {
        String why = "No API key for gateway gpt-x: The key was kept for an earlier app run only; enter it again.";
        live = m -> new ModelEngine() {
            @Override
            public dev.switchyard.app.engine.RunHandle start(dev.switchyard.app.engine.EngineRequest request,
                                                            dev.switchyard.app.engine.EngineListener listener) {
                listener.onError(new dev.switchyard.app.engine.EngineFailure("unavailable", why,
                        new dev.switchyard.app.engine.EngineResult(dev.switchyard.workspace.model.RunStatus.FAILED, "", "",
                                null, dev.switchyard.app.engine.EngineMetrics.NONE, null)));
                return () -> { };
            }

            @Override
            public dev.switchyard.app.engine.Availability availability() {
                return dev.switchyard.app.engine.Availability.READY;
            }
        };
        vm.datasets().importFile(csv("prompt,reference,grader\n"
                + "lights on,ok,contains\n"
                + "lights off,ok,contains\n"
                + "summarise the meeting notes,summary,contains\n"
                + "plan a three day trip to Lisbon please,itinerary,contains\n"));
        ws.prices().insert(dev.switchyard.workspace.model.PriceRow.of(cloud.id(), new java.math.BigDecimal("0.15"), null,
                new java.math.BigDecimal("0.60"), "test", java.time.LocalDate.of(2024, 1, 1)));
        for (String prompt : new String[] {"lights on", "lights off", "summarise the meeting notes",
                "plan a three day trip to Lisbon please"}) {
            ReplayUiFixture.stored(ws, local, prompt, "ok", 0, 40);
        }
        vm.run().policyProperty().set(vm.run().policies().stream().filter(p -> p.label().equals("length v1"))
                .findFirst().orElseThrow());
        vm.run().prepare();
        assertThat(vm.run().modeProperty().get()).isEqualTo(RunViewModel.Mode.CONFIRMING);
        vm.run().confirm();
        long deadline = System.currentTimeMillis() + 20_000;
        while (vm.run().modeProperty().get() != RunViewModel.Mode.FINISHED) {
            assertThat(System.currentTimeMillis()).as(vm.run().messageProperty().get()).isLessThan(deadline);
            Thread.sleep(20);
        }

        // v1: the two short prompts stay local and pass, the two long ones go to gpt-x, whose calls failed
        assertThat(vm.results().messageProperty().get()).isEqualTo("2 of 4 items have no answer: the call to gpt-x did"
                + " not complete (gpt-x 2), so they count as failed and cost nothing. gpt-x: " + why
                + " Once that is fixed, replay again: the answers that completed are reused.");
        assertThat(vm.results().warningProperty().get()).isTrue();
        assertThat(figure("cost-total")).isEqualTo("$0");
        assertThat(vm.results().rows()).extracting(ItemRow::answer).containsExactly("ok", "ok", "Failed: " + why,
                "Failed: " + why);
    }

    @Test
    void aPartlyUnpricedCostReadsAtLeastTheKnownPart() throws Exception {
        importAndStoreUnpriced(0.001);
        replay("length v1");

        // known: two local answers at $0.001; the two gpt-x answers have no price
        assertThat(figure("cost-total")).isEqualTo("at least $0.00200");
        assertThat(figure("cost-per-1k")).isEqualTo("at least $0.5000");
        assertThat(vm.results().rows().get(0).costText()).isEqualTo("$0.00100");
        assertThat(vm.results().rows().get(3).costText()).isEqualTo("cost unknown");
        vm.results().sweepTo(60); // every prompt local: known again
        assertThat(vm.results().sweepTextProperty().get()).contains("$1.0000 per 1,000 prompts");
        vm.results().sweepTo(0); // every prompt to gpt-x
        assertThat(vm.results().sweepTextProperty().get()).contains("cost unknown per 1,000 prompts");
    }

    @Test
    void theProgressOfLiveCallsToAnUnpricedModelDoesNotReadZero() {
        var unknown = new dev.switchyard.app.replay.engine.ReplayProgress(3, 20, 0, 0, 41_000, 3);
        assertThat(RunViewModel.progressText(unknown)).isEqualTo("3 / 20 items · spent: cost unknown · 0:41 left");
        var partly = new dev.switchyard.app.replay.engine.ReplayProgress(3, 20, 0.0012, 0, -1, 1);
        assertThat(RunViewModel.progressText(partly)).isEqualTo("3 / 20 items · at least $0.00120 spent · estimating"
                + " time left");
        var priced = new dev.switchyard.app.replay.engine.ReplayProgress(3, 20, 0.0012, 0, -1, 0);
        assertThat(RunViewModel.progressText(priced)).startsWith("3 / 20 items · $0.00120 spent · ");
    }

    @Test
    void theSweepTextStatesThePolicysOwnThresholdWhenAReplayIsShownOrShownAgain() throws Exception {
        importAndStore();
        replay("length v1");
        String atOwnThreshold = vm.results().sweepTextProperty().get();
        assertThat(atOwnThreshold).contains("prompt characters <=").contains("0 prompts change route");

        vm.results().sweepTo(30);
        assertThat(vm.results().sweepTextProperty().get()).contains("1 prompt change route");
        vm.results().show(vm.results().resultProperty().get()); // the same replay opened again

        assertThat(vm.results().sweepTextProperty().get()).isEqualTo(atOwnThreshold);
        assertThat(vm.results().thresholdProperty().get()).isNotNull();
    }

    @Test
    void theSliderRecomputesFromStoredAnswersAndListsThePromptsThatChangeRoute() throws Exception {
        importAndStore();
        replay("length v1");
        assertThat(vm.results().sweepableProperty().get()).isTrue();
        assertThat(vm.results().curve()).hasSize(21);

        vm.results().sweepTo(30);

        assertThat(engineCalls).hasValue(0);
        assertThat(vm.results().changes()).extracting(c -> c.prompt()).containsExactly("summarise the meeting notes");
        assertThat(vm.results().changes().get(0).from()).isEqualTo("gpt-x");
        assertThat(vm.results().changes().get(0).to()).isEqualTo("tiny");
        assertThat(vm.results().sweepPointProperty().get().passRate()).isEqualTo(0.75);
        assertThat(vm.results().sweepTextProperty().get()).contains("prompt characters <= 30").contains("75.0%")
                .contains("1 prompt change route");
    }

    @Test
    void liveCallsWaitForConfirmationAndDecliningCallsNothing() throws Exception {
        vm.datasets().importFile(csv("prompt,reference\nlights on,ok\nplan a three day trip to Lisbon please,itinerary\n"));
        vm.run().policyProperty().set(vm.run().policies().get(0));

        vm.run().prepare();

        assertThat(vm.run().modeProperty().get()).isEqualTo(RunViewModel.Mode.CONFIRMING);
        assertThat(vm.run().estimateProperty().get()).contains("2 cloud calls").contains("2 local calls")
                .contains("0 answers from stored runs").contains("No price in force for gpt-x")
                .startsWith("2 cloud calls, cost unknown.").doesNotContain("$0");
        vm.run().decline();
        assertThat(vm.run().modeProperty().get()).isEqualTo(RunViewModel.Mode.IDLE);
        assertThat(vm.run().messageProperty().get()).isEqualTo("Not started: no call was made.");
        assertThat(engineCalls).hasValue(0);
        assertThat(ws.replays().list()).isEmpty();
    }

    @Test
    void exportsWriteCsvJsonAndASelfContainedHtmlReport() throws Exception {
        importAndStore();
        replay("length v1");
        Path csv = dir.resolve("r.csv");
        Path json = dir.resolve("r.json");
        Path html = dir.resolve("r.html");

        vm.results().export(ReplayBackend.ExportFormat.CSV, csv);
        vm.results().export(ReplayBackend.ExportFormat.JSON, json);
        vm.results().export(ReplayBackend.ExportFormat.HTML, html);

        assertThat(Files.readAllLines(csv)).hasSize(5).first().asString().startsWith("position,prompt,");
        assertThat(Files.readString(json)).contains("length v1").contains("baselines");
        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<svg").contains("all-cloud (gpt-x)")
                .contains("plan a three day trip").doesNotContain("<script").doesNotContain("src=\"http");
        assertThat(vm.results().messageProperty().get()).contains("Exported HTML");
    }

    @Test
    void twoReplaysCompareItemByItemAndAStoredReplayReopens() throws Exception {
        importAndStore();
        replay("length v1");
        long first = vm.results().resultProperty().get().replay().id();
        replay("length v2");

        vm.compare().compare(vm.results().resultProperty().get(), first);

        assertThat(vm.compare().rows()).hasSize(4);
        assertThat(vm.compare().summaryProperty().get()).contains("4 items matched").contains("1 change route")
                .contains("Pass rate 75.0% → 100.0%");
        vm.results().open(first);
        assertThat(vm.results().resultProperty().get().replay().id()).isEqualTo(first);
        assertThat(vm.results().resultProperty().get().policyLabel()).isEqualTo("length v1");
    }
}
