package dev.switchyard.app.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.switchyard.app.AppContext;
import dev.switchyard.local.LocalEngine;
import dev.switchyard.local.catalog.DownloadControl;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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

    static final Path TINY = Path.of("../engine-local/src/test/resources/models/tiny-random-llama").toAbsolutePath().normalize();
    private static final String PREFIX = "/HuggingFaceTB/SmolLM2-135M-Instruct/resolve/main/";

    @TempDir
    Path dir;
    private HttpServer server;
    private final List<String> gets = new CopyOnWriteArrayList<>();
    private AppContext ctx;
    private Workspace ws;
    private LocalModelManager manager;

    @BeforeEach
    void serve() throws Exception {
        Map<String, Path> files = Map.of("config.json", TINY.resolve("config.json"),
                "generation_config.json", TINY.resolve("generation_config.json"),
                "tokenizer.json", TINY.resolve("tokenizer.json"),
                "tokenizer_config.json", TINY.resolve("tokenizer_config.json"),
                "onnx/model_q4.onnx", TINY.resolve("onnx/model.onnx"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            Path file = path.startsWith(PREFIX) ? files.get(path.substring(PREFIX.length())) : null;
            if (file == null) {
                ex.sendResponseHeaders(404, -1);
                ex.close();
                return;
            }
            byte[] body = Files.readAllBytes(file);
            if ("HEAD".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().add("Content-Length", Integer.toString(body.length));
                ex.sendResponseHeaders(200, -1);
            } else {
                gets.add(path.substring(PREFIX.length()));
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
            ex.close();
        });
        server.start();
        ctx = new AppContext(n -> null, Clock.systemUTC(), LocalEngine::inProcess);
        ws = Workspace.open(dir.resolve("w.switchyard"));
        manager = new LocalModelManager(ctx.localModels(), dir.resolve("models"),
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"));
    }

    @AfterEach
    void stop() {
        ws.close();
        ctx.close();
        server.stop(0);
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

        gets.clear();
        Model again = manager.downloadAgain(ctx.directory(ws), m, p -> { }, new DownloadControl());
        assertThat(again.id()).isEqualTo(m.id());
        assertThat(gets).as("only the file that changed").containsExactly("onnx/model_q4.onnx");
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

        gets.clear();
        Model again = manager.downloadAgain(ctx.directory(ws), old, p -> { }, new DownloadControl());
        assertThat(gets).as("which file is damaged cannot be told: all of them").hasSize(5);
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

        gets.clear();
        Model again = manager.downloadAgain(ctx.directory(ws), m, p -> { }, new DownloadControl());
        assertThat(gets).hasSize(5);
        assertThat(manager.health(again).ok()).isTrue();
    }
}
