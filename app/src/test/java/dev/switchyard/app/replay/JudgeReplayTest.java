package dev.switchyard.app.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.replay.engine.ReplayOptions;
import dev.switchyard.app.replay.engine.ReplayResult;
import dev.switchyard.app.replay.engine.Sourcing;
import dev.switchyard.app.replay.grade.GraderKind;
import dev.switchyard.app.replay.grade.Graders;
import dev.switchyard.app.replay.grade.JudgeGrader;
import dev.switchyard.app.replay.results.Summary;
import dev.switchyard.app.run.RunService;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.PriceRow;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LLM-as-judge against a local HTTP server: the verdict grades the answer, its cost is estimated and shown apart. */
class JudgeReplayTest {

    @TempDir
    Path dir;
    private final MockWebServer server = new MockWebServer();
    private final List<String> judgeBodies = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theJudgesVerdictGradesEachAnswerAndItsCostIsKeptApart() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = request.getBody().utf8();
                String reply;
                if (body.contains("strict grader")) {
                    judgeBodies.add(body);
                    reply = body.contains("first question") ? "VERDICT: PASS\\nSCORE: 9/10\\nMatches the reference."
                            : "VERDICT: FAIL\\nSCORE: 2/10\\nDoes not answer.";
                } else {
                    reply = "an answer";
                }
                return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                        .body(dev.switchyard.app.cli.ReplayTestStreams.openAi(reply.replace("\\n", "\n"), 100, 10)).build();
            }
        });
        server.start();
        try (AppContext app = new AppContext(Map.of("TEST_KEY", "sk-test-judge-0123456789")::get, Clock.systemUTC());
             Workspace ws = Workspace.open(dir.resolve("j.switchyard"))) {
            var gw = ReplayFixture.gateway(ws, server.url("/v1").toString());
            Model a = ReplayFixture.cloud(ws, gw, "model-a");
            Model judge = ReplayFixture.cloud(ws, gw, "judge-model");
            ws.prices().insert(PriceRow.of(judge.id(), new BigDecimal("1"), null, new BigDecimal("2"), "test",
                    LocalDate.now().minusDays(1)));
            long datasetId = ws.datasets().create("two", null).id();
            ReplayFixture.items(ws, datasetId, "first question", "the reference", "second question", "another");
            var policy = ReplayFixture.lengthPolicy(ReplayFixture.policyVersion(ws, "p"), a, a, 100, null);
            Graders graders = Graders.of(GraderKind.JUDGE, new JudgeGrader(new RunService(ws), judge,
                    app.engines(ws).forModel(judge), "Be harsh about facts."));
            ReplayService service = ReplayService.of(app, ws);
            Prepared p = service.prepare(policy, datasetId, ReplayOptions.defaults().withSourcing(Sourcing.LIVE)
                    .withGraders(graders).withBaselines(false));
            assertThat(p.estimate().judgeCalls()).isEqualTo(2);
            assertThat(p.estimate().judgeCostUsd()).isPositive();
            assertThat(p.estimate().sentence()).contains("2 judge calls").contains("shown apart");

            ReplayResult r = service.start(p, true, null).result().get(60, TimeUnit.SECONDS);

            assertThat(r.items().get(0).grade().grader()).isEqualTo("judge");
            assertThat(r.items().get(0).passed()).isTrue();
            assertThat(r.items().get(0).grade().score()).isEqualTo(0.9);
            assertThat(r.items().get(1).passed()).isFalse();
            assertThat(r.items().get(1).grade().detail()).isEqualTo("Does not answer.");
            Summary s = Summary.of(r);
            // each judge call: 100 input × $1 + 10 output × $2 per 1M tokens
            assertThat(s.judgeCostUsd()).isCloseTo(2 * 120e-6, within(1e-12));
            assertThat(s.policy().costUsd()).as("the route's cost excludes the judge").isZero();
            assertThat(judgeBodies).hasSize(2);
            assertThat(judgeBodies).allMatch(b -> b.contains("Be harsh about facts.")).anyMatch(b -> b.contains("the reference"));
        }
    }
}
