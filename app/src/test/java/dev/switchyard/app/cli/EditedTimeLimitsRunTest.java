package dev.switchyard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchyard.app.AppContext;
import dev.switchyard.app.engine.EngineRequest;
import dev.switchyard.app.models.ModelDirectory;
import dev.switchyard.app.run.RunObserver;
import dev.switchyard.app.run.RunService;
import dev.switchyard.app.run.RunSpec;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model row's edited time limits are what its runs use, over real HTTP on loopback: a gateway whose first token
 * comes late fails the run with first_token_timeout while the model's first-token limit is shorter, and answers once
 * the limit is raised with {@code models set-timeouts}; a model picked before its limits changed runs with the new ones.
 */
class EditedTimeLimitsRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** When the gateway's first byte comes (a model loading): well past the shortened limit, well within the raised one. */
    private static final long FIRST_TOKEN_AFTER_MS = 800;

    @TempDir
    Path dir;
    private final MockWebServer server = new MockWebServer();
    private Path file;
    private String ws;

    @BeforeEach
    void start() throws Exception {
        server.start();
        file = dir.resolve("limits.switchyard");
        ws = file.toString();
        ok("providers", "add", "-w", ws, "--preset", "custom", "--name", "Gate", "--base-url", server.url("/v1").toString(),
                "--no-key");
        ok("models", "add", "-w", ws, "--provider", "Gate", "--model", "slow-model");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static JsonNode ok(String... args) throws Exception {
        CliRunner.Result r = CliRunner.run(args);
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err() + r.out()).isZero();
        return List.of(args).contains("--json") ? JSON.readTree(r.out()) : JSON.createObjectNode();
    }

    private void enqueueSlowAnswer() {
        server.enqueue(new MockResponse.Builder().headersDelay(FIRST_TOKEN_AFTER_MS, TimeUnit.MILLISECONDS)
                .addHeader("Content-Type", "text/event-stream")
                .body(RunCommandTest.openAiStream("slow-model", List.of("Loaded", " at last"), 5, 3)).build());
    }

    private JsonNode runOnce() throws Exception {
        enqueueSlowAnswer();
        CliRunner.Result r = CliRunner.run("run", "-w", ws, "--model", "Gate/slow-model", "--prompt", "hi", "--json");
        return JSON.readTree(r.out()).path("runs").get(0);
    }

    /** Shortens the stored first-token limit below what the engine's checks allow a user to type (a fast test). */
    private void shortenFirstTokenLimit(Model m, ModelDirectory directory) {
        directory.setTimeouts(m, directory.timeouts(m).withFirstToken(Duration.ofMillis(100)));
    }

    @Test
    void aShortenedFirstTokenLimitFailsTheRunAndRaisingItWithTheCliLetsItAnswer() throws Exception {
        try (AppContext app = new AppContext(Map.<String, String>of()::get, Clock.systemDefaultZone());
             Workspace w = Workspace.open(file)) {
            ModelDirectory directory = app.directory(w);
            shortenFirstTokenLimit(directory.resolve("Gate/slow-model"), directory);
        }
        JsonNode failed = runOnce();
        assertThat(failed.path("status").asText()).as(failed.toString()).isEqualTo("FAILED");
        assertThat(failed.path("error_kind").asText()).isEqualTo("first_token_timeout");

        JsonNode set = ok("models", "set-timeouts", "-w", ws, "Gate/slow-model", "--first-token", "15s", "--json");
        assertThat(set.path("model").path("timeouts").path("firstTokenMs").asLong()).isEqualTo(15_000);

        JsonNode answered = runOnce();
        assertThat(answered.path("status").asText()).as(answered.toString()).isEqualTo("COMPLETED");
        assertThat(answered.path("output_text").asText()).isEqualTo("Loaded at last");
        assertThat(answered.path("error_kind").isNull()).isTrue();
        assertThat(server.getRequestCount()).as("one request per run, no retry of a timed-out one").isEqualTo(2);
    }

    /** What Compare does: the picker read the row before the limit changed; the run must use the row as stored now. */
    @Test
    void aModelPickedBeforeItsLimitsChangedRunsWithTheLimitsStoredNow() throws Exception {
        try (AppContext app = new AppContext(Map.<String, String>of()::get, Clock.systemDefaultZone());
             Workspace w = Workspace.open(file)) {
            ModelDirectory directory = app.directory(w);
            Model picked = directory.resolve("Gate/slow-model"); // default limits: a 60 s first token
            shortenFirstTokenLimit(picked, directory);
            enqueueSlowAnswer();
            Run run = new RunService(w).start(RunSpec.adHoc(picked, new EngineRequest(null, "hi", null)),
                    app.engines(w).forModel(picked), RunObserver.NONE).finished().get(30, TimeUnit.SECONDS);
            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.error().kind()).isEqualTo("first_token_timeout");
        }
    }

    /**
     * The text output says what the window's pane says, in a command: the advice line after the error names
     * set-timeouts with the limit it hit doubled, and that command, run as printed, lets the slow gateway answer.
     */
    @Test
    void aTimedOutRunPrintsTheSetTimeoutsCommandThatLetsItAnswer() throws Exception {
        ok("models", "set-timeouts", "-w", ws, "Gate/slow-model", "--connect", "1s", "--first-token", "1s");
        server.enqueue(new MockResponse.Builder().headersDelay(1500, TimeUnit.MILLISECONDS)
                .addHeader("Content-Type", "text/event-stream")
                .body(RunCommandTest.openAiStream("slow-model", List.of("Loaded", " at last"), 5, 3)).build());

        CliRunner.Result failed = CliRunner.run("run", "-w", ws, "--model", "Gate/slow-model", "--prompt", "hi");

        assertThat(failed.code()).isEqualTo(ExitCodes.FAILED);
        String command = "switchyard models set-timeouts Gate/slow-model --first-token 2s -w " + file.toAbsolutePath();
        List<String> lines = failed.out().lines().toList();
        int advice = lines.indexOf("   If it is only slow to start (a gateway loading a large model on its first "
                + "request), raise its first-token limit (now 1 s) with: " + command + ". Otherwise run again later or "
                + "pick a faster model.");
        assertThat(advice).as(failed.out()).isPositive();
        assertThat(lines.get(advice - 1)).as("right after the error").contains("first-token");
        assertThat(failed.out()).doesNotContain("Models →").doesNotContain("Time limits");

        String[] args = command.substring("switchyard ".length()).split(" ");
        ok(args);
        enqueueSlowAnswer();
        CliRunner.Result answered = CliRunner.run("run", "-w", ws, "--model", "Gate/slow-model", "--prompt", "hi", "--json");
        JsonNode run = JSON.readTree(answered.out()).path("runs").get(0);
        assertThat(run.path("status").asText()).as(answered.out()).isEqualTo("COMPLETED");
        assertThat(run.has("advice")).isTrue();
        assertThat(run.path("advice").isNull()).as("nothing to do after a full answer").isTrue();
    }
}
