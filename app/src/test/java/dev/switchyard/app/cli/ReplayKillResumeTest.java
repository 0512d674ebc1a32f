package dev.switchyard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Replay;
import dev.switchyard.workspace.model.ReplayItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live replay in a child JVM is killed with SIGKILL part-way; {@code replay --resume} then finishes it
 * without calling the model again for any item that was stored before the kill, and without duplicates.
 */
class ReplayKillResumeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "sk-test-replay-kill-0123456789";
    private static final int ITEMS = 12;

    @TempDir
    Path dir;
    private final MockWebServer server = new MockWebServer();
    private final ConcurrentLinkedQueue<String> prompts = new ConcurrentLinkedQueue<>();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aKilledReplayResumesWithoutRepeatingFinishedItems() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                try {
                    var messages = JSON.readTree(request.getBody().utf8()).path("messages");
                    prompts.add(messages.get(messages.size() - 1).path("content").asText());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                        .body(RunCommandTest.openAiStream("gpt-4o-mini", List.of("The answer", " is 42."), 20, 6))
                        .headersDelay(400, TimeUnit.MILLISECONDS).build();
            }
        });
        server.start();
        String ws = dir.resolve("kill.switchyard").toString();
        Map<String, String> env = Map.of("TEST_GATEWAY_KEY", KEY);
        assertThat(CliRunner.run(env, "run", "-w", ws, "--prompt", "register", "--base-url", server.url("/v1").toString(),
                "--api-model", "gpt-4o-mini", "--api-key-env", "TEST_GATEWAY_KEY").code()).isZero();
        Files.writeString(dir.resolve("items.jsonl"), IntStream.rangeClosed(1, ITEMS)
                .mapToObj(i -> "{\"prompt\":\"Question number " + i + "\",\"reference\":\"42\",\"grader\":\"numeric\"}")
                .collect(Collectors.joining("\n")));
        assertThat(CliRunner.run("dataset", "import", dir.resolve("items.jsonl").toString(), "--name", "twelve", "-w", ws)
                .code()).isZero();
        Path policy = Files.writeString(dir.resolve("all-cloud.json"),
                "{\"schema_version\":1,\"name\":\"all-cloud\",\"rules\":[],\"default\":{\"type\":\"route\",\"target\":\"gpt-4o-mini\"}}");
        prompts.clear();

        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.switchyard.app.Main", "replay", "-w", ws,
                "--policy", policy.toString(), "--dataset", "twelve", "--live", "--yes", "--no-baselines",
                "--concurrency", "1");
        pb.environment().put("TEST_GATEWAY_KEY", KEY);
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile());
        Process child = pb.start();
        long replayId;
        Set<Long> doneAtKill;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (done(ws).size() < 3 && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        try (Workspace w = Workspace.open(Path.of(ws))) {
            assertThat(w.replays().list()).as("the child started a replay: " + Files.readString(dir.resolve("child.log")))
                    .isNotEmpty();
            Replay replay = w.replays().list().get(0);
            replayId = replay.id();
            doneAtKill = w.replays().finishedItemIds(replayId);
        }
        assertThat(doneAtKill).as(Files.readString(dir.resolve("child.log"))).hasSizeBetween(3, ITEMS - 1);
        Set<String> finishedPrompts = promptsOf(ws, replayId, doneAtKill);
        prompts.clear();

        CliRunner.Result resumed = CliRunner.run(env, "replay", "-w", ws, "--resume", Long.toString(replayId), "--yes",
                "--json", "--no-baselines", "--concurrency", "1");

        assertThat(resumed.code()).as(resumed.err() + resumed.out()).isZero();
        assertThat(new ArrayList<>(prompts)).as("no finished item is asked again")
                .doesNotContainAnyElementsOf(finishedPrompts)
                .hasSize(ITEMS - doneAtKill.size())
                .doesNotHaveDuplicates();
        try (Workspace w = Workspace.open(Path.of(ws))) {
            List<ReplayItem> items = w.replays().items(replayId);
            assertThat(items).hasSize(ITEMS);
            assertThat(items.stream().map(ReplayItem::datasetItemId).collect(Collectors.toSet())).hasSize(ITEMS);
            assertThat(w.check().ok()).isTrue();
        }
    }

    private static Set<Long> done(String ws) {
        try (Workspace w = Workspace.open(Path.of(ws))) {
            List<Replay> replays = w.replays().list();
            return replays.isEmpty() ? Set.of() : w.replays().finishedItemIds(replays.get(0).id());
        } catch (RuntimeException e) {
            return Set.of();
        }
    }

    private static Set<String> promptsOf(String ws, long replayId, Set<Long> datasetItemIds) {
        try (Workspace w = Workspace.open(Path.of(ws))) {
            long datasetId = w.replays().get(replayId).orElseThrow().datasetId();
            return w.datasets().items(datasetId).stream().filter(d -> datasetItemIds.contains(d.id()))
                    .map(d -> d.prompt()).collect(Collectors.toSet());
        }
    }
}
