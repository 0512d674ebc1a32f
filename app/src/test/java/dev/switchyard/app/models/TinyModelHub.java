package dev.switchyard.app.models;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback server with the Hugging Face hub's URL layout for the catalog's SmolLM2 135M, serving the committed tiny
 * test model's files as its q4 and fp32 files (HEAD with the length, GET with the bytes); for download tests.
 */
public final class TinyModelHub implements AutoCloseable {

    static final Path TINY = Path.of("../engine-local/src/test/resources/models/tiny-random-llama").toAbsolutePath()
            .normalize();
    private static final String PREFIX = "/HuggingFaceTB/SmolLM2-135M-Instruct/resolve/main/";
    private static final Map<String, Path> FILES = Map.of("config.json", TINY.resolve("config.json"),
            "generation_config.json", TINY.resolve("generation_config.json"),
            "tokenizer.json", TINY.resolve("tokenizer.json"),
            "tokenizer_config.json", TINY.resolve("tokenizer_config.json"),
            "onnx/model_q4.onnx", TINY.resolve("onnx/model.onnx"),
            "onnx/model.onnx", TINY.resolve("onnx/model.onnx")); // (the fp32 precision's file)

    private final HttpServer server;
    private final List<String> gets = new CopyOnWriteArrayList<>();

    public TinyModelHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            Path file = path.startsWith(PREFIX) ? FILES.get(path.substring(PREFIX.length())) : null;
            if (file == null) {
                ex.sendResponseHeaders(404, -1);
                ex.close();
                return;
            }
            byte[] body = Files.readAllBytes(file);
            ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
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
    }

    /** The hub's base URL (a download's {@code --mirror}). */
    public String mirror() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** The files fetched with GET so far, in order (clear it to count from a point on). */
    public List<String> gets() {
        return gets;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
