package dev.switchyard.app.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchyard.app.AppContext;
import dev.switchyard.app.engine.EngineRequest;
import dev.switchyard.app.run.RunObserver;
import dev.switchyard.app.run.RunService;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunStatus;
import dev.switchyard.workspace.repo.SettingsRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live semantics against a real workspace: cloud models on a loopback HTTP server speaking the OpenAI SSE
 * format, the embedded intent model as the local model.
 */
class RoutedRunnerTest {

    private static final String KEY_ENV = "ROUTING_TEST_KEY";
    private static AppContext app;

    @TempDir
    Path dir;
    private final MockWebServer server = new MockWebServer();
    private Workspace ws;
    private WorkspaceRouting routing;
    private final AtomicBoolean online = new AtomicBoolean(true);

    @BeforeAll
    static void context() {
        app = new AppContext(Map.of(KEY_ENV, "sk-test")::get, Clock.systemDefaultZone());
    }

    @AfterAll
    static void closeContext() {
        app.close();
    }

    @BeforeEach
    void start() throws Exception {
        server.start();
        ws = Workspace.open(dir.resolve("r.switchyard"));
        app.prepare(ws);
        LoopbackModels.add(app, ws, server, KEY_ENV, "cheap-model", "1.00", "2.00");
        LoopbackModels.add(app, ws, server, KEY_ENV, "strong-model", "10.00", "30.00");
        routing = new WorkspaceRouting(app, ws, online::get);
    }

    @AfterEach
    void stop() {
        ws.close();
        server.close();
    }

    private RoutedResult run(Policy policy, String prompt) {
        assertThat(routing.validator().validate(policy)).isEmpty();
        Decision d = routing.router().decide(policy, RouteRequest.of(prompt));
        RoutedRunner runner = new RoutedRunner(new RunService(ws), app.engines(ws)::forModel, routing.targets());
        return runner.start(d, new EngineRequest(null, prompt, null), RunObserver.NONE).finished().orTimeout(30, TimeUnit.SECONDS)
                .join();
    }

    private static MockResponse sse(String model, String text, int in, int out) {
        return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                .body(Sse.openAi(model, List.of(text), in, out)).build();
    }

    private static Policy cascade() {
        return Policy.of("cascade", List.of(), new Action.Cascade("$local-intent", new Action.AcceptIf(0.6, null, null),
                "$cloud-cheap"));
    }

