package dev.switchyard.app.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.switchyard.app.replay.engine.ReplayOptions;
import dev.switchyard.app.replay.engine.ReplayResult;
import dev.switchyard.app.replay.engine.Sourcing;
import dev.switchyard.app.replay.results.Baselines;
import dev.switchyard.app.replay.results.Point;
import dev.switchyard.app.replay.results.Summary;
import dev.switchyard.app.replay.results.Sweep;
import dev.switchyard.app.run.RunService;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ReplayStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four items, a local model L and cloud models A (cheap) and B (strong), every answer stored; figures checked
 * against values computed by hand (in the comments).
 */
class BaselinesTest {

    @TempDir
    Path dir;
    Workspace ws;
    Model l;
    Model a;
    Model b;
    long datasetId;
    long version;

    @BeforeEach
    void setUp() {
        ws = Workspace.open(dir.resolve("b.switchyard"));
        l = ReplayFixture.local(ws, "L");
        var gw = ReplayFixture.gateway(ws, "http://127.0.0.1:9/v1");
        a = ReplayFixture.cloud(ws, gw, "A");
        b = ReplayFixture.cloud(ws, gw, "B");
        datasetId = ws.datasets().create("four", null).id();
        ReplayFixture.items(ws, datasetId, "short one", "alpha", "short two", "beta", "a much longer prompt three",
                "gamma", "a much longer prompt four", "delta");
        // item:        L (cost, ms)      A                  B
        // short one    alpha ✓ 0, 100    alpha ✓ .001, 300  alpha ✓ .01, 500
        // short two    nope  ✗ 0, 100    beta  ✓ .001, 300  beta  ✓ .01, 500
        // long three   nope  ✗ 0, 200    nope  ✗ .002, 400  gamma ✓ .02, 600
        // long four    delta ✓ 0, 200    nope  ✗ .002, 400  nope  ✗ .02, 600
        store(l, "short one", "alpha", 0, 100);
        store(a, "short one", "alpha", .001, 300);
        store(b, "short one", "It is Alpha.", .01, 500);
        store(l, "short two", "nope", 0, 100);
        store(a, "short two", "beta", .001, 300);
        store(b, "short two", "beta", .01, 500);
        store(l, "a much longer prompt three", "nope", 0, 200);
        store(a, "a much longer prompt three", "nope", .002, 400);
        store(b, "a much longer prompt three", "gamma", .02, 600);
        store(l, "a much longer prompt four", "delta", 0, 200);
        store(a, "a much longer prompt four", "nope", .002, 400);
        store(b, "a much longer prompt four", "nope", .02, 600);
        version = ReplayFixture.policyVersion(ws, "length");
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private void store(Model m, String prompt, String answer, double cost, long ms) {
        ReplayFixture.stored(ws, m, prompt, answer, cost, ms);
    }

    private ReplayResult replay() throws Exception {
        // A is a target too, so that baselines include it: the policy only routes to L and B.
        var base = ReplayFixture.lengthPolicy(version, l, b, 10, null);
        var policy = new dev.switchyard.app.replay.engine.ReplayPolicy() {
            public long versionId() { return base.versionId(); }
            public String label() { return base.label(); }
            public List<Model> targets() { return List.of(l, a, b); }
            public dev.switchyard.app.replay.engine.RoutePlan plan(dev.switchyard.workspace.model.DatasetItem i) {
                return base.plan(i);
            }
            public java.util.Optional<dev.switchyard.app.replay.engine.ThresholdSpec> threshold() {
                return base.threshold();
            }
        };
        Function<Model, dev.switchyard.app.engine.ModelEngine> noEngines = m -> {
            throw new AssertionError("a cached-only replay must not call " + m.displayName());
        };
        ReplayService service = new ReplayService(ws, new RunService(ws), noEngines, Clock.systemUTC());
        Prepared p = service.prepare(policy, datasetId, ReplayOptions.defaults().withSourcing(Sourcing.CACHED_ONLY));
        assertThat(p.estimate().needsConfirmation()).isFalse();
        assertThat(p.estimate().cachedAnswers()).isEqualTo(12);
        return service.start(p, false, null).result().get(30, TimeUnit.SECONDS);
    }

    @Test
    void policyAndBaselinesMatchHandComputedFigures() throws Exception {
        ReplayResult r = replay();
        assertThat(r.replay().status()).isEqualTo(ReplayStatus.COMPLETED);

        // policy: L, L, B, B → ✓ ✗ ✓ ✗ = 0.5; cost .04; latencies 100 100 600 600
        Point policy = Baselines.policy(r);
        assertThat(policy.passRate()).isEqualTo(0.5);
        assertThat(policy.costUsd()).isCloseTo(0.04, within(1e-12));
        assertThat(policy.costPer1k()).isCloseTo(10.0, within(1e-9));
        assertThat(policy.p50Ms()).isEqualTo(100);
        assertThat(policy.p95Ms()).isEqualTo(600);
        assertThat(policy.cloudShare()).isEqualTo(0.5);

        Map<String, Point> base = Baselines.all(r).stream().collect(Collectors.toMap(Point::kind, p -> p, (x, y) -> x));
        Map<String, Point> byName = Baselines.all(r).stream().collect(Collectors.toMap(Point::name, p -> p));
        Point local = byName.get("all-local (L)");
        assertThat(local.passRate()).isEqualTo(0.5);
        assertThat(local.costUsd()).isZero();
        assertThat(local.p50Ms()).isEqualTo(100);
        assertThat(local.p95Ms()).isEqualTo(200);
        Point allA = byName.get("all-cloud (A)");
        assertThat(allA.passRate()).isEqualTo(0.5);
        assertThat(allA.costUsd()).isCloseTo(0.006, within(1e-12));
        Point allB = byName.get("all-cloud (B)");
        assertThat(allB.passRate()).isEqualTo(0.75);
        assertThat(allB.costUsd()).isCloseTo(0.06, within(1e-12));
        assertThat(base.get("best-single").name()).isEqualTo("best-single (B)");
        // oracle: L ✓ 0, A ✓ .001, B ✓ .02, L ✓ 0 → 4/4 for .021
        Point oracle = base.get("oracle");
        assertThat(oracle.passRate()).isEqualTo(1.0);
        assertThat(oracle.costUsd()).isCloseTo(0.021, within(1e-12));
        assertThat(oracle.p95Ms()).isEqualTo(600);

        // savings vs all-cloud B: quality kept .5/.75 < 95%, cost reduction 1 − .04/.06
        Summary s = Summary.of(r);
        assertThat(s.savings().reference()).isEqualTo("all-cloud (B)");
        assertThat(s.savings().qualityKept()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(s.savings().costReduction()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(s.savings().meets95()).isFalse();
        assertThat(s.savings().costReductionAt95()).isNull();
        assertThat(s.routeShare()).containsEntry("L", 0.5).containsEntry("B", 0.5);
        assertThat(s.cachedAnswers()).isEqualTo(12);
        assertThat(s.liveAnswers()).isZero();
    }

    @Test
    void randomRoutingIsSeededAndAddsUpTheChosenAnswers() throws Exception {
        ReplayResult r = replay();
        Point first = Baselines.all(r).stream().filter(p -> p.kind().equals("random")).findFirst().orElseThrow();
        Point again = Baselines.all(replay()).stream().filter(p -> p.kind().equals("random")).findFirst().orElseThrow();
        assertThat(first.name()).isEqualTo("random (50% cloud)");
        assertThat(again).isEqualTo(first);
        // every random pick is one of the stored answers: its cost is a sum of 4 of them
        assertThat(first.items()).isEqualTo(4);
        assertThat(first.graded()).isEqualTo(4);
    }

    @Test
    void theSweepRecomputesFromStoredAnswersAndListsWhatChangesRoute() throws Exception {
        ReplayResult r = replay();
        Sweep sweep = Sweep.of(r).orElseThrow();
        // threshold 30: every prompt stays local = all-local; threshold 0: every prompt goes to B = all-cloud (B)
        Point allLocal = sweep.at(30);
        assertThat(allLocal.passRate()).isEqualTo(0.5);
        assertThat(allLocal.costUsd()).isZero();
        Point allB = sweep.at(0);
        assertThat(allB.passRate()).isEqualTo(0.75);
        assertThat(allB.costUsd()).isCloseTo(0.06, within(1e-12));
        assertThat(sweep.at(10).costUsd()).isCloseTo(Baselines.policy(r).costUsd(), within(1e-12));
        var changed = sweep.changes(10, 30, 1);
        assertThat(changed).extracting(Sweep.Change::prompt)
                .containsExactly("a much longer prompt three", "a much longer prompt four");
        assertThat(changed).allSatisfy(c -> {
            assertThat(c.from()).isEqualTo("B");
            assertThat(c.to()).isEqualTo("L");
        });
        var curve = sweep.curve(4);
        assertThat(curve).extracting(Sweep.Position::threshold).containsExactly(0.0, 10.0, 20.0, 30.0);
        assertThat(curve.get(1).changed()).hasSize(2); // 0 → 10: the two short prompts move to L
        assertThat(curve.get(3).changed()).hasSize(2); // 20 → 30: the two long ones (25, 26 chars)
    }

    @Test
    void aStoredReplayReopensWithTheSameFigures() throws Exception {
        ReplayResult r = replay();
        ReplayResult reopened = new ReplayService(ws, new RunService(ws), m -> null, Clock.systemUTC())
                .open(r.replay().id());
        assertThat(Baselines.policy(reopened)).isEqualTo(Baselines.policy(r));
        assertThat(Baselines.all(reopened)).isEqualTo(Baselines.all(r));
        assertThat(reopened.items()).hasSize(4);
        assertThat(reopened.items().get(2).route().steps().get(0).source().code()).isEqualTo("cached");
        assertThat(reopened.replay().summaryJson()).contains("\"summary\"").contains("\"savings\"");
    }
}
