package dev.switchyard.app.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.engine.EngineRequest;
import dev.switchyard.app.run.RunFailure;
import dev.switchyard.app.run.RunService;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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

/** "Auto: policy" for the compare screen: saved policies as choices, repeats routed live, events in order, cancel. */
class AutoRoutesTest {

    private static final String KEY_ENV = "AUTO_TEST_KEY";
    private static AppContext app;

    @TempDir
    Path dir;
    private final MockWebServer server = new MockWebServer();
    private final AtomicBoolean online = new AtomicBoolean(true);
    private final List<String> events = new CopyOnWriteArrayList<>();
    private Workspace ws;
    private AutoRoutes auto;

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
        ws = Workspace.open(dir.resolve("auto.switchyard"));
        app.prepare(ws);
        LoopbackModels.add(app, ws, server, KEY_ENV, "cheap-model", "1.00", "1.00");
        LoopbackModels.add(app, ws, server, KEY_ENV, "strong-model", "10.00", "10.00");
        auto = new AutoRoutes(ws, new WorkspaceRouting(app, ws, online::get), new RunService(ws), app.engines(ws)::forModel);
    }

    @AfterEach
    void stop() {
        ws.close();
        server.close();
    }

    private final AutoRoutes.Listener listener = new AutoRoutes.Listener() {
        @Override
        public void onDecision(int repeatIndex, Decision decision) {
            events.add("decision " + repeatIndex + " " + decision.ruleName());
        }

        @Override
        public void onRouted(int repeatIndex, RoutedResult result) {
            events.add("routed " + repeatIndex + " " + result.steps().size());
        }

        @Override
        public void onStarted(Run run) {
            events.add("started " + run.repeatIndex());
        }

        @Override
        public void onFinished(Run run, RunFailure failure) {
            events.add("finished " + run.repeatIndex() + " " + run.status());
        }
    };

    private static MockResponse sse(String model, String text) {
        return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                .body(Sse.openAi(model, List.of(text), 5, 5)).build();
    }

    @Test
    void savedPoliciesAreChoicesWithTheirProblems() {
        new PolicyStore(ws).save("broken", Policy.of("broken", List.of(), new Action.Route("$nobody")), "bad role");

        List<AutoRoutes.Choice> choices = auto.choices();

        assertThat(choices).extracting(AutoRoutes.Choice::policy).contains("tiered", "broken");
        AutoRoutes.Choice tiered = choices.stream().filter(c -> c.policy().equals("tiered")).findFirst().orElseThrow();
        assertThat(tiered.problems()).isEmpty();
        assertThat(tiered.version()).isEqualTo(1);
        assertThat(tiered.description()).startsWith("Device commands and FAQs stay on the local intent model");
        AutoRoutes.Choice broken = choices.stream().filter(c -> c.policy().equals("broken")).findFirst().orElseThrow();
        assertThat(broken.problems()).extracting(Problem::path).containsExactly("/default/target");
    }

    @Test
    void aNewWorkspacesPolicyNamesTheRolesNoModelFillsApartFromItsProblems() {
        try (Workspace fresh = Workspace.open(dir.resolve("fresh.switchyard"))) {
            app.prepare(fresh);
            new PolicyStore(fresh).save("mixed", Policy.of("mixed", List.of(new Rule("long", null,
                    new Action.Cascade("$local-generative", new Action.AcceptIf(null, "^SURE", null), "$cloud-strong"))),
                    new Action.Route("no-such-model")), "roles and a bad target");
            List<AutoRoutes.Choice> choices = new AutoRoutes(fresh, new WorkspaceRouting(app, fresh, online::get),
                    new RunService(fresh), app.engines(fresh)::forModel).choices();

            AutoRoutes.Choice tiered = choices.stream().filter(c -> c.policy().equals("tiered")).findFirst().orElseThrow();
            assertThat(tiered.unfilledRoles()).containsExactlyInAnyOrder("$cloud-cheap", "$cloud-strong");
            assertThat(tiered.problems()).isEmpty();
            assertThat(tiered.canRun()).isFalse();
            AutoRoutes.Choice mixed = choices.stream().filter(c -> c.policy().equals("mixed")).findFirst().orElseThrow();
            assertThat(mixed.unfilledRoles()).containsExactly("$local-generative", "$cloud-strong");
            assertThat(mixed.problems()).extracting(Problem::path).containsExactly("/default/target");

            fresh.settings().put(TargetResolver.ROLE_SETTING + "cloud-strong", "gone/model");
            AutoRoutes.Choice pinned = new AutoRoutes(fresh, new WorkspaceRouting(app, fresh, online::get),
                    new RunService(fresh), app.engines(fresh)::forModel).choices().stream()
                    .filter(c -> c.policy().equals("tiered")).findFirst().orElseThrow();
            assertThat(pinned.unfilledRoles()).containsExactly("$cloud-cheap");
            assertThat(pinned.problems()).isNotEmpty().allMatch(x -> x.message().contains("routing.role.cloud-strong"));
        }
    }

    @Test
    void everyRepeatIsDecidedAfreshAndStoredInTheComparison() throws Exception {
        new PolicyStore(ws).save("guard", Policy.of("guard", List.of(new Rule("offline", new Condition.Network(Condition.Connectivity.OFFLINE),
                new Action.Route("$local-intent"))), new Action.Fallback(List.of("$cloud-cheap", "$cloud-strong"),
                new Action.On(true, null, null))), "offline guard");
        server.enqueue(new MockResponse.Builder().code(400).body("{}").build());
        server.enqueue(sse("strong-model", "from the strong model"));
        long comparison = ws.comparisons().create(null, 2, false).id();
        // the second repeat is decided when the first ends: by then the machine is "offline"
        AutoRoutes.Listener goOffline = new ForwardingListener(listener) {
            @Override
            public void onRouted(int repeatIndex, RoutedResult result) {
                online.set(false);
                super.onRouted(repeatIndex, result);
            }
        };

        List<RoutedResult> results = auto.start("guard", new EngineRequest(null, "turn on the kitchen lights", null), 2,
                comparison, goOffline).finished().orTimeout(60, TimeUnit.SECONDS).join();

        assertThat(results).hasSize(2);
        assertThat(results.get(0).steps()).extracting(RoutedResult.Step::role).containsExactly("fallback-1", "fallback-2");
        assertThat(results.get(0).answer().outputText()).isEqualTo("from the strong model");
        assertThat(results.get(1).decision().ruleName()).isEqualTo("offline");
        assertThat(results.get(1).answer().status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(events).containsExactly("decision 0 default", "started 0", "finished 0 FAILED", "started 0",
                "finished 0 COMPLETED", "routed 0 2", "decision 1 offline", "started 1", "finished 1 COMPLETED", "routed 1 1");
        List<Run> stored = ws.runs().byComparison(comparison);
        assertThat(stored).hasSize(3);
        assertThat(stored).extracting(Run::repeatIndex).containsExactlyInAnyOrder(0, 0, 1);
        assertThat(stored).allSatisfy(r -> assertThat(r.routeJson()).contains("\"policy\":\"guard\""));
    }

    @Test
    void cancelStopsTheRunInFlightAndEveryLaterRepeat() throws Exception {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                .headersDelay(20, TimeUnit.SECONDS).body(Sse.openAi("cheap-model", List.of("late"), 1, 1)).build());
        new PolicyStore(ws).save("cheap", Policy.of("cheap", List.of(), new Action.Route("$cloud-cheap")), "one target");

        AutoRoutes.Handle h = auto.start("cheap", new EngineRequest(null, "hello", null), 3, null, listener);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!events.contains("started 0") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        h.cancel();
        List<RoutedResult> results = h.finished().orTimeout(30, TimeUnit.SECONDS).join();

        assertThat(results).hasSize(1);
        assertThat(results.get(0).answer().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(events).noneMatch(e -> e.startsWith("decision 1"));
    }

    @Test
    void anUnknownPolicyIsRefusedWithItsName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> auto.start("nope", new EngineRequest(null, "hi", null), 1,
                null, listener)).isInstanceOf(RoutingException.class).hasMessageContaining("nope");
    }

    /** Passes everything to {@code inner}. */
    private static class ForwardingListener implements AutoRoutes.Listener {
        private final AutoRoutes.Listener inner;

        ForwardingListener(AutoRoutes.Listener inner) {
            this.inner = inner;
        }

        @Override
        public void onDecision(int repeatIndex, Decision decision) {
            inner.onDecision(repeatIndex, decision);
        }

        @Override
        public void onRouted(int repeatIndex, RoutedResult result) {
            inner.onRouted(repeatIndex, result);
        }

        @Override
        public void onStarted(Run run) {
            inner.onStarted(run);
        }

        @Override
        public void onFinished(Run run, RunFailure failure) {
            inner.onFinished(run, failure);
        }
    }
}