    @Test
    void cascadeKeepsAConfidentLocalAnswerWithoutCallingTheCloud() {
        RoutedResult r = run(cascade(), "turn on the kitchen lights");

        assertThat(r.ok()).isTrue();
        assertThat(r.steps()).hasSize(1);
        assertThat(r.steps().get(0).outcome()).startsWith("accepted: confidence");
        assertThat(r.answer().outputText()).isNotBlank();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void cascadeEscalatesAnUnsureAnswerAndKeepsBothRunsAccountedToTheRequest() throws Exception {
        server.enqueue(sse("cheap-model", "Relativity says…", 10, 20));

        RoutedResult r = run(cascade(), "Explain the causes of the French revolution and their relative importance");

        assertThat(r.ok()).isTrue();
        assertThat(r.steps()).extracting(RoutedResult.Step::role).containsExactly("cascade-local", "cascade-escalate");
        assertThat(r.steps().get(0).outcome()).startsWith("escalated: confidence");
        assertThat(r.answer().outputText()).isEqualTo("Relativity says…");
        double cloudCost = (10 * 1.00 + 20 * 2.00) / 1e6;
        assertThat(r.totalCostUsd()).isCloseTo(cloudCost, within(1e-12));
        for (RoutedResult.Step s : r.steps()) {
            Run stored = ws.runs().get(s.run().id()).orElseThrow();
            JsonNode route = PolicyJson.mapper().readTree(stored.routeJson());
            assertThat(route.path("request").asText()).isEqualTo(r.request());
            assertThat(route.path("step").asText()).isEqualTo(s.role());
            assertThat(route.path("decision").path("action").path("type").asText()).isEqualTo("cascade");
        }
        // each step stores the time limits it ran with (workspace-schema decision 15): none for the intent model
        Run local = ws.runs().get(r.steps().get(0).run().id()).orElseThrow();
        Run cloud = ws.runs().get(r.steps().get(1).run().id()).orElseThrow();
        assertThat(dev.switchyard.app.models.RunLimits.of(local)).isEqualTo(dev.switchyard.app.models.RunLimits.NONE);
        dev.switchyard.workspace.model.Model cheap = ws.models().get(cloud.modelId()).orElseThrow();
        assertThat(dev.switchyard.app.models.RunLimits.of(cloud).limits()).as("a routed cloud step's, not 'none'")
                .isNotNull().isEqualTo(app.directory(ws).timeouts(cheap));
    }

    @Test
    void cascadeAcceptIfRegexAndMaxTokensOnTheAnswer() {
        server.enqueue(sse("cheap-model", "escalated", 1, 1));
        Policy regex = Policy.of("c", List.of(), new Action.Cascade("$local-intent",
                new Action.AcceptIf(null, "(?i)lights", 500), "$cloud-cheap"));
        RoutedResult kept = run(regex, "turn on the kitchen lights");
        assertThat(kept.steps()).hasSize(1);
        assertThat(kept.steps().get(0).outcome()).contains("answer matches").contains("tokens ≤ 500");

        Policy tooLong = Policy.of("c", List.of(), new Action.Cascade("$local-intent",
                new Action.AcceptIf(null, null, 1), "$cloud-cheap"));
        RoutedResult escalated = run(tooLong, "turn on the kitchen lights");
        assertThat(escalated.steps()).hasSize(2);
        assertThat(escalated.steps().get(0).outcome()).contains("tokens > 1");
    }

    @Test
    void fallbackMovesDownTheChainOnError() {
        server.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"bad request\"}}").build());
        server.enqueue(sse("strong-model", "second try", 3, 2));

        RoutedResult r = run(Policy.of("f", List.of(), new Action.Fallback(List.of("$cloud-cheap", "$cloud-strong"), null)),
                "hello");

