package dev.switchyard.local.catalog;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Downloads the files of a catalog entry and precision into a model folder (onnx-community layout:
 * each file at its catalog {@code target} path, e.g. {@code onnx/model_q4.onnx}, {@code config.json}).
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>Plan</b>: sizes come from the catalog, else from a HEAD request (Content-Length); a required
 *       file answering 404 fails before anything is downloaded.</li>
 *   <li><b>Disk space</b>: the bytes still missing (known sizes minus what is already on disk) must not
 *       exceed {@link SpaceProbe#usableBytes} of the folder's file store, else INSUFFICIENT_SPACE before
 *       the first byte.</li>
 *   <li><b>Resume</b>: bytes go to {@code <file>.part}; an existing part is continued with
 *       {@code Range: bytes=<part size>-}. 206 appends; 200 (range ignored) starts over; a dropped
 *       connection is retried with resume up to {@link Options#maxAttempts()} times, then NETWORK (the
 *       part is kept, so the next call resumes).</li>
 *   <li><b>Verify</b>: size checked when known (mismatch → part deleted, SIZE_MISMATCH); SHA-256 checked
 *       when the catalog has one (mismatch → part deleted, CHECKSUM_MISMATCH). Then the part is renamed
 *       atomically to its final name. A final file already present with the right size (and checksum,
 *       when known) is not downloaded again.</li>
 *   <li><b>Cancel</b>: {@link DownloadControl#cancel()} stops within one buffer; part files are kept.</li>
 *   <li><b>Manifest</b>: on success {@value #MANIFEST} records model id, precision, repo and files.</li>
 * </ul>
 * {@link Options#mirrorRoot()} replaces {@code https://huggingface.co/}: files are fetched from
 * {@code <mirrorRoot><repo>/resolve/main/<path>} (tests serve this layout on loopback).
 * Synchronous: run it on a background task. Not safe to run two downloads into one folder at once.
 */
public final class ModelDownloader {

    /** Name of the manifest written into the model folder after a successful download. */
    public static final String MANIFEST = "switchyard-model.json";

    /** Usable bytes on the file store holding {@code existingDirectory}. */
    @FunctionalInterface
    public interface SpaceProbe {
        long usableBytes(Path existingDirectory) throws IOException;

        /** The real probe: {@code Files.getFileStore(dir).getUsableSpace()}. */
        static SpaceProbe fileStore() {
            return dir -> Files.getFileStore(dir).getUsableSpace();
        }
    }

    /**
     * @param mirrorRoot       replaces the catalog base URL host: {@code <mirrorRoot><repo>/resolve/main/}; null = catalog URL
     * @param maxAttempts      attempts per file for network failures and 5xx/429 (≥ 1)
     * @param retryBackoff     pause before retry n is n × this
     * @param progressInterval minimum time between DOWNLOADING events
     * @param connectTimeout   connect timeout used by {@link #create(Options)}
     * @param stallTimeout     a response body that delivers no byte for this long is abandoned and retried with resume
     */
    public record Options(URI mirrorRoot, int maxAttempts, Duration retryBackoff, Duration progressInterval,
                          Duration connectTimeout, Duration stallTimeout) {
        public Options {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be >= 1");
            }
            Objects.requireNonNull(retryBackoff, "retryBackoff");
            Objects.requireNonNull(progressInterval, "progressInterval");
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            if (stallTimeout == null || stallTimeout.isZero() || stallTimeout.isNegative()) {
                throw new IllegalArgumentException("stallTimeout must be > 0");
            }
            if (mirrorRoot != null && !mirrorRoot.toString().endsWith("/")) {
                mirrorRoot = URI.create(mirrorRoot + "/");
            }
        }

        public static Options defaults() {
            return new Options(null, 4, Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofSeconds(20),
                    Duration.ofSeconds(60));
        }

        public Options withMirror(URI root) {
            return new Options(root, maxAttempts, retryBackoff, progressInterval, connectTimeout, stallTimeout);
        }

        public Options withMaxAttempts(int n) {
            return new Options(mirrorRoot, n, retryBackoff, progressInterval, connectTimeout, stallTimeout);
        }

        public Options withRetryBackoff(Duration d) {
            return new Options(mirrorRoot, maxAttempts, d, progressInterval, connectTimeout, stallTimeout);
        }

        public Options withStallTimeout(Duration d) {
            return new Options(mirrorRoot, maxAttempts, retryBackoff, progressInterval, connectTimeout, d);
        }
    }

    private final HttpClient client;
    private final Options options;
    private final SpaceProbe spaceProbe;

    public ModelDownloader(HttpClient client, Options options, SpaceProbe spaceProbe) {
        this.client = Objects.requireNonNull(client, "client");
        this.options = Objects.requireNonNull(options, "options");
        this.spaceProbe = Objects.requireNonNull(spaceProbe, "spaceProbe");
    }

    /** A downloader with its own HttpClient (redirects followed, as the hub redirects to its CDN) and the real disk probe. */
    public static ModelDownloader create(Options options) {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(options.connectTimeout()).build();
        return new ModelDownloader(client, options, SpaceProbe.fileStore());
    }

    public Options options() {
        return options;
    }

    /** The URL a catalog file is fetched from. */
    public URI urlFor(CatalogModel model, CatalogFile file) {
        String base = options.mirrorRoot() == null ? model.baseUrl()
                : options.mirrorRoot() + model.repo() + "/resolve/main/";
        StringBuilder sb = new StringBuilder(base);
        String[] segments = file.path().split("/");
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                sb.append('/');
            }
            sb.append(URLEncoder.encode(segments[i], StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return URI.create(sb.toString());
    }

    /**
     * Downloads {@code precision} of {@code model} into {@code folder} (created if needed).
     *
     * @param listener receives progress events on the calling thread (may be null)
     * @param control  lets another thread cancel (may be null)
     */
    public DownloadResult download(CatalogModel model, String precision, Path folder,
                                   Consumer<DownloadProgress> listener, DownloadControl control) throws CatalogException {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(folder, "folder");
        return new DownloadRun(client, this, spaceProbe, model, precision, folder.toAbsolutePath().normalize(),
                listener == null ? p -> { } : listener, control == null ? new DownloadControl() : control).execute();
    }

    /** "1.2 GB"-style size (decimal units, as the hub shows them). */
    public static String human(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }

}
