package dev.switchyard.cloud.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP/1.1 server on 127.0.0.1 whose responses are scripted in code (chunked bodies, pauses,
 * abrupt disconnects). Used by the benchmark and by tests that need byte-level control. Keep-alive is
 * supported until a handler closes the connection.
 */
public final class LoopbackStreamServer implements AutoCloseable {

    /** Writes one response. */
    @FunctionalInterface
    public interface Handler {
        void handle(Exchange exchange) throws IOException, InterruptedException;
    }

    /** One request and its response channel. */
    public static final class Exchange {
        private final int index;
        private final String requestLine;
        private final String body;
        private final OutputStream out;
        private final Socket socket;
        private boolean keepOpen = true;

        Exchange(int index, String requestLine, String body, OutputStream out, Socket socket) {
            this.index = index;
            this.requestLine = requestLine;
            this.body = body;
            this.out = out;
            this.socket = socket;
        }

        /** 0-based request number across the server's life. */
        public int index() { return index; }

        public String requestLine() { return requestLine; }

        public String body() { return body; }

        /** Status line and headers of a chunked response. */
        public void startChunked(int status, String contentType, String... extraHeaderLines) throws IOException {
            StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n")
                    .append("Content-Type: ").append(contentType).append("\r\n")
                    .append("Transfer-Encoding: chunked\r\n");
            for (String h : extraHeaderLines) {
                sb.append(h).append("\r\n");
            }
            out.write(sb.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** One chunk, flushed. */
        public void chunk(String text) throws IOException {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            if (b.length == 0) {
                return;
            }
            out.write((Integer.toHexString(b.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(b);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        /** The terminating zero chunk. */
        public void endChunked() throws IOException {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        /** A complete fixed-length response. */
        public void respond(int status, String contentType, String body, String... extraHeaderLines)
                throws IOException {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n")
                    .append("Content-Type: ").append(contentType).append("\r\n")
                    .append("Content-Length: ").append(b.length).append("\r\n");
            for (String h : extraHeaderLines) {
                sb.append(h).append("\r\n");
            }
            out.write(sb.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.write(b);
            out.flush();
        }

        /** Drops the TCP connection now (mid-body if a body was started). */
        public void disconnect() throws IOException {
            keepOpen = false;
            socket.close();
        }
    }

    private final ServerSocket server;
    private final Handler handler;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-stream-server");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean closed;

    public LoopbackStreamServer(Handler handler) throws IOException {
        this.handler = handler;
        this.server = new ServerSocket();
        this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        pool.execute(this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** e.g. {@code http://127.0.0.1:PORT/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    public int requestCount() {
        return requests.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                sockets.add(s);
                pool.execute(() -> serve(s));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            while (!closed && !s.isClosed()) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                int len = contentLength(head);
                byte[] body = in.readNBytes(len);
                String requestLine = head.substring(0, Math.max(0, head.indexOf("\r\n")));
                Exchange ex = new Exchange(requests.getAndIncrement(), requestLine,
                        new String(body, StandardCharsets.UTF_8), out, s);
                handler.handle(ex);
                if (!ex.keepOpen) {
                    return;
                }
            }
        } catch (SocketException e) {
            // client went away or we disconnected on purpose
        } catch (IOException | RuntimeException e) {
            // a broken exchange ends its connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sockets.remove(s);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(512);
        int matched = 0;
        int b;
        while ((b = in.read()) != -1) {
            buf.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return buf.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            int c = line.indexOf(':');
            if (c > 0 && line.substring(0, c).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                return Integer.parseInt(line.substring(c + 1).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        pool.shutdownNow();
    }
}
