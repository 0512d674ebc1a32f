package dev.switchyard.local.catalog;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback server with the hub's URL layout ({@code /<repo>/resolve/main/<path>}) serving files from a folder,
 * with Range support and fault modes per file.
 */
final class FakeHub implements AutoCloseable {

    enum Mode {
        /** serve normally */
        NORMAL,
        /** on the first GET, send the headers for the full body, half the bytes, then drop the connection */
        DROP_ONCE,
        /** on every GET, drop the connection after half the bytes */
        DROP_ALWAYS,
        /** serve the right length but wrong bytes */
        WRONG_BYTES,
        /** ignore Range headers (always 200 with the whole file) */
        IGNORE_RANGE,
        /** serve the file slowly (small chunks with pauses) */
        SLOW,
        /** on the first GET, send half the bytes and then nothing for 3 s (a stalled connection) */
        STALL_ONCE
    }

    record Request(String method, String path, String range) {
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final HttpServer server;
    private final Path root;
    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Mode> modes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> gets = new ConcurrentHashMap<>();

    FakeHub(Path root) throws IOException {
        this.root = root;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-hub");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** Mirror root to give the downloader. */
    URI root() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Puts a file of a repository on the server. */
    Path put(String repo, String path, byte[] content) throws IOException {
        Path p = root.resolve(repo).resolve(path);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
        return p;
    }

    void mode(String path, Mode mode) {
        modes.put(path, mode);
    }

    long gets(String pathSuffix) {
        return requests.stream().filter(r -> r.method().equals("GET") && r.path().endsWith(pathSuffix)).count();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String range = ex.getRequestHeaders().getFirst("Range");
        requests.add(new Request(ex.getRequestMethod(), path, range));
        String prefix = "/resolve/main/";
        int at = path.indexOf(prefix);
        if (at < 0) {
            ex.sendResponseHeaders(400, -1);
            ex.close();
            return;
        }
        String repo = path.substring(1, at);
        String file = path.substring(at + prefix.length());
        Path p = root.resolve(repo).resolve(file).normalize();
        if (!p.startsWith(root) || !Files.isRegularFile(p)) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
        }
        byte[] bytes = Files.readAllBytes(p);
        Mode mode = modes.getOrDefault(file, Mode.NORMAL);
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.getResponseHeaders().set("Content-Length", Long.toString(bytes.length));
            ex.sendResponseHeaders(200, -1);
            ex.close();
            return;
        }
        int getNumber = gets.computeIfAbsent(file, k -> new AtomicInteger()).incrementAndGet();
        if (mode == Mode.WRONG_BYTES) {
            bytes = bytes.clone();
            for (int i = 0; i < bytes.length; i += 7) {
                bytes[i] ^= 0x5a;
            }
        }
        int from = 0;
        Matcher m = range == null ? null : RANGE.matcher(range);
        if (m != null && m.matches() && mode != Mode.IGNORE_RANGE) {
            from = Integer.parseInt(m.group(1));
            if (from >= bytes.length) {
                ex.getResponseHeaders().set("Content-Range", "bytes */" + bytes.length);
                ex.sendResponseHeaders(416, -1);
                ex.close();
                return;
            }
            ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (bytes.length - 1) + "/" + bytes.length);
            ex.sendResponseHeaders(206, bytes.length - from);
        } else {
            ex.sendResponseHeaders(200, bytes.length);
        }
        int length = bytes.length - from;
        boolean drop = mode == Mode.DROP_ALWAYS || (mode == Mode.DROP_ONCE && getNumber == 1);
        OutputStream out = ex.getResponseBody();
        if (drop) {
            out.write(bytes, from, length / 2);
            out.flush();
            // abandon the exchange mid-body: the server closes the connection
            throw new IOException("fake hub: dropping the connection mid-file");
        }
        if (mode == Mode.STALL_ONCE && getNumber == 1) {
            out.write(bytes, from, length / 2);
            out.flush();
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("fake hub: stalled connection given up");
        }
        if (mode == Mode.SLOW) {
            for (int off = 0; off < length; off += 1024) {
                out.write(bytes, from + off, Math.min(1024, length - off));
                out.flush();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        } else {
            out.write(bytes, from, length);
        }
        out.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