        assertThat(r.ok()).isTrue();
        assertThat(r.steps()).extracting(s -> s.run().status()).containsExactly(RunStatus.FAILED, RunStatus.COMPLETED);
        assertThat(r.steps().get(0).outcome()).startsWith("moved on: error");
        assertThat(r.answer().outputText()).isEqualTo("second try");
    }

    @Test
    void aSlowFirstTokenIsCancelledAndTheNextTargetAnswers() {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                .headersDelay(15, TimeUnit.SECONDS).body(Sse.openAi("cheap-model", List.of("late"), 1, 1)).build());
        server.enqueue(sse("strong-model", "fast", 1, 1));
        long t0 = System.nanoTime();

        RoutedResult r = run(Policy.of("l", List.of(), new Action.Fallback(List.of("$cloud-cheap", "$cloud-strong"),
                new Action.On(true, null, 300L))), "hello");

        assertThat((System.nanoTime() - t0) / 1_000_000).as("the slow call was not waited for").isLessThan(12_000);
        assertThat(r.ok()).isTrue();
        assertThat(r.steps().get(0).run().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(r.steps().get(0).outcome()).contains("no first token within 300 ms");
        assertThat(r.answer().outputText()).isEqualTo("fast");
    }

    @Test
    void theLastTargetOfAChainFailingFailsTheRequestButKeepsEveryRun() {
        server.enqueue(new MockResponse.Builder().code(400).body("{}").build());
        server.enqueue(new MockResponse.Builder().code(400).body("{}").build());

        RoutedResult r = run(Policy.of("f", List.of(), new Action.Fallback(List.of("$cloud-cheap", "$cloud-strong"), null)),
                "hello");

        assertThat(r.ok()).isFalse();
        assertThat(r.steps()).hasSize(2);
        assertThat(r.steps().get(1).outcome()).startsWith("failed: error");
    }

    @Test
    void offlineRoutesToTheLocalModelWithoutTouchingTheNetwork() {
        Policy p = Policy.of("o", List.of(new Rule("offline", new Condition.Network(Condition.Connectivity.OFFLINE),
                new Action.Route("$local-intent"))), new Action.Route("$cloud-cheap"));
        online.set(false);

        RoutedResult r = run(p, "switch off the bedroom lamp");

        assertThat(r.decision().ruleName()).isEqualTo("offline");
        assertThat(r.ok()).isTrue();
        assertThat(r.answer().modelId()).isEqualTo(routing.targets().resolve("$local-intent").id());
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void budgetReadsTheSpendOfThePeriod() {
        server.enqueue(sse("strong-model", "a", 1000, 1000));
        server.enqueue(sse("strong-model", "b", 1000, 1000));
        Policy strong = Policy.of("s", List.of(), new Action.Route("$cloud-strong"));
        run(strong, "one");
        run(strong, "two");
        ws.settings().put(SettingsRepository.BUDGET_PERIOD, "day");
        double expected = 2 * (1000 * 10.0 + 1000 * 30.0) / 1e6;

        assertThat(new BudgetReader(ws, Clock.systemDefaultZone()).spentUsd()).isCloseTo(expected, within(1e-9));
        Policy capped = Policy.of("cap", List.of(new Rule("spent", new Condition.Budget(0.08, Op.LE, 0),
                new Action.Route("$cloud-cheap"))), new Action.Route("$cloud-strong"));
        Policy roomy = Policy.of("cap", List.of(new Rule("spent", new Condition.Budget(0.09, Op.LE, 0),
                new Action.Route("$cloud-cheap"))), new Action.Route("$cloud-strong"));
        assertThat(routing.router().decide(capped, RouteRequest.of("x")).targets()).containsExactly("$cloud-cheap");
        assertThat(routing.router().decide(roomy, RouteRequest.of("x")).targets()).containsExactly("$cloud-strong");
    }

    @Test
    void everyTemplateValidatesInAWorkspaceThatHasTheRoles() {
        ws.settings().put(TargetResolver.ROLE_SETTING + "local-generative", "cheap-model");
        for (String name : PolicyTemplates.NAMES) {
            assertThat(routing.validator().validate(PolicyTemplates.load(name))).as(name).isEmpty();
        }
        assertThat(routing.targets().resolve("$cloud-cheap").apiModelId()).isEqualTo("cheap-model");
        assertThat(routing.targets().resolve("$cloud-strong").apiModelId()).isEqualTo("strong-model");
        assertThat(routing.targets().resolve("$local-intent").apiModelId()).isEqualTo("intent:smart-home");
    }

    @Test
    void aMissingRoleIsAProblemThatSaysWhatToDo() {
        List<Problem> problems = routing.validator().validate(PolicyTemplates.load("offline-fallback"));
        assertThat(problems).extracting(Problem::path).containsExactly("/rules/0/then/target", "/default/chain/1");
        assertThat(problems.get(0).message()).contains("$local-generative").contains("models import")
                .contains("routing.role.local-generative");
    }

    @Test
    void theWorkspaceGetsTheTieredTemplateAsItsDefaultPolicyOnce() {
        assertThat(ws.settings().get(SettingsRepository.DEFAULT_POLICY)).contains("tiered");
        assertThat(new PolicyStore(ws).versions("tiered")).hasSize(1);
        app.prepare(ws);
        assertThat(new PolicyStore(ws).versions("tiered")).hasSize(1);
        Decision d = routing.router().decide(new PolicyStore(ws).load("tiered"), RouteRequest.of("please turn the lights on in the kitchen"));
        assertThat(d.ruleName()).isEqualTo("device command");
        assertThat(d.features()).containsKey("intent[smart-home]");
    }

    @Test
    void aTargetThatNamesNoModelFailsTheRequestWithTheReason() {
        Decision d = routing.router().decide(Policy.of("x", List.of(), new Action.Route("gpt-9")), RouteRequest.of("hi"));
        RoutedResult r = new RoutedRunner(new RunService(ws), app.engines(ws)::forModel, routing.targets())
                .start(d, new EngineRequest(null, "hi", null), RunObserver.NONE).finished().join();
        assertThat(r.ok()).isFalse();
        assertThat(r.answer()).isNull();
        assertThat(r.steps().get(0).outcome()).startsWith("failed: No model 'gpt-9'");
    }
}
