package dev.switchyard.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.compare.Formats;
import dev.switchyard.app.compare.ModelStats;
import dev.switchyard.app.engine.Availability;
import dev.switchyard.app.AppContext;
import dev.switchyard.app.engine.ModelEngine;
import dev.switchyard.app.routing.Action;
import dev.switchyard.app.routing.AutoRoutes;
import dev.switchyard.app.routing.Policy;
import dev.switchyard.app.routing.PolicyStore;
import dev.switchyard.app.routing.WorkspaceRouting;
import dev.switchyard.app.run.RunService;
import dev.switchyard.ui.task.DirectTaskRunner;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.PriceRow;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunStatus;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compare view model without a toolkit: DirectTaskRunner, a real workspace, scripted engines. */
class CompareViewModelTest {

    @TempDir
    Path dir;
    private Workspace ws;
    private final Map<String, ModelEngine> engines = new HashMap<>();
    private final AtomicLong clock = new AtomicLong();
    private CompareViewModel vm;
    private Provider provider;

    @BeforeEach
    void open() {
        ws = Workspace.open(dir.resolve("vm.switchyard"));
        provider = ws.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "Gateway", "http://127.0.0.1:9/v1", null, null));
        vm = new CompareViewModel(new DirectTaskRunner(), () -> clock.addAndGet(1_000_000), Runnable::run, new Random(7));
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private Model model(String name, ModelEngine engine, Double pricePerMTok) {
        return model(provider, name, engine, pricePerMTok);
    }

    private Model model(Provider at, String name, ModelEngine engine, Double pricePerMTok) {
        Model m = ws.models().insert(Model.of(at.id(), name, name, ModelKind.CLOUD, null, null, "{}"));
        if (pricePerMTok != null) {
            ws.prices().insert(PriceRow.of(m.id(), BigDecimal.valueOf(pricePerMTok), null, BigDecimal.valueOf(pricePerMTok),
                    "test", LocalDate.of(2020, 1, 1)));
        }
        engines.put(name, engine);
        return m;
    }

    private void start() {
        vm.open(ws, m -> {
            ModelEngine e = engines.get(m.apiModelId());
            if (e == null) {
                throw new UnsupportedOperationException("no engine");
            }
            return e;
        });
    }

    private ModelChoice choice(String name) {
        return vm.picker().choices().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private void pickOnly(String... names) {
        vm.picker().choices().forEach(c -> vm.picker().select(c, false));
        for (String n : names) {
            vm.picker().select(choice(n), true);
        }
    }

    @Test
    void runStreamsEveryModelIntoItsPaneWithMetrics() {
        model("alpha", FakeEngine.answering("# Hi", "\n\nthere"), 1.0);
        model("beta", FakeEngine.answering("Hello"), null);
        start();
        assertThat(vm.picker().selectedCountProperty().get()).isEqualTo(2);
        vm.editor().userProperty().set("Say hi");
        vm.run();

        assertThat(vm.modeProperty().get()).isEqualTo(CompareViewModel.Mode.IDLE);
        assertThat(vm.panes()).hasSize(2);
        PaneModel alpha = vm.panes().stream().filter(p -> p.realName().equals("alpha")).findFirst().orElseThrow();
        PaneModel beta = vm.panes().stream().filter(p -> p.realName().equals("beta")).findFirst().orElseThrow();
        assertThat(alpha.answerProperty().get()).isEqualTo("# Hi\n\nthere");
        assertThat(alpha.stateProperty().get()).isEqualTo(PaneModel.State.COMPLETED);
        assertThat(alpha.titleProperty().get()).isEqualTo("alpha");
        assertThat(alpha.subtitleProperty().get()).isEqualTo("Gateway · Cloud");
        assertThat(alpha.ttftProperty().get()).isEqualTo("100 ms");
        assertThat(alpha.inputTokensProperty().get()).isEqualTo("12");
        assertThat(alpha.outputTokensProperty().get()).isEqualTo("2");
        assertThat(alpha.costProperty().get()).startsWith("$0.0000");
        assertThat(beta.costProperty().get()).isEqualTo("no price");
        assertThat(alpha.statusProperty().get()).isEqualTo("Done");
        assertThat(vm.messageProperty().get()).startsWith("Finished 2 runs");
        assertThat(ws.runs().count()).isEqualTo(2);
        assertThat(vm.stats()).hasSize(2);
    }

    @Test
    void aRemovedModelIsNotOfferedButItsRowStaysForItsRuns() {
        Model gone = model("gone", FakeEngine.answering("old"), 1.0);
        model("kept", FakeEngine.answering("new"), null);
        start();
        pickOnly("gone");
        vm.editor().userProperty().set("Say hi");
        vm.run();
        ws.models().update(dev.switchyard.app.models.RemovedModels.markRemoved(gone, java.time.Instant.now()));
        start();
        assertThat(vm.picker().choices()).extracting(ModelChoice::name).contains("kept").doesNotContain("gone");
        assertThat(ws.models().get(gone.id())).as("History still reads its run's model").isPresent();
        assertThat(ws.runs().count()).isEqualTo(1);
    }

    @Test
    void aPaneHoldsItsWholeAnswerWhenItSaysDone() {
        // the batch window never elapses here, so the tokens reach the pane in the same batch as the end of the run
        vm = new CompareViewModel(new DirectTaskRunner(), () -> clock.addAndGet(1_000_000), task -> { }, new Random(7));
        model("alpha", FakeEngine.answering("# Hi", "\n\nthere"), null);
        start();
        vm.editor().userProperty().set("Say hi");
        List<String> answerWhenDone = new ArrayList<>();
        vm.panes().addListener((javafx.collections.ListChangeListener<PaneModel>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(p -> p.stateProperty().addListener((o, was, now) -> {
                    if (now == PaneModel.State.COMPLETED) {
                        answerWhenDone.add(p.answerProperty().get());
                    }
                }));
            }
        });
        vm.run();
        assertThat(answerWhenDone).containsExactly("# Hi\n\nthere");
    }

    @Test
    void modelSelectionAllowsOneToSix() {
        for (int i = 1; i <= 7; i++) {
            model("m" + i, FakeEngine.answering("x"), null);
        }
        start();
        pickOnly();
        vm.editor().userProperty().set("hi");
        vm.run();
        assertThat(vm.messageProperty().get()).isEqualTo("Pick at least one model to run the prompt on.");
        assertThat(vm.panes()).isEmpty();

        for (int i = 1; i <= 7; i++) {
            vm.picker().select(choice("m" + i), true);
        }
        assertThat(vm.picker().selectedCountProperty().get()).isEqualTo(6);
        assertThat(vm.picker().fullProperty().get()).isTrue();
        assertThat(choice("m7").isSelected()).isFalse();
        assertThat(vm.messageProperty().get()).contains("at most 6");
        vm.run();
        assertThat(vm.panes()).hasSize(6);
    }

    @Test
    void aLocalPaneWaitsUntilItsEngineBeginsAndCountsTtftFromThere() throws Exception {
        java.util.concurrent.atomic.AtomicReference<dev.switchyard.app.engine.EngineListener> listener =
                new java.util.concurrent.atomic.AtomicReference<>();
        ModelEngine manual = new ModelEngine() {
            @Override
            public dev.switchyard.app.engine.RunHandle start(dev.switchyard.app.engine.EngineRequest request,
                                                             dev.switchyard.app.engine.EngineListener l) {
                listener.set(l);
                return () -> { };
            }

            @Override
            public Availability availability() {
                return Availability.READY;
            }
        };
        ws.models().insert(Model.of(provider.id(), "tiny-local", "tiny-local", ModelKind.LOCAL_GENERATIVE, null, null, "{}"));
        engines.put("tiny-local", manual);
        start();
        pickOnly("tiny-local");
        vm.editor().userProperty().set("hi");
        vm.run();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (listener.get() == null && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        PaneModel pane = vm.panes().get(0);
        assertThat(pane.stateProperty().get()).isEqualTo(PaneModel.State.WAITING);
        assertThat(pane.statusProperty().get()).isEqualTo("Starting");
        assertThat(pane.runningProperty().get()).isTrue();

        listener.get().onWaiting(dev.switchyard.app.engine.EngineListener.Waiting.LOADING_MODEL);
        assertThat(pane.statusProperty().get()).isEqualTo("Loading the model");
        clock.addAndGet(5_000_000_000L); // the model loads for five seconds
        listener.get().onWaiting(dev.switchyard.app.engine.EngineListener.Waiting.DEVICE_BUSY);
        assertThat(pane.stateProperty().get()).isEqualTo(PaneModel.State.WAITING);
        assertThat(pane.statusProperty().get()).isEqualTo("Waiting for another local run");
        listener.get().onDispatched();
        assertThat(pane.stateProperty().get()).isEqualTo(PaneModel.State.STREAMING);
        assertThat(pane.statusProperty().get()).isEqualTo("Streaming");
        listener.get().onToken("Hello");
        // counted from the engine's start (a few ticks of the test clock), not from the run's creation 5 s earlier
        assertThat(pane.ttftProperty().get()).startsWith("~").doesNotContain(",");
        assertThat(Double.parseDouble(pane.ttftProperty().get().replaceAll("[^0-9.]", ""))).isLessThan(100);
        listener.get().onComplete(new dev.switchyard.app.engine.EngineResult(RunStatus.COMPLETED, "Hello", "", "max_tokens",
                new dev.switchyard.app.engine.EngineMetrics(3.0, 10.0, 3, null, 1, null, null, null, 5000L, null, false, 0),
                "{\"stopReason\":\"max_tokens\"}"));
        assertThat(pane.stateProperty().get()).isEqualTo(PaneModel.State.COMPLETED);
        assertThat(pane.ttftProperty().get()).isEqualTo("3 ms");
        // how it ended, then the load the strip leaves out (the run store's clock is the real one: no queue worth showing)
        assertThat(pane.otherFiguresProperty().get()).isEqualTo("cut at the max-tokens limit · load 5.0\u00a0s");
        assertThat(ws.runs().get(pane.runs().get(0).id()).orElseThrow().outcomeJson())
                .isEqualTo("{\"finishReason\":\"max_tokens\",\"stopReason\":\"max_tokens\"}");
    }

    @Test
    void aModelThatCannotRunSaysWhyAndWhatFixesIt() {
        model("keyed", new FakeEngine(List.of(), FakeEngine.End.COMPLETE,
                Availability.notReady("No API key for Gateway: OPENAI_KEY is not set.", "Set OPENAI_KEY to the key and start Switchyard again."), ""), null);
        Model local = ws.models().insert(Model.of(provider.id(), "tiny-local", "tiny-local", ModelKind.LOCAL_GENERATIVE, null, null, "{}"));
        start();
        ModelChoice keyed = choice("keyed");
        assertThat(keyed.ready()).isFalse();
        assertThat(keyed.fix()).isEqualTo(ModelChoice.Fix.TEXT);
        ModelChoice tiny = choice("tiny-local");
        assertThat(tiny.model().id()).isEqualTo(local.id());
        assertThat(tiny.kindLabel()).isEqualTo("Local");
        assertThat(tiny.availability().reason()).contains("cannot run in this build");
        assertThat(tiny.fix()).isEqualTo(ModelChoice.Fix.OPEN_MODELS);

        pickOnly("keyed");
        vm.editor().userProperty().set("hi");
        vm.run();
        assertThat(vm.messageProperty().get()).isEqualTo(
                "keyed cannot run now: No API key for Gateway: OPENAI_KEY is not set. Set OPENAI_KEY to the key and start Switchyard again.");
        assertThat(vm.panes()).isEmpty();
    }

    @Test
    void promptProblemsAreSentencesAndVariablesAreSubstituted() {
        FakeEngine engine = FakeEngine.answering("ok");
        model("alpha", engine, null);
        start();
        vm.run();
        assertThat(vm.messageProperty().get()).isEqualTo("Write a user message first.");

        vm.editor().systemProperty().set("You work for {{company}}.");
        vm.editor().userProperty().set("Greet {{ name }} from {{company}}");
        assertThat(vm.editor().variables()).extracting(VariableRow::name).containsExactly("company", "name");
        vm.run();
        assertThat(vm.messageProperty().get()).isEqualTo("Give a value to {{company}}, {{name}} in the variables table.");

        // the refusal follows the edits: it says what is still missing, then goes
        vm.editor().variables().get(0).valueProperty().set("Acme");
        assertThat(vm.messageProperty().get()).isEqualTo("Give a value to {{name}} in the variables table.");
        vm.editor().variables().get(1).valueProperty().set("Ada");
        assertThat(vm.messageProperty().get()).isEmpty();
        vm.editor().temperatureProperty().set("hot");
        vm.run();
        assertThat(vm.messageProperty().get()).isEqualTo("Temperature must be a number, not 'hot'.");
        vm.editor().temperatureProperty().set("7");
        assertThat(vm.messageProperty().get()).startsWith("Temperature").doesNotContain("'hot'");

        vm.editor().temperatureProperty().set("0.3");
        assertThat(vm.messageProperty().get()).isEmpty();
        vm.editor().maxTokensProperty().set("64");
        vm.run();
        assertThat(engine.requests).hasSize(1);
        assertThat(engine.requests.get(0).system()).isEqualTo("You work for Acme.");
        assertThat(engine.requests.get(0).user()).isEqualTo("Greet Ada from Acme");
        assertThat(engine.requests.get(0).params().temperature()).isEqualTo(0.3);
        assertThat(engine.requests.get(0).params().maxTokens()).isEqualTo(64);

        vm.editor().userProperty().set("Greet {{name}} again");
        assertThat(vm.editor().variables()).extracting(VariableRow::name).containsExactly("company", "name");
        assertThat(vm.editor().variables().get(1).valueProperty().get()).isEqualTo("Ada");
    }

    @Test
    void savingMakesVersionsAndTheLibrarySearchesAndLoads() {
        start();
        vm.editor().userProperty().set("Summarise {{doc}}");
        vm.library().save();
        assertThat(vm.messageProperty().get()).isEqualTo("Give the prompt a name before saving it.");

        vm.editor().nameProperty().set("Summary");
        vm.editor().variables().get(0).valueProperty().set("the memo");
        vm.library().save();
        assertThat(vm.messageProperty().get()).isEqualTo("Saved Summary as v1.");
        assertThat(vm.editor().versionTextProperty().get()).isEqualTo("v1");
        vm.library().save();
        assertThat(vm.messageProperty().get()).contains("already holds this text");

        vm.editor().userProperty().set("Summarise {{doc}} in three bullets");
        assertThat(vm.editor().versionTextProperty().get()).isEqualTo("v1 · edited");
        // a parameter typed wrong is not saved into a version (it would come back wrong each time it is loaded)
        vm.editor().temperatureProperty().set("hot");
        vm.library().save();
        assertThat(vm.messageProperty().get()).startsWith("Temperature").endsWith(" Fix it before saving.");
        assertThat(ws.prompts().versions(ws.prompts().findByName("Summary").orElseThrow().id())).hasSize(1);
        vm.editor().temperatureProperty().set("");
        vm.library().save();
        assertThat(vm.messageProperty().get()).isEqualTo("Saved Summary as v2.");
        assertThat(ws.prompts().versions(ws.prompts().findByName("Summary").orElseThrow().id())).hasSize(2);

        vm.library().newPrompt();
        vm.editor().nameProperty().set("Translate");
        vm.editor().userProperty().set("Translate to French");
        vm.library().save();
        assertThat(vm.library().entries()).hasSize(2);
        vm.library().searchProperty().set("bullets");
        assertThat(vm.library().entries()).extracting(PromptLibraryModel.Entry::name).containsExactly("Summary");

        vm.library().pick(vm.library().entries().get(0));
        assertThat(vm.editor().userProperty().get()).isEqualTo("Summarise {{doc}} in three bullets");
        assertThat(vm.editor().variables().get(0).valueProperty().get()).isEqualTo("the memo");
        assertThat(vm.editor().versionTextProperty().get()).isEqualTo("v2");
    }

    @Test
    void anyVersionOfAPromptCanBeListedAndLoaded() {
        start();
        vm.editor().nameProperty().set("Summary");
        vm.editor().userProperty().set("Summarise {{doc}}");
        vm.editor().temperatureProperty().set("0.2");
        vm.library().save();
        assertThat(vm.library().versionsOfProperty().get()).isEqualTo("Summary");
        assertThat(vm.library().versions()).extracting(r -> r.version().version()).containsExactly(1);
        vm.editor().userProperty().set("Summarise {{doc}} in three bullets");
        vm.editor().temperatureProperty().set("0.7");
        vm.library().save();
        vm.editor().userProperty().set("Summarise {{doc}} in one line");
        vm.library().save();

        // newest first, with number and date; the newest is marked
        List<PromptLibraryModel.VersionRow> rows = List.copyOf(vm.library().versions());
        assertThat(rows).extracting(r -> r.version().version()).containsExactly(3, 2, 1);
        assertThat(rows).extracting(PromptLibraryModel.VersionRow::note).containsExactly("latest", "", "");
        java.time.ZonedDateTime saved = rows.get(2).version().createdAt().atZone(java.time.ZoneId.systemDefault());
        assertThat(rows.get(2).label()).startsWith("v1 · " + saved.getDayOfMonth() + " ")
                .endsWith(String.format("%02d:%02d", saved.getHour(), saved.getMinute()));
        assertThat(rows.get(2).saved()).startsWith("Saved ").contains(String.valueOf(saved.getYear()));

        vm.library().pickVersion(rows.get(2));
        assertThat(vm.editor().userProperty().get()).isEqualTo("Summarise {{doc}}");
        assertThat(vm.editor().temperatureProperty().get()).isEqualTo("0.2");
        assertThat(vm.editor().versionTextProperty().get()).isEqualTo("v1");
        assertThat(vm.messageProperty().get()).isEqualTo("Loaded Summary v1 (the latest is v3).");
        vm.library().pickVersion(rows.get(1));
        assertThat(vm.editor().userProperty().get()).isEqualTo("Summarise {{doc}} in three bullets");
        assertThat(vm.editor().temperatureProperty().get()).isEqualTo("0.7");

        // an older version edited and saved becomes the newest version
        vm.editor().userProperty().set("Summarise {{doc}} for a child");
        assertThat(vm.editor().versionTextProperty().get()).isEqualTo("v2 · edited");
        vm.library().save();
        assertThat(vm.messageProperty().get()).isEqualTo("Saved Summary as v4.");
        assertThat(vm.library().versions()).extracting(r -> r.version().version()).containsExactly(4, 3, 2, 1);

        // picking a prompt in the library lists its versions; a new prompt has none
        vm.library().newPrompt();
        assertThat(vm.library().versions()).isEmpty();
        vm.library().pick(vm.library().entries().get(0));
        assertThat(vm.library().versions()).hasSize(4);
        assertThat(vm.editor().versionTextProperty().get()).isEqualTo("v4");
    }

    @Test
    void aFailedPaneKeepsItsPartialTextAndSaysWhatToDo() {
        model("flaky", new FakeEngine(List.of("The answer", " is"), FakeEngine.End.FAIL, Availability.READY, "hmm"), null);
        start();
        vm.editor().userProperty().set("q");
        vm.run();
        PaneModel p = vm.panes().get(0);
        assertThat(p.stateProperty().get()).isEqualTo(PaneModel.State.INCOMPLETE);
        assertThat(p.answerProperty().get()).isEqualTo("The answer is");
        assertThat(p.reasoningProperty().get()).isEqualTo("hmm");
        assertThat(p.errorProperty().get()).isEqualTo("The connection broke while the answer was streaming; the partial answer was kept.");
        assertThat(p.adviceProperty().get()).isEqualTo("The provider had a problem; run again in a moment.");
        assertThat(p.statusProperty().get()).isEqualTo("Incomplete");
        assertThat(ws.runs().page(new dev.switchyard.workspace.model.RunQuery(null, null, null, null, null, null, false, 0, 10))
                .items().get(0).status()).isEqualTo(RunStatus.INCOMPLETE);
    }

    /**
     * An engine that ends every run with first_token_timeout before any token, as the cloud engine does, and runs with
     * {@code limits} (the cloud engine's are its row's, ModelDirectory#timeouts).
     */
    private static ModelEngine timingOut(dev.switchyard.cloud.Timeouts limits) {
        return new ModelEngine() {
            @Override
            public dev.switchyard.cloud.Timeouts timeLimits() {
                return limits;
            }

            @Override
            public dev.switchyard.app.engine.RunHandle start(dev.switchyard.app.engine.EngineRequest request,
                                                             dev.switchyard.app.engine.EngineListener listener) {
                listener.onError(new dev.switchyard.app.engine.EngineFailure("first_token_timeout",
                        "The model did not start answering within the first-token time limit.",
                        new dev.switchyard.app.engine.EngineResult(RunStatus.FAILED, "", "", null,
                                dev.switchyard.app.engine.EngineMetrics.NONE, null)));
                return () -> { };
            }

            @Override
            public Availability availability() {
                return Availability.READY;
            }
        };
    }

    /** The advice under a timed-out pane names the model, the limit it hit and where to raise it; blind, not the model. */
    @Test
    void aTimedOutPaneSaysWhereToRaiseTheModelsLimit() {
        Model slow = model("slow-gw", timingOut(dev.switchyard.cloud.Timeouts.DEFAULT.withFirstToken(
                java.time.Duration.ofSeconds(90))), null);
        ws.models().update(new Model(slow.id(), slow.uid(), slow.providerId(), slow.apiModelId(), "Big llama", slow.kind(),
                null, slow.capabilities(), "{\"timeouts\":{\"connectMs\":10000,\"firstTokenMs\":90000,\"idleMs\":30000,"
                + "\"totalMs\":600000}}", slow.createdAt()));
        start();
        vm.editor().userProperty().set("q");
        vm.run();
        PaneModel p = vm.panes().get(0);
        assertThat(p.stateProperty().get()).isEqualTo(PaneModel.State.FAILED);
        assertThat(p.adviceProperty().get()).isEqualTo("If it is only slow to start (a gateway loading a large model on"
                + " its first request), raise its first-token limit (now 90 s) in Models → Big llama → Time limits, or with:"
                + " switchyard models set-timeouts \"Big llama\" --first-token 3min. Otherwise run again later or pick a"
                + " faster model.");

        vm.blindProperty().set(true);
        vm.run();
        assertThat(vm.panes().get(0).adviceProperty().get()).as("blind: the model is not given away")
                .doesNotContain("Big llama").doesNotContain("90 s").contains("Models → the model → Time limits");
    }

    /**
     * Time limits changed after the picker was filled (Models → Time limits, or {@code models set-timeouts} from a
     * terminal; the engine factory reads the row again for each run): the next Run's advice names the limit that run
     * really had, read when it started — not the one the picker saw — and the run stores it (workspace-schema
     * decision 15).
     */
    @Test
    void limitsChangedAfterThePickerWasFilledAreTheOnesTheNextRunUsesNamesAndStores() {
        model("slow-gw", timingOut(dev.switchyard.cloud.Timeouts.DEFAULT.withFirstToken(
                java.time.Duration.ofSeconds(90))), null);
        start();
        vm.editor().userProperty().set("q");
        vm.run();
        assertThat(vm.panes().get(0).adviceProperty().get()).contains("raise its first-token limit (now 90 s)");

        // raised to 4 min on the Models screen meanwhile; the picker is not reloaded
        engines.put("slow-gw", timingOut(dev.switchyard.cloud.Timeouts.DEFAULT.withFirstToken(
                java.time.Duration.ofMinutes(4)).withTotal(java.time.Duration.ofMinutes(10))));
        vm.run();
        PaneModel p = vm.panes().get(0);
        assertThat(p.adviceProperty().get()).contains("raise its first-token limit (now 4 min)")
                .contains("--first-token 8min").doesNotContain("90 s");
        List<Run> stored = ws.runs().page(new dev.switchyard.workspace.model.RunQuery(null, null, null, null, null, null,
                false, 0, 10)).items();
        assertThat(stored).extracting(Run::limitsJson).containsExactlyInAnyOrder(
                "{\"connectMs\":10000,\"firstTokenMs\":240000,\"idleMs\":30000,\"totalMs\":600000}",
                "{\"connectMs\":10000,\"firstTokenMs\":90000,\"idleMs\":30000,\"totalMs\":600000}");
    }

    @Test
    void stopAllCancelsAndKeepsThePartialAnswer() {
        model("slow", new FakeEngine(List.of("Partial"), FakeEngine.End.HANG, Availability.READY, ""), null);
        model("quick", FakeEngine.answering("Done."), null);
        start();
        vm.editor().userProperty().set("q");
        vm.run();
        assertThat(vm.modeProperty().get()).isEqualTo(CompareViewModel.Mode.RUNNING);
        PaneModel slow = vm.panes().stream().filter(p -> p.realName().equals("slow")).findFirst().orElseThrow();
        assertThat(slow.runningProperty().get()).isTrue();

        vm.stopAll();

        assertThat(vm.modeProperty().get()).isEqualTo(CompareViewModel.Mode.IDLE);
        assertThat(slow.stateProperty().get()).isEqualTo(PaneModel.State.CANCELLED);
        assertThat(slow.answerProperty().get()).isEqualTo("Partial");
        assertThat(slow.errorProperty().get()).isEqualTo("The run was stopped.");
        assertThat(slow.adviceProperty().get()).startsWith("You stopped this run");
    }

    @Test
    void aRunLaunchesWhenItsGateOpensAndAStopBeforeThenCancelsAtOnce() {
        model("alpha", FakeEngine.answering("Hello"), null);
        model("slow", new FakeEngine(List.of("Partial"), FakeEngine.End.HANG, Availability.READY, ""), null);
        start();
        List<Runnable> held = new java.util.ArrayList<>();
        vm.setLaunchGate(held::add);
        vm.editor().userProperty().set("q");
        vm.run();

        // the panes show at once; nothing is stored or asked of an engine until the gate lets the launch go
        assertThat(vm.panes()).hasSize(2);
        assertThat(vm.modeProperty().get()).isEqualTo(CompareViewModel.Mode.RUNNING);
        assertThat(held).hasSize(1);
        assertThat(ws.comparisons().recent(10)).isEmpty();
        assertThat(ws.runs().count()).isZero();

        PaneModel slow = vm.panes().stream().filter(p -> p.realName().equals("slow")).findFirst().orElseThrow();
        slow.stop(); // Esc before the streams began
        held.get(0).run();

        PaneModel alpha = vm.panes().stream().filter(p -> p.realName().equals("alpha")).findFirst().orElseThrow();
        assertThat(alpha.answerProperty().get()).isEqualTo("Hello");
        assertThat(slow.stateProperty().get()).isEqualTo(PaneModel.State.CANCELLED);
        assertThat(vm.modeProperty().get()).isEqualTo(CompareViewModel.Mode.IDLE);
        assertThat(ws.comparisons().recent(10)).hasSize(1);
    }

    @Test
    void offlineTheCloudModelsSaySoAndRunRefusesThemUntilTheNetworkIsBack() {
        Provider far = ws.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "Far gateway",
                "https://gateway.example.com/v1", null, null));
        model(far, "cloudy", FakeEngine.answering("Hi"), null);
        model(far, "keyless", new FakeEngine(List.of(), FakeEngine.End.COMPLETE,
                Availability.notReady("No API key for Gateway.", "Add the key in Models and providers."), ""), null);
        model("on-this-machine", FakeEngine.answering("Local gateway"), null); // at 127.0.0.1, as Ollama at localhost
        boolean[] online = {false};
        vm.setNetwork(() -> online[0]);
        start();

        ModelChoice cloudy = choice("cloudy");
        assertThat(cloudy.ready()).isFalse();
        assertThat(cloudy.availability()).isEqualTo(Availability.OFFLINE);
        assertThat(cloudy.fix()).isEqualTo(ModelChoice.Fix.TEXT); // reconnecting is not done in Models
        assertThat(choice("keyless").availability().reason()).startsWith("No API key"); // a key fixes it, not the network
        assertThat(choice("on-this-machine").ready()).as("a gateway on this machine answers offline").isTrue();
        pickOnly("cloudy");
        vm.editor().userProperty().set("q");
        vm.run();
        assertThat(vm.panes()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("cloudy cannot run now: " + Availability.OFFLINE.reason() + " "
                + Availability.OFFLINE.fix());

        online[0] = true; // the status bar saw the network come back: the screen reads the picker again
        vm.refreshModels();
        assertThat(choice("cloudy").ready()).isTrue();
        assertThat(vm.picker().selected()).extracting(ModelChoice::name).containsExactly("cloudy"); // the pick is kept
        vm.run();
        assertThat(vm.panes()).hasSize(1);
        assertThat(vm.panes().get(0).answerProperty().get()).isEqualTo("Hi");
    }

    @Test
    void repeatRunsEachModelNTimesAndRanksThem() {
        model("alpha", FakeEngine.answering("a", "b", "c #n"), 1.0);
        model("beta", FakeEngine.answering("a"), 0.1);
        start();
        vm.editor().userProperty().set("q");
        vm.repeatProperty().set(3);
        vm.run();

        // the pane shows the last run; the others' answers and figures are a step back
        PaneModel a = vm.panes().stream().filter(p -> p.realName().equals("alpha")).findFirst().orElseThrow();
        assertThat(a.runCountProperty().get()).isEqualTo(3);
        assertThat(a.shownRunProperty().get()).isEqualTo(2);
        assertThat(a.answerProperty().get()).isEqualTo("abc 3");
        a.showRun(0);
        assertThat(a.answerProperty().get()).isEqualTo("abc 1");
        assertThat(a.statusProperty().get()).isEqualTo("Done · 1/3");
        assertThat(a.ttftProperty().get()).isEqualTo(Formats.ms(a.runs().get(0).metrics().ttftMs()));
        assertThat(a.voteRun().id()).as("a vote names the answer shown").isEqualTo(a.runs().get(0).id());
        a.showRun(3); // no fourth run
        assertThat(a.shownRunProperty().get()).isZero();
        a.showRun(2);
        assertThat(a.answerProperty().get()).isEqualTo("abc 3");

        assertThat(ws.runs().count()).isEqualTo(6);
        assertThat(vm.stats()).hasSize(2);
        ModelStats alpha = vm.stats().stream().filter(s -> s.label().equals("alpha")).findFirst().orElseThrow();
        assertThat(alpha.runs()).isEqualTo(3);
        assertThat(alpha.ttftMs().n()).isEqualTo(3);
        assertThat(alpha.ttftMs().min()).isEqualTo(100);
        assertThat(alpha.ttftMs().max()).isEqualTo(300);
        assertThat(alpha.ttftMs().p50()).isEqualTo(200);
        assertThat(alpha.costPer1000()).isNotNull();
        ModelStats beta = vm.stats().stream().filter(s -> s.label().equals("beta")).findFirst().orElseThrow();
        assertThat(beta.cheapest()).isTrue();
        assertThat(alpha.cheapest()).isFalse();
        assertThat(vm.panes().get(0).statusProperty().get()).endsWith("3/3");
        assertThat(vm.samplesOf(alpha)).hasSize(3);
    }

    @Test
    void aStoredComparisonShowsAgainWithItsAnswersAndStatisticsAndLeavesTheDraftAlone() {
        model("alpha", FakeEngine.answering("a", "b", "c"), 1.0);
        model("beta", FakeEngine.answering("**bold**"), 0.1);
        start();
        vm.editor().systemProperty().set("Answer in one line.");
        vm.editor().userProperty().set("What is WAL?");
        vm.repeatProperty().set(3);
        vm.run();
        long stored = ws.comparisons().list().get(0).id();
        List<ModelStats> statsWhenRun = List.copyOf(vm.stats());

        pickOnly("beta");
        vm.repeatProperty().set(1);
        vm.editor().userProperty().set("a new draft");
        vm.run();
        assertThat(vm.panes()).hasSize(1);

        vm.showStored(stored);

        assertThat(vm.panes()).extracting(PaneModel::realName).containsExactly("alpha", "beta");
        PaneModel beta = vm.panes().get(1);
        assertThat(beta.answerProperty().get()).isEqualTo("**bold**");
        assertThat(beta.stateProperty().get()).isEqualTo(PaneModel.State.COMPLETED);
        assertThat(beta.statusProperty().get()).isEqualTo("Done · 3/3");
        assertThat(beta.subtitleProperty().get()).isEqualTo("Gateway · Cloud");
        assertThat(beta.runningProperty().get()).isFalse();
        assertThat(vm.stats()).usingRecursiveFieldByFieldElementComparator().isEqualTo(statsWhenRun);
        assertThat(vm.messageProperty().get()).as("it quotes the user message, not the system message before it")
                .startsWith("Comparison of ").contains(" from History: 6 runs of \u201cWhat is WAL?\u201d.");
        assertThat(vm.editor().userProperty().get()).as("the draft is kept").isEqualTo("a new draft");
        assertThat(vm.editor().systemProperty().get()).as("the draft is kept").isEqualTo("Answer in one line.");
        assertThat(vm.voteOpenProperty().get()).isFalse();

        vm.showStored(987_654);
        assertThat(vm.messageProperty().get()).isEqualTo("Could not open the comparison: it is no longer in the workspace.");
        assertThat(vm.panes()).hasSize(2);
    }

    @Test
    void theDraftStaysWithItsWorkspaceWhenTheScreenLeavesItAndComesBack() {
        model("alpha", FakeEngine.answering("a"), null);
        model("beta", FakeEngine.answering("b"), null);
        start();
        pickOnly("beta", "alpha"); // beta first: the panes follow the pick order
        vm.editor().nameProperty().set("Greeting");
        vm.editor().systemProperty().set("Be brief.");
        vm.editor().userProperty().set("Say hi to {{who}}");
        vm.editor().variables().get(0).valueProperty().set("Ada");
        vm.editor().maxTokensProperty().set("64");
        vm.repeatProperty().set(3);
        vm.blindProperty().set(true);

        vm.open(null, null); // the app closes, or another workspace opens
        assertThat(ws.settings().get(dev.switchyard.app.compare.CompareDraft.SETTING)).isPresent();

        CompareViewModel again = new CompareViewModel(new DirectTaskRunner(), () -> clock.addAndGet(1_000_000), Runnable::run,
                new Random(7));
        again.open(ws, m -> engines.get(m.apiModelId()));
        assertThat(again.editor().nameProperty().get()).isEqualTo("Greeting");
        assertThat(again.editor().systemProperty().get()).isEqualTo("Be brief.");
        assertThat(again.editor().userProperty().get()).isEqualTo("Say hi to {{who}}");
        assertThat(again.editor().variables()).extracting(v -> v.valueProperty().get()).containsExactly("Ada");
        assertThat(again.editor().maxTokensProperty().get()).isEqualTo("64");
        assertThat(again.repeatProperty().get()).isEqualTo(3);
        assertThat(again.blindProperty().get()).isTrue();
        assertThat(again.picker().selected()).extracting(ModelChoice::name).containsExactly("beta", "alpha");
    }

    /**
     * The draft is kept a short while after the typing stops (the screen's timer, fired here by hand), not on every
     * keystroke and not only when the workspace closes: a new view model on the same workspace file — the app started
     * again after a crash — shows it.
     */
    @Test
    void theDraftIsKeptOnceTheTypingStopsSoACrashDoesNotLoseIt() {
        model("alpha", FakeEngine.answering("a"), null);
        model("beta", FakeEngine.answering("b"), null);
        Runnable[] waiting = {null};
        vm.setDraftTimer(action -> waiting[0] = action); // the last change's action, replacing the one before
        start();
        pickOnly("beta", "alpha");
        waiting[0] = null;
        vm.editor().systemProperty().set("Be brief.");
        vm.editor().userProperty().set("Say hi to {{who}}");
        vm.editor().variables().get(0).valueProperty().set("Ada");
        vm.editor().maxTokensProperty().set("64");
        vm.repeatProperty().set(3);
        assertThat(ws.settings().get(dev.switchyard.app.compare.CompareDraft.SETTING))
                .as("nothing kept while the timer waits").isEmpty();
        assertThat(waiting[0]).as("each change restarts the one timer").isNotNull();

        waiting[0].run(); // the typing stopped a while ago
        assertThat(ws.settings().get(dev.switchyard.app.compare.CompareDraft.SETTING)).isPresent();

        // no vm.open(null, null): the app did not close, it was killed; the file is opened again by a new app
        try (Workspace reopened = Workspace.open(dir.resolve("vm.switchyard"))) {
            CompareViewModel again = new CompareViewModel(new DirectTaskRunner(), () -> clock.addAndGet(1_000_000),
                    Runnable::run, new Random(7));
            again.open(reopened, m -> engines.get(m.apiModelId()));
            assertThat(again.editor().systemProperty().get()).isEqualTo("Be brief.");
            assertThat(again.editor().userProperty().get()).isEqualTo("Say hi to {{who}}");
            assertThat(again.editor().variables()).extracting(v -> v.valueProperty().get()).containsExactly("Ada");
            assertThat(again.editor().maxTokensProperty().get()).isEqualTo("64");
            assertThat(again.repeatProperty().get()).isEqualTo(3);
            assertThat(again.picker().selected()).extracting(ModelChoice::name).containsExactly("beta", "alpha");
        }
    }

    @Test
    void anUnreadableOrForeignDraftLeavesTheScreenAsANewOne() {
        model("alpha", FakeEngine.answering("a"), null);
        model("beta", FakeEngine.answering("b"), null);
        ws.settings().put(dev.switchyard.app.compare.CompareDraft.SETTING, "{not json");
        start();
        assertThat(vm.editor().userProperty().get()).isEmpty();
        assertThat(vm.picker().selected()).hasSize(2);

        // another workspace without a draft: the picks of this one (ids of its models) are not carried over
        pickOnly("beta");
        try (Workspace other = Workspace.open(dir.resolve("other.switchyard"))) {
            Provider p = other.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "Other", "http://127.0.0.1:9/v1",
                    null, null));
            for (String name : List.of("gamma", "delta", "epsilon")) {
                other.models().insert(Model.of(p.id(), name, name, ModelKind.CLOUD, null, null, "{}"));
                engines.put(name, FakeEngine.answering("x"));
            }
            vm.open(other, m -> engines.get(m.apiModelId()));
            assertThat(vm.picker().selected()).extracting(ModelChoice::name).containsExactly("delta", "epsilon");
        }
    }

    @Test
    void blindModeHidesNamesUntilTheVoteAndShowsWinRates() {
        model("alpha", FakeEngine.answering("A"), null);
        model("beta", FakeEngine.answering("B"), null);
        start();
        vm.editor().userProperty().set("q");
        vm.blindProperty().set(true);
        vm.vote(null);
        assertThat(vm.messageProperty().get()).isEqualTo("Run a blind comparison to the end before voting.");
        vm.run();

        assertThat(vm.panes()).extracting(p -> p.titleProperty().get()).containsExactly("Model A", "Model B");
        assertThat(vm.panes()).allMatch(p -> p.hiddenProperty().get());
        assertThat(vm.stats()).as("a cost or a speed would name the model").isEmpty();
        assertThat(vm.figuresHiddenProperty().get()).isTrue();
        assertThat(vm.voteOpenProperty().get()).isTrue();
        assertThat(vm.panes()).as("the model a provider served would name it").allMatch(p ->
                !p.otherFiguresProperty().get().contains("served by"));

        PaneModel winner = vm.panes().get(1);
        vm.vote(winner);

        assertThat(vm.voteOpenProperty().get()).isFalse();
        assertThat(vm.figuresHiddenProperty().get()).isFalse();
        assertThat(vm.stats()).extracting(ModelStats::label).allMatch(l -> l.startsWith("Model ") && l.contains(" · ")).hasSize(2);
        assertThat(winner.titleProperty().get()).isEqualTo("Model B · " + winner.realName());
        assertThat(winner.otherFiguresProperty().get()).isEqualTo("served by snapshot-2026");
        assertThat(vm.messageProperty().get()).isEqualTo("Vote saved: Model B · " + winner.realName() + " won.");
        assertThat(ws.comparisons().allVotes()).hasSize(1);
        assertThat(vm.winRates()).hasSize(2);
        assertThat(vm.winRates().get(0)).isEqualTo(new CompareViewModel.WinRateRow(winner.realName(), 1, 1, 0, "100%"));
        assertThat(vm.winRates().get(1).winRate()).isEqualTo("0%");

        vm.run();
        vm.vote(null);
        assertThat(vm.winRates()).allMatch(r -> r.votes() == 2 && r.ties() == 1);
    }

    @Test
    void autoPolicyIsPickedLikeAModelRoutesLiveAndShowsTheRouteTaken() {
        model("alpha", FakeEngine.answering("unsure, maybe"), 1.0);
        model("beta", FakeEngine.answering("Hello", " there"), 2.0);
        new PolicyStore(ws).save("careful", Policy.of("careful", List.of(),
                new Action.Cascade("alpha", new Action.AcceptIf(null, "^SURE", null), "beta")), "cascade");
        new PolicyStore(ws).save("broken", Policy.of("broken", List.of(), new Action.Route("no-such-model")), "bad target");
        try (AppContext app = new AppContext(k -> null, Clock.systemDefaultZone())) {
            vm.open(ws, this::engine, () -> new AutoRoutes(ws, new WorkspaceRouting(app, ws, () -> true), new RunService(ws),
                    this::engine));
            ModelChoice careful = choice("Auto: careful");
            assertThat(careful.ready()).isTrue();
            assertThat(careful.kindLabel()).isEqualTo("Auto");
            assertThat(careful.provider()).isEqualTo("Routing policy v1");
            ModelChoice broken = choice("Auto: broken");
            assertThat(broken.ready()).isFalse();
            assertThat(broken.availability().reason()).startsWith("The policy has a problem: ").contains("no-such-model")
                    .doesNotContain("/default/target");
            assertThat(broken.fix()).isEqualTo(ModelChoice.Fix.OPEN_ROUTING);
            assertThat(vm.picker().selected()).extracting(ModelChoice::name).containsExactly("alpha", "beta");

            pickOnly("beta", "Auto: careful");
            vm.editor().userProperty().set("What is the meaning of life?");
            vm.repeatProperty().set(2);
            vm.run();

            assertThat(vm.modeProperty().get()).isEqualTo(CompareViewModel.Mode.IDLE);
            PaneModel auto = vm.panes().get(1);
            assertThat(auto.route()).isNotNull();
            assertThat(auto.titleProperty().get()).isEqualTo("Auto: careful");
            assertThat(auto.subtitleProperty().get()).isEqualTo("Auto · routed to Gateway/beta");
            assertThat(auto.answerProperty().get()).isEqualTo("Hello there");
            assertThat(auto.stateProperty().get()).isEqualTo(PaneModel.State.COMPLETED);
            assertThat(auto.statusProperty().get()).isEqualTo("Done · 2 steps · 2/2");
            assertThat(auto.route().whyProperty().get()).isEqualTo("Run 2 of 2: No rule matched; default: cascade → alpha, beta.");
            assertThat(auto.route().steps()).hasSize(3);
            assertThat(auto.route().steps().get(0)).startsWith("1. cascade-local → Gateway/alpha · escalated: the answer does not match /^SURE/");
            assertThat(auto.route().steps().get(1)).startsWith("2. cascade-escalate → Gateway/beta · answer");
            assertThat(auto.route().steps().get(2)).startsWith("Request: ").endsWith(" for 2 runs");
            assertThat(auto.route().traceProperty().get()).isEmpty();
            assertThat(auto.costProperty().get()).endsWith(" total");
            // both steps of both repeats are stored in the comparison, each with its route
            assertThat(auto.runs()).hasSize(4);
            assertThat(auto.runs()).allSatisfy(r -> {
                assertThat(r.comparisonId()).isNotNull();
                assertThat(r.routeJson()).contains("\"policy\":\"careful\"");
            });
            assertThat(auto.runs()).extracting(r -> r.repeatIndex()).containsExactly(0, 0, 1, 1);
            assertThat(ws.runs().byComparison(auto.runs().get(0).comparisonId())).hasSize(6);
            // statistics: one sample per routed request, costed with both runs
            ModelStats autoStats = vm.stats().stream().filter(s -> s.label().equals("Auto: careful")).findFirst().orElseThrow();
            assertThat(autoStats.runs()).isEqualTo(2);
            assertThat(autoStats.completed()).isEqualTo(2);
            double alphaCost = auto.runs().get(0).cost().usd();
            double betaCost = auto.runs().get(1).cost().usd();
            assertThat(autoStats.costUsd().mean()).isCloseTo(alphaCost + betaCost, org.assertj.core.api.Assertions.within(1e-12));
            assertThat(vm.samplesOf(autoStats)).hasSize(2);

            // each step's outcome is stored with its route
            assertThat(ws.runs().get(auto.runs().get(0).id()).orElseThrow().routeJson())
                    .contains("\"outcome\":\"escalated: the answer does not match /^SURE/\"")
                    .contains("\"target\":\"alpha\"").contains("\"model\":\"Gateway/alpha\"");
            List<String> liveSteps = List.copyOf(auto.route().steps());
            String liveWhy = auto.route().whyProperty().get();
            String liveCost = auto.costProperty().get();
            // ‹ / › go by request, not by the runs of its steps
            assertThat(auto.runCountProperty().get()).isEqualTo(2);
            auto.showRun(0);
            assertThat(auto.statusProperty().get()).isEqualTo("Done · 2 steps · 1/2");
            assertThat(auto.route().whyProperty().get()).startsWith("Run 1 of 2: ");
            assertThat(auto.route().steps()).hasSize(3);
            assertThat(auto.answerProperty().get()).isEqualTo("Hello there");
            assertThat(auto.voteRun().id()).isEqualTo(auto.runs().get(1).id()); // the first request's answer
            auto.showRun(1);
            assertThat(auto.statusProperty().get()).isEqualTo("Done · 2 steps · 2/2");
            assertThat(auto.route().whyProperty().get()).isEqualTo(liveWhy);

            // opened again from History: the routed runs keep to their own pane, apart from beta's own runs, and the
            // pane shows the route and figures it showed live
            vm.showStored(auto.runs().get(0).comparisonId());
            assertThat(vm.panes()).extracting(PaneModel::realName).containsExactly("beta", "Auto: careful");
            assertThat(vm.panes().get(0).runs()).hasSize(2).allMatch(r -> r.routeJson() == null);
            PaneModel stored = vm.panes().get(1);
            assertThat(stored.runs()).hasSize(4);
            assertThat(stored.route()).isNotNull();
            assertThat(stored.subtitleProperty().get()).isEqualTo("Auto · routed to Gateway/beta");
            assertThat(stored.statusProperty().get()).isEqualTo("Done · 2 steps · 2/2");
            assertThat(stored.answerProperty().get()).isEqualTo("Hello there");
            assertThat(stored.route().whyProperty().get()).isEqualTo(liveWhy);
            assertThat(stored.route().steps()).hasSize(3);
            for (int i = 0; i < 2; i++) { // the step lines up to their time, which the stored one takes from the rows
                assertThat(stored.route().steps().get(i)).startsWith(liveSteps.get(i).substring(0, liveSteps.get(i).indexOf(" · ", liveSteps.get(i).indexOf(" · ") + 3)));
            }
            assertThat(stored.route().steps().get(2)).startsWith("Request: ").endsWith(" for 2 runs");
            assertThat(stored.runCountProperty().get()).isEqualTo(2);
            stored.showRun(0);
            assertThat(stored.statusProperty().get()).isEqualTo("Done · 2 steps · 1/2");
            assertThat(stored.costProperty().get()).isEqualTo(liveCost);
            ModelStats storedStats = vm.stats().stream().filter(s -> s.label().equals("Auto: careful")).findFirst().orElseThrow();
            assertThat(storedStats.runs()).isEqualTo(2);
            assertThat(storedStats.costUsd().mean()).isCloseTo(alphaCost + betaCost, org.assertj.core.api.Assertions.within(1e-12));
        }
    }

    @Test
    void aPolicyThatSendsThePromptNowhereFailsItsPaneWithAFix() {
        model("alpha", FakeEngine.answering("a"), null);
        new PolicyStore(ws).save("gone", Policy.of("gone", List.of(), new Action.Route("alpha")), "ok for now");
        try (AppContext app = new AppContext(k -> null, Clock.systemDefaultZone())) {
            vm.open(ws, this::engine, () -> new AutoRoutes(ws, new WorkspaceRouting(app, ws, () -> true), new RunService(ws),
                    this::engine));
            pickOnly("Auto: gone");
            // the policy changes in Routing after the picker checked it: it now names a model the workspace lacks
            new PolicyStore(ws).save("gone", Policy.of("gone", List.of(), new Action.Route("no-such-model")), "now broken");
            vm.editor().userProperty().set("hi");
            vm.run();
            PaneModel p = vm.panes().get(0);
            assertThat(p.stateProperty().get()).isEqualTo(PaneModel.State.FAILED);
            assertThat(p.statusProperty().get()).isEqualTo("Failed");
            assertThat(p.errorProperty().get()).startsWith("failed: ").contains("no-such-model");
            assertThat(p.route().steps().get(0)).startsWith("1. route → no-such-model · failed: ");
            assertThat(p.adviceProperty().get()).startsWith("Open the policy in Routing");
            assertThat(vm.modeProperty().get()).isEqualTo(CompareViewModel.Mode.IDLE);
        }
    }

    private ModelEngine engine(Model m) {
        ModelEngine e = engines.get(m.apiModelId());
        if (e == null) {
            throw new UnsupportedOperationException("no engine");
        }
        return e;
    }
}
