package dev.switchyard.app.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.replay.engine.ReplayListener;
import dev.switchyard.app.replay.engine.ReplayOptions;
import dev.switchyard.app.replay.engine.ReplayPolicy;
import dev.switchyard.app.replay.engine.ReplayProgress;
import dev.switchyard.app.replay.engine.ReplayResult;
import dev.switchyard.app.replay.engine.ItemOutcome;
import dev.switchyard.app.replay.engine.Sourcing;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.DatasetItem;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ReplayStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interrupt a live replay, then resume it: finished items are neither called nor graded again. The
 * interruption is in-process (cancel from the progress listener, then the replay row put back to RUNNING as a
 * killed process would leave it) rather than a killed child JVM: outcomes are stored as each item finishes, so
 * the two leave the workspace in the same state.
 */
class ReplayResumeTest {

    @TempDir
    Path dir;
    private final MockWebServer server = new MockWebServer();
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private AppContext app;
    private Workspace ws;
    private Model a;
    private Model b;
    private long datasetId;
    private ReplayPolicy policy;

    @BeforeEach
    void setUp() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requested.add(request.getBody().utf8());
                return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                        .body(dev.switchyard.app.cli.ReplayTestStreams.openAi("42", 12, 3))
                        .headersDelay(80, TimeUnit.MILLISECONDS).build();
            }
        });
        server.start();
        app = new AppContext(Map.of("TEST_KEY", "sk-test-resume-0123456789")::get, Clock.systemUTC());
        ws = Workspace.open(dir.resolve("r.switchyard"));
        var gw = ReplayFixture.gateway(ws, server.url("/v1").toString());
        a = ReplayFixture.cloud(ws, gw, "model-a");
        b = ReplayFixture.cloud(ws, gw, "model-b");
        datasetId = ws.datasets().create("six", null).id();
        ReplayFixture.items(ws, datasetId, "p1 short", "42", "p2 short", "42", "p3 is a long prompt", "42",
                "p4 is a long prompt", "42", "p5 short", "42", "p6 is a long prompt", "42");
        policy = ReplayFixture.lengthPolicy(ReplayFixture.policyVersion(ws, "len"), a, b, 10, null);
    }

    @AfterEach
    void tearDown() {
        ws.close();
        app.close();
        server.close();
    }

    @Test
    void aResumedReplayFinishesWithoutRepeatingFinishedItems() throws Exception {
        ReplayService service = ReplayService.of(app, ws);
        ReplayOptions options = ReplayOptions.defaults().withSourcing(Sourcing.LIVE).withLimit(1);
        Prepared prepared = service.prepare(policy, datasetId, options);
        assertThat(prepared.estimate().cloudCalls()).isEqualTo(12);
        assertThatThrownBy(() -> service.start(prepared, false, null)).isInstanceOf(ReplayException.class)
                .hasMessageContaining("12 cloud calls");
        assertThat(requested).isEmpty();

        AtomicReference<dev.switchyard.app.replay.ReplayJob> job = new AtomicReference<>();
        List<ReplayProgress> progress = new CopyOnWriteArrayList<>();
        ReplayListener cancelAfterFirst = new ReplayListener() {
            @Override
            public void onItem(ItemOutcome outcome) {
                dev.switchyard.app.replay.ReplayJob j;
                while ((j = job.get()) == null) {
                    Thread.onSpinWait();
                }
                j.cancel();
            }

            @Override
            public void onProgress(ReplayProgress p) {
                progress.add(p);
            }
        };
        job.set(service.start(prepared, true, cancelAfterFirst));
        ReplayResult partial = job.get().result().get(30, TimeUnit.SECONDS);
        long replayId = partial.replay().id();
        assertThat(partial.replay().status()).isEqualTo(ReplayStatus.CANCELLED);
        Set<Long> finished = ws.replays().finishedItemIds(replayId);
        assertThat(finished).isNotEmpty().hasSizeLessThan(6);
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(0).total()).isEqualTo(6);
        assertThat(progress.get(0).spentUsd()).as("no price in force: spend unknown, counted 0").isZero();

        // as a killed process would leave it
        ws.replays().setStatus(replayId, ReplayStatus.RUNNING);
        Set<String> finishedPrompts = ws.datasets().items(datasetId).stream().filter(i -> finished.contains(i.id()))
                .map(DatasetItem::prompt).collect(Collectors.toSet());
        int before = requested.size();

        Prepared rest = service.prepareResume(replayId, policy, options);
        assertThat(rest.todo()).hasSize(6 - finished.size());
        assertThat(rest.estimate().cloudCalls()).isEqualTo(2 * (6 - finished.size()));
        ReplayResult done = service.start(rest, true, null).result().get(30, TimeUnit.SECONDS);

        assertThat(done.replay().status()).isEqualTo(ReplayStatus.COMPLETED);
        assertThat(done.items()).hasSize(6);
        assertThat(ws.replays().items(replayId)).hasSize(6);
        List<String> resumedCalls = requested.subList(before, requested.size());
        assertThat(resumedCalls).hasSize(2 * (6 - finished.size()));
        for (String body : resumedCalls) {
            assertThat(finishedPrompts).noneMatch(p -> body.contains("\"" + p + "\""));
        }
        assertThat(done.items()).allSatisfy(o -> assertThat(o.passed()).isTrue());
        assertThatThrownBy(() -> service.prepareResume(replayId, policy, options))
                .hasMessageContaining("already complete");
    }
}
