package dev.switchyard.app.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.AppContext;
import dev.switchyard.local.LocalEngine;
import dev.switchyard.local.catalog.DownloadControl;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalog model downloaded from a loopback server with the hub's URL layout (the tiny model's files under the shipped
 * SmolLM2-135M entry, whose catalog publishes no sizes or checksums), then damaged: Download again fetches what changed
 * — which the downloader alone would have kept, being present — and the model is ready again.
 */
class DownloadAgainTest {

    static final Path TINY = TinyModelHub.TINY;

    @TempDir
    Path dir;
    private TinyModelHub hub;
    private AppContext ctx;
    private Workspace ws;
    private LocalModelManager manager;

    @BeforeEach
    void serve() throws Exception {
        hub = new TinyModelHub();
        ctx = new AppContext(n -> null, Clock.systemUTC(), LocalEngine::inProcess);
        ws = Workspace.open(dir.resolve("w.switchyard"));
        manager = new LocalModelManager(ctx.localModels(), dir.resolve("models"),
                URI.create(hub.mirror()));
    }

    @AfterEach
    void stop() {
        ws.close();
        ctx.close();
        hub.close();
    }

    @Test
    void aDownloadedFileCutShortIsSaidAndDownloadingAgainFetchesOnlyItAndMakesTheModelReady() throws Exception {
        Model m = manager.download(ctx.directory(ws), "smollm2-135m-instruct", null, p -> { }, new DownloadControl());
        LocalModelSettings s = LocalModelSettings.of(m);
        assertThat(s.recorded()).isTrue();
        assertThat(manager.health(m).ok()).isTrue();

        Path onnx = s.path().resolve("onnx/model_q4.onnx");
        byte[] all = Files.readAllBytes(onnx);
        Files.write(onnx, Arrays.copyOf(all, 12_000));
        LocalModelHealth h = manager.health(m);
        assertThat(h.reason()).isEqualTo("Files changed since download: onnx/model_q4.onnx is 12 KB, expected 516 KB.");
        assertThat(h.fix()).isEqualTo("Download it again in Models → Local models.");

        hub.gets().clear();
        Model again = manager.downloadAgain(ctx.directory(ws), m, p -> { }, new DownloadControl());
        assertThat(again.id()).isEqualTo(m.id());
        assertThat(hub.gets()).as("only the file that changed").containsExactly("onnx/model_q4.onnx");
        assertThat(Files.size(onnx)).isEqualTo(all.length);
        assertThat(manager.health(again).ok()).isTrue();
    }

    @Test
    void aDownloadOfAnOlderBuildWithNothingRecordedIsDownloadedWhole() throws Exception {
        Model m = manager.download(ctx.directory(ws), "smollm2-135m-instruct", null, p -> { }, new DownloadControl());
        LocalModelSettings s = LocalModelSettings.of(m);
        Model old = ctx.directory(ws).registerLocal(m.apiModelId(), m.displayName(), m.contextWindow(), m.kind(),
                new LocalModelSettings(s.path(), s.variant(), s.catalogId())); // as an older build stored it
        Path onnx = s.path().resolve("onnx/model_q4.onnx");
        byte[] all = Files.readAllBytes(onnx);
        Files.write(onnx, Arrays.copyOf(all, all.length / 3)); // still starts as an ONNX file does: only a load tells

        hub.gets().clear();
        Model again = manager.downloadAgain(ctx.directory(ws), old, p -> { }, new DownloadControl());
        assertThat(hub.gets()).as("which file is damaged cannot be told: all of them").hasSize(5);
        assertThat(Files.size(onnx)).isEqualTo(all.length);
        assertThat(LocalModelSettings.of(again).recorded()).isTrue();
    }

