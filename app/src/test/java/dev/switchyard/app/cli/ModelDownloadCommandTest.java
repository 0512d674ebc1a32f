package dev.switchyard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code models download} against a loopback server with the hub's URL layout, serving the tiny test
 * model's files under the shipped catalog's SmolLM2-135M entry: download, validate, register, run.
 */
class ModelDownloadCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private dev.switchyard.app.models.TinyModelHub hub;

    @BeforeEach
    void serve() throws Exception {
        hub = new dev.switchyard.app.models.TinyModelHub();
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void downloadsValidatesRegistersAndRuns() throws Exception {
        String ws = dir.resolve("dl.switchyard").toString();
        String mirror = hub.mirror();

        CliRunner.Result r = CliRunner.run("models", "download", "smollm2-135m-instruct", "-w", ws,
                "--models-dir", dir.resolve("models").toString(), "--mirror", mirror, "--json");

        assertThat(r.code()).as(r.err() + r.out()).isZero();
        assertThat(r.err()).contains("done");
        JsonNode model = JSON.readTree(r.out()).path("model");
        assertThat(model.path("apiModelId").asText()).isEqualTo("smollm2-135m-instruct");
        assertThat(Files.exists(dir.resolve("models"))).isTrue();
        assertThat(hub.gets()).hasSize(5);

        CliRunner.Result run = CliRunner.run("run", "-w", ws, "--model", "smollm2-135m-instruct", "--prompt", "hi",
                "--max-tokens", "4", "--json");
        assertThat(run.code()).as(run.err() + run.out()).isZero();
    }

    @Test
    void anotherPrecisionIsAddedAsItsOwnModelBesideTheRecommendedOne() throws Exception {
        String ws = dir.resolve("two.switchyard").toString();
        String models = dir.resolve("models").toString();
        download(ws, models);
        String mirror = hub.mirror();

        CliRunner.Result r = CliRunner.run("models", "download", "smollm2-135m-instruct", "--precision", "fp32", "-w", ws,
                "--models-dir", models, "--mirror", mirror, "--json");

        assertThat(r.code()).as(r.err() + r.out()).isZero();
        JsonNode model = JSON.readTree(r.out()).path("model");
        assertThat(model.path("apiModelId").asText()).isEqualTo("smollm2-135m-instruct-fp32");
        assertThat(model.path("displayName").asText()).isEqualTo("SmolLM2 135M Instruct (fp32 reference)");
        assertThat(downloadedFolders()).hasSize(2);
        String list = CliRunner.run("models", "list", "-w", ws).out();
        assertThat(list).contains("smollm2-135m-instruct ").contains("smollm2-135m-instruct-fp32");
        for (String id : new String[] {"smollm2-135m-instruct", "smollm2-135m-instruct-fp32"}) {
            CliRunner.Result run = CliRunner.run("run", "-w", ws, "--model", id, "--prompt", "hi", "--max-tokens", "2");
            assertThat(run.code()).as(id + ": " + run.err()).isZero();
        }
    }

    @Test
    void removeWithDeleteFilesTakesADownloadOffTheWorkspaceAndTheDisk() throws Exception {
        String ws = dir.resolve("rm.switchyard").toString();
        String models = dir.resolve("models").toString();
        download(ws, models);
        assertThat(downloadedFolders()).hasSize(1);

        CliRunner.Result r = CliRunner.run("models", "remove", "smollm2-135m-instruct", "--delete-files", "-w", ws,
                "--models-dir", models, "--json");

        assertThat(r.code()).as(r.err() + r.out()).isZero();
        JsonNode out = JSON.readTree(r.out());
        assertThat(out.path("removed").isNull()).isFalse();
        assertThat(out.path("filesDeleted").asBoolean()).isTrue();
        assertThat(out.path("bytesFreed").asLong()).isGreaterThan(10_000);
        assertThat(downloadedFolders()).isEmpty();
        assertThat(CliRunner.run("models", "list", "-w", ws).out()).doesNotContain("smollm2-135m-instruct");
    }

    @Test
    void aModelWithRunsKeepsItsRowButItsFilesCanStillBeFreed() throws Exception {
        String ws = dir.resolve("runs.switchyard").toString();
        String models = dir.resolve("models").toString();
        download(ws, models);
        assertThat(CliRunner.run("run", "-w", ws, "--model", "smollm2-135m-instruct", "--prompt", "hi", "--max-tokens", "2")
                .code()).isZero();

        CliRunner.Result kept = CliRunner.run("models", "remove", "smollm2-135m-instruct", "-w", ws, "--models-dir", models);
        assertThat(kept.code()).as(kept.err()).isZero();
        assertThat(kept.out()).contains("Removed This device/smollm2-135m-instruct from the lists of models; History keeps it for its runs.")
                .contains("Its files stay in ").contains("remove it again with its files to free the space.");
        assertThat(downloadedFolders()).hasSize(1);
        assertThat(CliRunner.run("models", "list", "-w", ws).out()).contains("smollm2-135m-instruct")
                .contains("removed (its runs and prices keep it for History)");

        CliRunner.Result freed = CliRunner.run("models", "remove", "smollm2-135m-instruct", "--delete-files", "-w", ws,
                "--models-dir", models, "--json");
        assertThat(freed.code()).as(freed.err() + freed.out()).isZero();
        JsonNode out = JSON.readTree(freed.out());
        assertThat(out.path("keptForHistory").asBoolean()).isTrue();
        assertThat(out.path("filesDeleted").asBoolean()).isTrue();
        assertThat(downloadedFolders()).isEmpty();
        assertThat(CliRunner.run("models", "list", "-w", ws).out()).contains("smollm2-135m-instruct");
        CliRunner.Result run = CliRunner.run("run", "-w", ws, "--model", "smollm2-135m-instruct", "--prompt", "hi");
        assertThat(run.code()).isNotZero();
        assertThat(run.err() + run.out()).as(run.err() + run.out()).contains("Model folder not found: ")
                .contains("Download it again");
    }

    /**
     * A model downloaded from a mirror that has gone since: downloading it again without --mirror (from the mirror its
     * row keeps) fails and says how to go back to the hub, as the window's Download from Hugging Face does.
     */
    @Test
    void aKeptMirrorThatIsGoneSaysHowToGoBackToTheHub() throws Exception {
        String ws = dir.resolve("gone.switchyard").toString();
        String models = dir.resolve("models").toString();
        download(ws, models);
        String mirror = hub.mirror();
        try (Stream<Path> folders = Files.list(dir.resolve("models").resolve("models"))) {
            Files.delete(folders.findFirst().orElseThrow().resolve("tokenizer.json"));
        }
        hub.close(); // the mirror is gone

        CliRunner.Result r = CliRunner.run("models", "download", "smollm2-135m-instruct", "-w", ws, "--models-dir", models);

        assertThat(r.code()).as(r.err() + r.out()).isEqualTo(ExitCodes.ENGINE);
        assertThat(r.err()).contains("It came from the mirror " + mirror + " that the model keeps; if that mirror is "
                + "gone or out of date, add --mirror https://huggingface.co/ to get the files from the hub instead (the "
                + "model then stops using the mirror).");
    }

    private void download(String ws, String models) {
        CliRunner.Result r = CliRunner.run("models", "download", "smollm2-135m-instruct", "-w", ws, "--models-dir", models,
                "--mirror", hub.mirror());
        assertThat(r.code()).as(r.err() + r.out()).isZero();
    }

    private List<Path> downloadedFolders() throws IOException {
        Path root = dir.resolve("models").resolve("models");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.toList();
        }
    }

    @Test
    void anUnknownCatalogIdIsAClearError() {
        CliRunner.Result r = CliRunner.run("models", "download", "gpt-7-local", "-w", dir.resolve("x.switchyard").toString(),
                "--models-dir", dir.resolve("models").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.ENGINE);
        assertThat(r.err()).contains("gpt-7-local");
    }

    @Test
    void aDamagedDownloadSaysTheDownloadCommandThatFixesIt() throws Exception {
        String ws = dir.resolve("damaged.switchyard").toString();
        String models = dir.resolve("models").toString();
        download(ws, models);
        Path onnx = downloadedFolders().get(0).resolve("onnx/model_q4.onnx");
        Files.write(onnx, java.util.Arrays.copyOf(Files.readAllBytes(onnx), 1000)); // truncated

        CliRunner.Result run = CliRunner.run("run", "-w", ws, "--model", "smollm2-135m-instruct", "--prompt", "hi");

        assertThat(run.code()).isEqualTo(ExitCodes.FAILED);
        // downloaded from a mirror (the test's loopback hub): the command downloads from it again
        String command = "switchyard models download smollm2-135m-instruct --mirror " + hub.mirror() + " --models-dir "
                + models + " -w " + ws;
        assertThat(run.out()).as(run.out()).contains("Files changed since download: onnx/model_q4.onnx is")
                .contains("From the command line: " + command + ".");
        String list = CliRunner.run("models", "list", "-w", ws).out();
        assertThat(list).contains("    files: Files changed since download: onnx/model_q4.onnx").contains(command);

        // the command it names, exactly as printed, fixes it
        String printed = run.out().lines().filter(l -> l.contains("From the command line: switchyard ")).findFirst()
                .orElseThrow();
        String[] args = printed.substring(printed.indexOf("switchyard ") + "switchyard ".length(),
                printed.length() - 1).split(" ");
        hub.gets().clear();
        CliRunner.Result again = CliRunner.run(args);
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(hub.gets()).as("downloaded again from the mirror it came from").containsExactly("onnx/model_q4.onnx");
        assertThat(CliRunner.run("models", "list", "-w", ws).out()).contains("    files: ready");
        assertThat(CliRunner.run("run", "-w", ws, "--model", "smollm2-135m-instruct", "--prompt", "hi",
                "--max-tokens", "2").code()).isZero();

        // without --mirror too: from the mirror the row keeps, as the window's Download again, not from the hub
        Files.write(onnx, java.util.Arrays.copyOf(Files.readAllBytes(onnx), 1000));
        hub.gets().clear();
        CliRunner.Result kept = CliRunner.run("models", "download", "smollm2-135m-instruct", "--models-dir", models,
                "-w", ws);
        assertThat(kept.code()).as(kept.err()).isZero();
        assertThat(hub.gets()).containsExactly("onnx/model_q4.onnx");
        assertThat(CliRunner.run("models", "list", "-w", ws).out()).contains("    files: ready");
    }
}
