package dev.switchyard.local.catalog;

import static dev.switchyard.local.catalog.ModelDownloader.human;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One call of {@link ModelDownloader#download}: plan, per-file resume/verify/rename, manifest, progress. */
final class DownloadRun {

    private static final class RetryableException extends IOException {
        RetryableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");

    private final HttpClient client;
    private final ModelDownloader downloader;
    private final ModelDownloader.Options options;
    private final ModelDownloader.SpaceProbe spaceProbe;
    private final CatalogModel model;
    private final String precision;
    private final Path folder;
    private final Consumer<DownloadProgress> listener;
    private final DownloadControl control;
    private final long start = System.nanoTime();
    private List<CatalogFile> files;
    private long[] sizes;
    private boolean[] skip;
    private long transferred;
    private long resumed;
    private long finishedBytes;
    private long lastEvent;

    DownloadRun(HttpClient client, ModelDownloader downloader, ModelDownloader.SpaceProbe spaceProbe,
                CatalogModel model, String precision, Path folder, Consumer<DownloadProgress> listener,
                DownloadControl control) {
        this.client = client;
        this.downloader = downloader;
        this.options = downloader.options();
        this.spaceProbe = spaceProbe;
        this.model = model;
        this.precision = precision;
        this.folder = folder;
        this.listener = listener;
        this.control = control;
    }

    DownloadResult execute() throws CatalogException {
        files = model.filesFor(precision);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new CatalogException(CatalogException.Kind.IO, folder.toString(),
                    "Could not create the model folder " + folder + ": " + e.getMessage(), e);
        }
        plan();
        List<String> present = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> verified = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            checkCancelled(files.get(i));
            if (skip[i]) {
                skipped.add(files.get(i).target());
                continue;
            }
            FileOutcome outcome = downloadFile(i);
            if (outcome == FileOutcome.SKIPPED_OPTIONAL) {
                skipped.add(files.get(i).target());
                continue;
            }
            present.add(files.get(i).target());
            if (files.get(i).sha256() != null) {
                verified.add(files.get(i).target());
            }
        }
        writeManifest(present);
        emit(DownloadProgress.Phase.DONE, null, files.size(), 0, -1, true);
        return new DownloadResult(folder, present, skipped, verified, transferred, resumed,
                Duration.ofNanos(System.nanoTime() - start));
    }

    // ---- planning -------------------------------------------------------------------------

    private void plan() throws CatalogException {
        sizes = new long[files.size()];
        skip = new boolean[files.size()];
        long missing = 0;
        for (int i = 0; i < files.size(); i++) {
            CatalogFile f = files.get(i);
            emit(DownloadProgress.Phase.PLANNING, f.target(), i + 1, 0, -1, true);
            sizes[i] = f.size() != null ? f.size() : -1;
            Path dest = dest(f);
            if (sizes[i] < 0 && !Files.exists(dest)) {
                OptionalLong head = head(f);
                if (head == null) {
                    skip[i] = true; // optional file absent on the server
                    continue;
                }
                sizes[i] = head.orElse(-1);
            }
            if (sizes[i] >= 0) {
                missing += Math.max(0, sizes[i] - onDisk(dest));
            }
        }
        Path probeDir = folder;
        while (probeDir != null && !Files.isDirectory(probeDir)) {
            probeDir = probeDir.getParent();
        }
        long usable;
        try {
            usable = spaceProbe.usableBytes(probeDir);
        } catch (IOException e) {
            throw new CatalogException(CatalogException.Kind.IO, folder.toString(),
                    "Could not read the free disk space of " + folder + ": " + e.getMessage(), e);
        }
        if (missing > usable) {
            throw new CatalogException(CatalogException.Kind.INSUFFICIENT_SPACE, folder.toString(),
                    "Not enough disk space to download " + model.displayName() + " (" + precision + ") into "
                            + folder + ": it needs " + human(missing) + " more but only " + human(usable)
                            + " are free. Free some space or choose another folder.");
        }
    }

    private long onDisk(Path dest) {
        try {
            if (Files.exists(dest)) {
                return Files.size(dest);
            }
            Path part = part(dest);
            return Files.exists(part) ? Files.size(part) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Content-Length from a HEAD request: null = optional file absent; empty = unknown. */
    private OptionalLong head(CatalogFile f) throws CatalogException {
        URI url = downloader.urlFor(model, f);
        HttpRequest req = HttpRequest.newBuilder(url).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(60)).header("User-Agent", "Switchyard").build();
        try {
            HttpResponse<Void> resp = client.send(req, HttpResponse.BodyHandlers.discarding());
            int status = resp.statusCode();
            if (status == 404) {
                if (f.optional()) {
                    return null;
                }
                throw notFound(f, url);
            }
            if (status == 401 || status == 403) {
                throw denied(f, url, status);
            }
            if (status / 100 != 2) {
                return OptionalLong.empty();
            }
            return resp.headers().firstValueAsLong("Content-Length");
        } catch (IOException e) {
            return OptionalLong.empty(); // the GET will retry and report properly
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled(f);
        }
    }

    // ---- one file -------------------------------------------------------------------------

    private enum FileOutcome { DOWNLOADED, ALREADY_PRESENT, SKIPPED_OPTIONAL }

    private FileOutcome downloadFile(int i) throws CatalogException {
        CatalogFile f = files.get(i);
        Path dest = dest(f);
        URI url = downloader.urlFor(model, f);
        try {
            Files.createDirectories(dest.getParent());
            if (Files.exists(dest)) {
                long size = Files.size(dest);
                boolean sizeOk = sizes[i] < 0 || size == sizes[i];
                if (sizeOk && (f.sha256() == null || f.sha256().equals(sha256(dest, f)))) {
                    resumed += size;
                    finishedBytes += size;
                    emit(DownloadProgress.Phase.FILE_DONE, f.target(), i + 1, size, size, true);
                    return FileOutcome.ALREADY_PRESENT;
                }
                Files.delete(dest);
            }
        } catch (IOException e) {
            throw io(f, dest, e);
        }
        Path part = part(dest);
        long transferredBefore = transferred;
        for (int attempt = 1; ; attempt++) {
            try {
                fetch(i, f, url, part);
                break;
            } catch (RetryableException e) {
                checkCancelled(f);
                if (attempt >= options.maxAttempts()) {
                    throw new CatalogException(CatalogException.Kind.NETWORK, url.toString(),
                            "Downloading " + f.target() + " from " + url + " failed after " + attempt
                                    + (attempt == 1 ? " attempt: " : " attempts: ") + e.getMessage() + ". The partial file is kept; "
                                    + "retry to resume.", e);
                }
                emit(DownloadProgress.Phase.RETRYING, f.target(), i + 1, onDisk(dest), sizes[i], true);
                sleep(options.retryBackoff().multipliedBy(attempt), f);
            } catch (CatalogException e) {
                if (e.kind() == CatalogException.Kind.NOT_FOUND && f.optional()) {
                    return FileOutcome.SKIPPED_OPTIONAL;
                }
                throw e;
            }
        }
        long size = verifyAndMove(i, f, url, part, dest);
        resumed += Math.max(0, size - (transferred - transferredBefore)); // bytes a .part already held
        return FileOutcome.DOWNLOADED;
    }

    /**
     * What went wrong with a connection, in words: the JDK's client often throws a {@link java.net.ConnectException}
     * without a message (a refused connection read "connection failed (null)").
     */
    static String why(IOException e, URI url) {
        String host = url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "");
        if (e instanceof java.net.http.HttpConnectTimeoutException) {
            return "no answer from " + host + " in time";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no reply from " + host + " within 60 s";
        }
        if (e instanceof java.net.UnknownHostException || e.getCause() instanceof java.net.UnknownHostException) {
            return "the host " + url.getHost() + " was not found; check the address and the network";
        }
        if (e instanceof java.net.ConnectException || e.getCause() instanceof java.net.ConnectException) {
            return "nothing answers at " + host + "; the server may be down or the address wrong";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private void fetch(int i, CatalogFile f, URI url, Path part) throws CatalogException, RetryableException {
        long have;
        try {
            have = Files.exists(part) ? Files.size(part) : 0;
            if (sizes[i] >= 0 && have > sizes[i]) {
                Files.delete(part);
                have = 0;
            }
        } catch (IOException e) {
            throw io(f, part, e);
        }
        if (sizes[i] >= 0 && have == sizes[i] && have > 0) {
            return; // complete part from an earlier run: only verification left
        }
        HttpRequest.Builder rb = HttpRequest.newBuilder(url).GET().header("User-Agent", "Switchyard")
                .timeout(Duration.ofSeconds(60));
        if (have > 0) {
            rb.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> resp;
        try {
            resp = client.send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            checkCancelled(f);
            throw new RetryableException("could not connect (" + why(e, url) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled(f);
        }
        int status = resp.statusCode();
        boolean append;
        if (status == 206) {
            Matcher m = CONTENT_RANGE.matcher(resp.headers().firstValue("Content-Range").orElse(""));
            if (!m.find() || Long.parseLong(m.group(1)) != have) {
                close(resp.body());
                deleteQuietly(part);
                throw new RetryableException("the server resumed at the wrong offset", null);
            }
            if (sizes[i] < 0 && !"*".equals(m.group(3))) {
                sizes[i] = Long.parseLong(m.group(3));
            }
            append = true;
        } else if (status == 200) {
            append = false;
            have = 0;
            if (sizes[i] < 0) {
                sizes[i] = resp.headers().firstValueAsLong("Content-Length").orElse(-1);
            }
        } else {
            close(resp.body());
            if (status == 416) {
                deleteQuietly(part);
                throw new RetryableException("the server rejected the resume range (HTTP 416)", null);
            }
            if (status == 404) {
                throw notFound(f, url);
            }
            if (status == 401 || status == 403) {
                throw denied(f, url, status);
            }
            if (status == 429 || status / 100 == 5) {
                throw new RetryableException("the server answered HTTP " + status, null);
            }
            throw new CatalogException(CatalogException.Kind.HTTP_ERROR, url.toString(),
                    "Downloading " + f.target() + " from " + url + " failed: the server answered HTTP " + status + ".");
        }
        byte[] buf = new byte[256 * 1024];
        StallWatchdog dog = null;
        try (InputStream in = resp.body();
             OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            control.attach(in);
            dog = StallWatchdog.watch(in, options.stallTimeout());
            int n;
            while ((n = in.read(buf)) != -1) {
                dog.touch();
                checkCancelled(f);
                out.write(buf, 0, n);
                have += n;
                transferred += n;
                emit(DownloadProgress.Phase.DOWNLOADING, f.target(), i + 1, have, sizes[i], false);
            }
        } catch (IOException e) {
            checkCancelled(f);
            if (dog != null && dog.fired()) {
                throw new RetryableException("no data arrived for " + options.stallTimeout().toMillis()
                        + " ms after " + human(have), e);
            }
            throw new RetryableException("the connection dropped after " + human(have) + " (" + why(e, url) + ")", e);
        } finally {
            control.detach();
            if (dog != null) {
                dog.stop();
            }
        }
        checkCancelled(f);
        if (sizes[i] >= 0 && have < sizes[i]) {
            throw new RetryableException("the connection closed after " + human(have) + " of " + human(sizes[i]), null);
        }
    }

    /** Verifies the part, renames it to {@code dest} and returns its size. */
    private long verifyAndMove(int i, CatalogFile f, URI url, Path part, Path dest) throws CatalogException {
        try {
            long actual = Files.exists(part) ? Files.size(part) : 0;
            emit(DownloadProgress.Phase.VERIFYING, f.target(), i + 1, actual, sizes[i], true);
            if (f.size() != null && actual != f.size()) {
                deleteQuietly(part);
                throw new CatalogException(CatalogException.Kind.SIZE_MISMATCH, url.toString(),
                        "The file " + f.target() + " downloaded from " + url + " has " + actual
                                + " bytes but the catalog says " + f.size() + "; the partial file was deleted. "
                                + "Try again; if it keeps failing the catalog entry is out of date.");
            }
            if (f.sha256() != null) {
                String got = sha256(part, f);
                if (!got.equals(f.sha256())) {
                    deleteQuietly(part);
                    throw new CatalogException(CatalogException.Kind.CHECKSUM_MISMATCH, url.toString(),
                            "The file " + f.target() + " downloaded from " + url + " does not match its published "
                                    + "SHA-256 (expected " + f.sha256() + ", got " + got + "); the partial file was "
                                    + "deleted. Try again; if it keeps failing the file on the server has changed.");
                }
            }
            try {
                Files.move(part, dest, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(part, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            finishedBytes += actual;
            emit(DownloadProgress.Phase.FILE_DONE, f.target(), i + 1, actual, actual, true);
            return actual;
        } catch (IOException e) {
            throw io(f, dest, e);
        }
    }

    private String sha256(Path file, CatalogFile f) throws CatalogException {
        try {
            return Checksums.sha256(file, control::isCancelled);
        } catch (java.util.concurrent.CancellationException e) {
            throw cancelled(f);
        } catch (IOException e) {
            throw io(f, file, e);
        }
    }

    private void writeManifest(List<String> present) throws CatalogException {
        Path file = folder.resolve(ModelDownloader.MANIFEST);
        try {
            ModelManifest.write(file, new ModelManifest(model.id(), precision, model.repo(), model.layout(),
                    present, java.time.Instant.now()));
        } catch (IOException e) {
            throw new CatalogException(CatalogException.Kind.IO, file.toString(),
                    "Could not write " + file + ": " + e.getMessage(), e);
        }
    }

    // ---- helpers --------------------------------------------------------------------------

    private Path dest(CatalogFile f) {
        Path p = folder.resolve(f.target()).normalize();
        if (!p.startsWith(folder)) {
            throw new IllegalStateException("catalog path escapes the model folder: " + f.target());
        }
        return p;
    }

    private void emit(DownloadProgress.Phase phase, String file, int index, long fileDone, long fileTotal, boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastEvent < options.progressInterval().toNanos()) {
            return;
        }
        lastEvent = now;
        long total = 0;
        for (int k = 0; k < sizes.length; k++) {
            if (skip != null && skip[k]) {
                continue;
            }
            if (sizes[k] < 0) {
                total = -1;
                break;
            }
            total += sizes[k];
        }
        long done = finishedBytes + (phase == DownloadProgress.Phase.FILE_DONE || phase == DownloadProgress.Phase.DONE
                ? 0 : Math.max(0, fileDone));
        double seconds = (now - start) / 1e9;
        double rate = seconds > 0 ? transferred / seconds : 0;
        Duration left = total >= 0 && rate > 0 ? Duration.ofMillis((long) ((total - done) / rate * 1000)) : null;
        if (phase == DownloadProgress.Phase.DONE) {
            left = Duration.ZERO;
        }
        listener.accept(new DownloadProgress(model.id(), precision, phase, file, index, files.size(), fileDone,
                fileTotal, done, total, rate, left));
    }

    private void checkCancelled(CatalogFile f) throws CatalogException {
        if (control.isCancelled()) {
            throw cancelled(f);
        }
    }

    private CatalogException cancelled(CatalogFile f) {
        return new CatalogException(CatalogException.Kind.CANCELLED, f.target(),
                "The download of " + model.displayName() + " was cancelled at " + f.target()
                        + "; downloaded parts are kept in " + folder + " and resume next time.");
    }

    private void sleep(Duration d, CatalogFile f) throws CatalogException {
        long until = System.nanoTime() + d.toNanos();
        try {
            while (System.nanoTime() < until) {
                checkCancelled(f);
                Thread.sleep(Math.max(1, Math.min(100, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled(f);
        }
    }

    private CatalogException notFound(CatalogFile f, URI url) {
        return new CatalogException(CatalogException.Kind.NOT_FOUND, url.toString(),
                "The file " + f.path() + " of " + model.displayName() + " was not found at " + url
                        + " (HTTP 404); the repository layout may have changed — update the catalog entry.");
    }

    private CatalogException denied(CatalogFile f, URI url, int status) {
        return new CatalogException(CatalogException.Kind.ACCESS_DENIED, url.toString(),
                "Access to " + url + " was refused (HTTP " + status + "); the repository " + model.repo()
                        + " may be gated — accept its licence on the hub or download the folder yourself and import it.");
    }

    private CatalogException io(CatalogFile f, Path p, IOException e) {
        return new CatalogException(CatalogException.Kind.IO, p.toString(),
                "Could not write " + p + " while downloading " + f.target() + ": " + e.getMessage(), e);
    }

    private static Path part(Path dest) {
        return dest.resolveSibling(dest.getFileName() + ".part");
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // response body we are abandoning
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort; a stale part is restarted next time
        }
    }
}