    @Test
    void aDownloadWhoseFolderWasDeletedIsDownloadedWhole() throws Exception {
        Model m = manager.download(ctx.directory(ws), "smollm2-135m-instruct", null, p -> { }, new DownloadControl());
        Path folder = LocalModelSettings.of(m).path();
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertThat(manager.health(m).reason()).isEqualTo("Model folder not found: " + folder + ".");

        hub.gets().clear();
        Model again = manager.downloadAgain(ctx.directory(ws), m, p -> { }, new DownloadControl());
        assertThat(hub.gets()).hasSize(5);
        assertThat(manager.health(again).ok()).isTrue();
    }

    /**
     * The window's model manager has no mirror of its own (Models → Download again, and Download of a model the
     * workspace already has): a row downloaded from a mirror is downloaded from that mirror again, not from the hub.
     */
    @Test
    void withoutAMirrorGivenARowIsDownloadedAgainFromTheMirrorItKeeps() throws Exception {
        Model m = manager.download(ctx.directory(ws), "smollm2-135m-instruct", null, p -> { }, new DownloadControl());
        LocalModelManager window = new LocalModelManager(ctx.localModels(), dir.resolve("models"), null);
        Path onnx = LocalModelSettings.of(m).path().resolve("onnx/model_q4.onnx");
        byte[] all = Files.readAllBytes(onnx);
        Files.write(onnx, Arrays.copyOf(all, 1000));

        hub.gets().clear();
        Model again = window.downloadAgain(ctx.directory(ws), m, p -> { }, new DownloadControl());
        assertThat(hub.gets()).as("from the mirror it came from").containsExactly("onnx/model_q4.onnx");
        assertThat(window.health(again).ok()).isTrue();
        assertThat(LocalModelSettings.of(again).mirror()).as("still kept").isEqualTo(hub.mirror());

        // Download of the catalog model the workspace has: the same row, from the same mirror
        Files.delete(LocalModelSettings.of(m).path().resolve("tokenizer.json"));
        hub.gets().clear();
        Model downloaded = window.download(ctx.directory(ws), "smollm2-135m-instruct", null, p -> { },
                new DownloadControl());
        assertThat(downloaded.id()).isEqualTo(m.id());
        assertThat(hub.gets()).as("the missing file, from the mirror").containsExactly("tokenizer.json");
        assertThat(LocalModelSettings.of(downloaded).mirror()).isEqualTo(hub.mirror());
        assertThat(LocalModelManager.keptMirror(downloaded, "smollm2-135m-instruct")).isEqualTo(hub.mirror());
        assertThat(LocalModelManager.keptMirror(downloaded, "qwen2.5-0.5b-instruct")).as("another entry's row").isNull();
    }

    @Test
    void theRowKeepsTheMirrorADownloadCameFromAndNothingForTheHub() throws Exception {
        Model m = manager.download(ctx.directory(ws), "smollm2-135m-instruct", null, p -> { }, new DownloadControl());
        assertThat(LocalModelSettings.of(m).mirror()).isEqualTo(hub.mirror());
        assertThat(m.settingsJson()).contains("\"mirror\":\"" + hub.mirror() + "\"");
        Path onnx = LocalModelSettings.of(m).path().resolve("onnx/model_q4.onnx");
        Files.write(onnx, Arrays.copyOf(Files.readAllBytes(onnx), 1000));
        Model again = manager.downloadAgain(ctx.directory(ws), m, p -> { }, new DownloadControl());
        assertThat(LocalModelSettings.of(again).mirror()).as("still from the mirror").isEqualTo(hub.mirror());

        var entry = LocalModelManager.catalog().require("smollm2-135m-instruct");
        assertThat(LocalModelManager.mirrorOf(entry, null)).isNull();
        assertThat(LocalModelManager.mirrorOf(entry, URI.create("https://huggingface.co/"))).as("the hub itself").isNull();
        assertThat(LocalModelManager.mirrorOf(entry, URI.create("http://me:secret@mirror.lan:8080/hf/")))
                .as("never a password in the workspace").isEqualTo("http://mirror.lan:8080/hf/");
        assertThat(new LocalModelSettings(Path.of("/m"), null, "x").toJson()).doesNotContain("mirror");
    }
}
