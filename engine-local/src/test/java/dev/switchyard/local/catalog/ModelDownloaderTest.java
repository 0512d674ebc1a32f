package dev.switchyard.local.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDownloaderTest {

    private static final String REPO = "test-org/Tiny-ONNX";

    @TempDir
    Path serverDir;
    @TempDir
    Path target;

    private FakeHub hub;
    private byte[] onnx;
    private byte[] data;
    private byte[] config;
    private byte[] tokenizer;

    @BeforeEach
    void setUp() throws IOException {
        hub = new FakeHub(serverDir);
        Random r = new Random(42);
        onnx = new byte[300_000];
        r.nextBytes(onnx);
        data = new byte[700_000];
        r.nextBytes(data);
        config = "{\"model_type\":\"llama\",\"num_hidden_layers\":2}".getBytes();
        tokenizer = "{\"version\":\"1.0\",\"model\":{}}".getBytes();
        hub.put(REPO, "onnx/model_q4.onnx", onnx);
        hub.put(REPO, "onnx/model_q4.onnx_data", data);
        hub.put(REPO, "config.json", config);
        hub.put(REPO, "tokenizer.json", tokenizer);
        hub.put(REPO, "tokenizer_config.json", "{}".getBytes());
    }

    @AfterEach
    void tearDown() {
        hub.close();
    }

    private static String sha(byte[] b) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A catalog entry: onnx file with known size + checksum, external data with size but no checksum, json files unknown. */
    private CatalogModel model(String onnxSha) {
        return new CatalogModel("tiny", "Tiny ONNX", "llama", "1M", REPO,
                "https://huggingface.co/" + REPO + "/resolve/main/", "apache-2.0", 2048, "onnx-community", "chatml", "",
                List.of(new CatalogFile("config.json", null, null, null, false),
                        new CatalogFile("generation_config.json", null, null, null, true),
                        new CatalogFile("tokenizer.json", null, null, null, false),
                        new CatalogFile("tokenizer_config.json", null, null, null, false)),
                List.of(new CatalogPrecision("q4", "int4", true, null, List.of(
                        new CatalogFile("onnx/model_q4.onnx", null, (long) onnx.length, onnxSha, false),
                        new CatalogFile("onnx/model_q4.onnx_data", null, (long) data.length, null, false)))));
    }

    private ModelDownloader downloader(int attempts) {
        ModelDownloader.Options o = ModelDownloader.Options.defaults().withMirror(hub.root()).withMaxAttempts(attempts)
                .withRetryBackoff(Duration.ofMillis(10));
        return ModelDownloader.create(o);
    }

    @Test
    void downloadsAllFilesInTheOnnxCommunityLayoutWithProgress() throws Exception {
        List<DownloadProgress> events = new CopyOnWriteArrayList<>();
        DownloadResult result = downloader(1).download(model(sha(onnx)), "q4", target, events::add, null);

        assertThat(target.resolve("onnx/model_q4.onnx")).hasBinaryContent(onnx);
        assertThat(target.resolve("onnx/model_q4.onnx_data")).hasBinaryContent(data);
        assertThat(target.resolve("config.json")).hasBinaryContent(config);
        assertThat(target.resolve("tokenizer.json")).hasBinaryContent(tokenizer);
        assertThat(target.resolve("generation_config.json")).doesNotExist();
        try (var s = Files.walk(target)) {
            assertThat(s.filter(p -> p.toString().endsWith(".part"))).isEmpty();
        }
        assertThat(result.files()).containsExactly("onnx/model_q4.onnx", "onnx/model_q4.onnx_data", "config.json",
                "tokenizer.json", "tokenizer_config.json");
        assertThat(result.skippedOptional()).containsExactly("generation_config.json");
        assertThat(result.checksumVerified()).containsExactly("onnx/model_q4.onnx");
        long total = onnx.length + data.length + config.length + tokenizer.length + 2;
        assertThat(result.bytesTransferred()).isEqualTo(total);
        assertThat(result.bytesResumed()).isZero();

        DownloadProgress last = events.get(events.size() - 1);
        assertThat(last.phase()).isEqualTo(DownloadProgress.Phase.DONE);
        assertThat(last.bytesDone()).isEqualTo(total);
        assertThat(last.bytesTotal()).isEqualTo(total);
        assertThat(last.fraction()).isEqualTo(1.0);
        assertThat(events).anyMatch(e -> e.phase() == DownloadProgress.Phase.VERIFYING);
        assertThat(events).filteredOn(e -> e.phase() == DownloadProgress.Phase.FILE_DONE).hasSize(5);
        assertThat(events).allMatch(e -> e.bytesDone() <= total && e.bytesPerSecond() >= 0);
        assertThat(ModelManifest.read(target)).hasValueSatisfying(m -> {
            assertThat(m.catalogId()).isEqualTo("tiny");
            assertThat(m.precision()).isEqualTo("q4");
            assertThat(m.files()).hasSize(5);
        });
        // every GET went to the hub layout
        assertThat(hub.requests).filteredOn(r -> r.method().equals("GET"))
                .allMatch(r -> r.path().startsWith("/" + REPO + "/resolve/main/"));
    }

    @Test
    void resumesWithARangeRequestAfterTheConnectionDrops() throws Exception {
        hub.mode("onnx/model_q4.onnx_data", FakeHub.Mode.DROP_ONCE);
        CatalogModel model = model(sha(onnx));

        assertThatThrownBy(() -> downloader(1).download(model, "q4", target, null, null))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CatalogException.Kind.NETWORK);
                    assertThat(e.getMessage()).contains("onnx/model_q4.onnx_data").contains(hub.root().toString())
                            .contains("resume");
                });
        Path part = target.resolve("onnx/model_q4.onnx_data.part");
        assertThat(part).exists();
        long partial = Files.size(part);
        assertThat(partial).isGreaterThan(0).isLessThan(data.length);
        assertThat(target.resolve("onnx/model_q4.onnx")).hasBinaryContent(onnx);

        DownloadResult result = downloader(1).download(model, "q4", target, null, null);
        assertThat(target.resolve("onnx/model_q4.onnx_data")).hasBinaryContent(data);
        assertThat(part).doesNotExist();
        assertThat(hub.requests).anyMatch(r -> r.path().endsWith("model_q4.onnx_data") && ("bytes=" + partial + "-").equals(r.range()));
        assertThat(hub.gets("onnx/model_q4.onnx")).isEqualTo(1); // the finished file was not fetched again
        assertThat(result.bytesResumed()).isEqualTo(onnx.length + partial);
        assertThat(result.bytesTransferred()).isEqualTo(data.length - partial + config.length + tokenizer.length + 2);
    }

    @Test
    void retriesWithResumeWithinOneCall() throws Exception {
        hub.mode("onnx/model_q4.onnx", FakeHub.Mode.DROP_ONCE);
        List<DownloadProgress> events = new ArrayList<>();
        downloader(3).download(model(sha(onnx)), "q4", target, events::add, null);
        assertThat(target.resolve("onnx/model_q4.onnx")).hasBinaryContent(onnx);
        assertThat(hub.gets("onnx/model_q4.onnx")).isEqualTo(2);
        assertThat(hub.requests).anyMatch(r -> r.path().endsWith("model_q4.onnx") && r.range() != null);
        assertThat(events).anyMatch(e -> e.phase() == DownloadProgress.Phase.RETRYING);
    }

    @Test
    void aStalledConnectionIsAbandonedAndResumed() throws Exception {
        hub.mode("onnx/model_q4.onnx_data", FakeHub.Mode.STALL_ONCE);
        ModelDownloader.Options o = ModelDownloader.Options.defaults().withMirror(hub.root())
                .withRetryBackoff(Duration.ofMillis(10)).withStallTimeout(Duration.ofMillis(300));
        // one attempt: the watchdog (not the server giving up 3 s later) ends the stalled read
        assertThatThrownBy(() -> ModelDownloader.create(o.withMaxAttempts(1)).download(model(sha(onnx)), "q4", target, null, null))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CatalogException.Kind.NETWORK);
                    assertThat(e.getMessage()).contains("no data arrived for 300 ms");
                });
        assertThat(target.resolve("onnx/model_q4.onnx_data.part")).exists();
        ModelDownloader.create(o).download(model(sha(onnx)), "q4", target, null, null);
        assertThat(target.resolve("onnx/model_q4.onnx_data")).hasBinaryContent(data);
        assertThat(hub.requests).anyMatch(r -> r.path().endsWith("model_q4.onnx_data") && r.range() != null);
    }

    @Test
    void givesUpAfterMaxAttempts() throws Exception {
        hub.mode("onnx/model_q4.onnx", FakeHub.Mode.DROP_ALWAYS);
        assertThatThrownBy(() -> downloader(2).download(model(sha(onnx)), "q4", target, null, null))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CatalogException.Kind.NETWORK);
                    assertThat(e.getMessage()).contains("after 2 attempts: ");
                });
        assertThat(hub.gets("onnx/model_q4.onnx")).isEqualTo(2);
    }

    @Test
    void aMirrorThatIsGoneSaysNothingAnswersThereInWords() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        ModelDownloader.Options o = ModelDownloader.Options.defaults()
                .withMirror(java.net.URI.create("http://127.0.0.1:" + port + "/")).withMaxAttempts(1)
                .withRetryBackoff(Duration.ofMillis(10));
        assertThatThrownBy(() -> ModelDownloader.create(o).download(model(sha(onnx)), "q4", target, null, null))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CatalogException.Kind.NETWORK);
                    assertThat(e.getMessage()).contains("nothing answers at 127.0.0.1:" + port)
                            .doesNotContain("null");
                });
    }

    @Test
    void wrongBytesFailTheChecksumAndDeleteThePart() throws Exception {
        hub.mode("onnx/model_q4.onnx", FakeHub.Mode.WRONG_BYTES);
        assertThatThrownBy(() -> downloader(1).download(model(sha(onnx)), "q4", target, null, null))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CatalogException.Kind.CHECKSUM_MISMATCH);
                    assertThat(e.getMessage()).contains("onnx/model_q4.onnx").contains("SHA-256").contains(sha(onnx));
                    assertThat(e.subject()).endsWith("/resolve/main/onnx/model_q4.onnx");
                });
        assertThat(target.resolve("onnx/model_q4.onnx.part")).doesNotExist();
        assertThat(target.resolve("onnx/model_q4.onnx")).doesNotExist();
        assertThat(target.resolve(ModelDownloader.MANIFEST)).doesNotExist();

        // the server is fixed: the next call succeeds from scratch
        hub.mode("onnx/model_q4.onnx", FakeHub.Mode.NORMAL);
        downloader(1).download(model(sha(onnx)), "q4", target, null, null);
        assertThat(target.resolve("onnx/model_q4.onnx")).hasBinaryContent(onnx);
    }

    @Test
    void sizeMismatchIsReported() throws Exception {
        CatalogModel m = model(null);
        CatalogModel wrongSize = new CatalogModel(m.id(), m.displayName(), m.family(), m.parameters(), m.repo(), m.baseUrl(),
                m.license(), m.contextLength(), m.layout(), m.chatTemplate(), m.notes(), m.commonFiles(),
                List.of(new CatalogPrecision("q4", "int4", true, null,
                        List.of(new CatalogFile("config.json", "onnx/x.onnx", 3L, null, false)))));
        assertThatThrownBy(() -> downloader(1).download(wrongSize, "q4", target, null, null))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CatalogException.Kind.SIZE_MISMATCH);
                    assertThat(e.getMessage()).contains("onnx/x.onnx").contains("says 3");
                });
        assertThat(target.resolve("onnx/x.onnx.part")).doesNotExist();
    }

    @Test
    void serverIgnoringRangeRestartsThePart() throws Exception {
        Files.createDirectories(target.resolve("onnx"));
        Files.write(target.resolve("onnx/model_q4.onnx.part"), new byte[] {1, 2, 3, 4, 5}); // garbage prefix
        hub.mode("onnx/model_q4.onnx", FakeHub.Mode.IGNORE_RANGE);
        DownloadResult result = downloader(1).download(model(sha(onnx)), "q4", target, null, null);
        assertThat(target.resolve("onnx/model_q4.onnx")).hasBinaryContent(onnx);
        assertThat(hub.requests).anyMatch(r -> r.path().endsWith("model_q4.onnx") && "bytes=5-".equals(r.range()));
        assertThat(result.bytesResumed()).isZero(); // the 5 stale bytes were replaced, not reused
    }

    @Test
    void notEnoughDiskSpaceFailsBeforeAnyDownload() throws Exception {
        ModelDownloader d = new ModelDownloader(java.net.http.HttpClient.newHttpClient(),
                ModelDownloader.Options.defaults().withMirror(hub.root()), dir -> 100_000);
        assertThatThrownBy(() -> d.download(model(sha(onnx)), "q4", target.resolve("new/sub"), null, null))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CatalogException.Kind.INSUFFICIENT_SPACE);
                    assertThat(e.getMessage()).contains("Tiny ONNX").contains("100.0 kB").contains("1.0 MB");
                });
        assertThat(hub.gets("")).isZero();
    }

    @Test
    void missingRequiredFileIs404BeforeDownloading() throws Exception {
        Files.delete(serverDir.resolve(REPO).resolve("tokenizer.json"));
        assertThatThrownBy(() -> downloader(1).download(model(sha(onnx)), "q4", target, null, null))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CatalogException.Kind.NOT_FOUND);
                    assertThat(e.getMessage()).contains("tokenizer.json").contains("404");
                });
        assertThat(hub.gets("model_q4.onnx")).isZero();
    }

    @Test
    void unknownPrecisionIsTyped() {
        assertThatThrownBy(() -> downloader(1).download(model(null), "fp64", target, null, null))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CatalogException.Kind.UNKNOWN_PRECISION);
                    assertThat(e.getMessage()).contains("fp64").contains("q4");
                });
    }

    @Test
    void cancelStopsTheDownloadAndKeepsThePart() throws Exception {
        byte[] big = new byte[400_000];
        new Random(7).nextBytes(big);
        hub.put(REPO, "onnx/model_q4.onnx", big);
        hub.mode("onnx/model_q4.onnx", FakeHub.Mode.SLOW);
        DownloadControl control = new DownloadControl();
        CatalogModel m = model(sha(big));
        CatalogModel bigModel = new CatalogModel(m.id(), m.displayName(), m.family(), m.parameters(), m.repo(), m.baseUrl(),
                m.license(), m.contextLength(), m.layout(), m.chatTemplate(), m.notes(), m.commonFiles(),
                List.of(new CatalogPrecision("q4", "int4", true, null,
                        List.of(new CatalogFile("onnx/model_q4.onnx", null, (long) big.length, sha(big), false)))));
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                downloader(1).download(bigModel, "q4", target, p -> {
                    if (p.phase() == DownloadProgress.Phase.DOWNLOADING && p.fileBytesDone() > 20_000) {
                        control.cancel();
                    }
                }, control);
                return null;
            } catch (CatalogException e) {
                return e;
            }
        });
        Throwable t = outcome.get(60, TimeUnit.SECONDS);
        assertThat(t).isInstanceOfSatisfying(CatalogException.class,
                e -> assertThat(e.kind()).isEqualTo(CatalogException.Kind.CANCELLED));
        Path part = target.resolve("onnx/model_q4.onnx.part");
        assertThat(part).exists();
        assertThat(Files.size(part)).isLessThan(big.length);
        assertThat(target.resolve("onnx/model_q4.onnx")).doesNotExist();

        hub.mode("onnx/model_q4.onnx", FakeHub.Mode.NORMAL);
        downloader(1).download(bigModel, "q4", target, null, null);
        assertThat(target.resolve("onnx/model_q4.onnx")).hasBinaryContent(big);
    }

    @Test
    void existingCompleteFilesAreNotDownloadedAgain() throws Exception {
        downloader(1).download(model(sha(onnx)), "q4", target, null, null);
        int before = hub.requests.size();
        DownloadResult again = downloader(1).download(model(sha(onnx)), "q4", target, null, null);
        assertThat(again.bytesTransferred()).isZero();
        assertThat(hub.requests.subList(before, hub.requests.size())).noneMatch(r -> r.method().equals("GET"));
    }

    @Test
    void downloadIntoTheStoreThenRegister(@TempDir Path storeRoot) throws Exception {
        ModelStore store = new ModelStore(storeRoot, ModelFolderCheck.none());
        CatalogModel m = model(sha(onnx));
        Path folder = store.downloadFolder(m, "q4");
        downloader(1).download(m, "q4", folder, null, null);
        StoredModel stored = store.registerDownloaded(m, "q4", folder);
        assertThat(stored.managed()).isTrue();
        assertThat(stored.onnxFiles()).containsExactly("onnx/model_q4.onnx");
        assertThat(stored.catalogId()).isEqualTo("tiny");
        store.delete(stored.id());
        assertThat(folder).doesNotExist();
    }

    @Test
    void urlsFollowTheHubLayout() {
        CatalogModel m = model(null);
        CatalogFile f = new CatalogFile("cpu/a b.onnx", null, null, null, false);
        assertThat(ModelDownloader.create(ModelDownloader.Options.defaults()).urlFor(m, f))
                .hasToString("https://huggingface.co/test-org/Tiny-ONNX/resolve/main/cpu/a%20b.onnx");
        assertThat(downloader(1).urlFor(m, f)).hasToString(hub.root() + "test-org/Tiny-ONNX/resolve/main/cpu/a%20b.onnx");
    }
}
