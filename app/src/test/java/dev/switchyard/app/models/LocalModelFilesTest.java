package dev.switchyard.app.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.engine.Availability;
import dev.switchyard.app.engine.EngineRequest;
import dev.switchyard.app.engine.FailureText;
import dev.switchyard.app.engine.GenerationParams;
import dev.switchyard.app.engine.ModelEngine;
import dev.switchyard.app.engine.RecordingListener;
import dev.switchyard.local.LocalEngine;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A copy of the committed tiny model imported as the Models screen imports it (validated by the engine, its files
 * recorded), then truncated, overwritten or deleted: what the model picker's engine says, what a run says, and what a
 * model imported before files were recorded says when ONNX Runtime cannot load it.
 */
class LocalModelFilesTest {

    static final Path TINY = Path.of("../engine-local/src/test/resources/models/tiny-random-llama").toAbsolutePath().normalize();
    private static final EngineRequest REQUEST = new EngineRequest(null, "hello", new GenerationParams(4, null, null, null, List.of()));

    @TempDir
    Path tmp;
    Path folder;
    AppContext ctx;
    Workspace ws;
    LocalModelManager manager;
    Model model;

    @BeforeEach
    void importACopyOfTheTinyModel() throws Exception {
        folder = tmp.resolve("tiny-copy");
        copy(TINY, folder);
        ctx = new AppContext(n -> null, Clock.systemUTC(), LocalEngine::inProcess);
        ws = Workspace.open(tmp.resolve("w.switchyard"));
        manager = new LocalModelManager(ctx.localModels(), tmp.resolve("models"), null);
        model = manager.importFolder(ctx.directory(ws), folder, null, null, null).model();
    }

    @AfterEach
    void close() {
        ws.close();
        ctx.close();
    }

    static void copy(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(from.relativize(f).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private Availability availability() {
        Model row = ws.models().get(model.id()).orElseThrow();
        return ctx.engines(ws).forModel(row).availability();
    }

    @Test
    void anImportRecordsTheFilesALoadReadsAndTheModelIsReady() {
        LocalModelSettings s = LocalModelSettings.of(ws.models().get(model.id()).orElseThrow());
        assertThat(s.files()).extracting(f -> f.path()).containsExactly("onnx/model.onnx", "tokenizer.json", "config.json",
                "tokenizer_config.json", "generation_config.json");
        assertThat(s.files().get(0).sha256()).hasSize(64);
        assertThat(availability()).isEqualTo(Availability.READY);
        assertThat(manager.health(model).ok()).isTrue();
    }

    @Test
    void aTruncatedModelFileIsNotReadyAndSaysItsSizeAndTheRecordedOne() throws Exception {
        Path onnx = folder.resolve("onnx/model.onnx");
        byte[] all = Files.readAllBytes(onnx);
        Files.write(onnx, Arrays.copyOf(all, 172_000));

        Availability a = availability();
        assertThat(a.ready()).isFalse();
        assertThat(a.reason()).isEqualTo("Files changed since import: onnx/model.onnx is 172 KB, expected 516 KB.");
        assertThat(a.fix()).isEqualTo("Import it again in Models → Local models once its files are complete, or remove it there.");
    }

    @Test
    void aFileOverwrittenWithTheSameSizeIsFoundByItsChecksumAndHashedOnlyOnce() throws Exception {
        Path onnx = folder.resolve("onnx/model.onnx");
        byte[] all = Files.readAllBytes(onnx);
        all[1000] ^= 0x11;
        Files.write(onnx, all);
        Files.setLastModifiedTime(onnx, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
        int before = ctx.localModels().integrity().hashedFiles();

        assertThat(availability().reason())
                .isEqualTo("Files changed since import: onnx/model.onnx was overwritten (same size, other content).");
        assertThat(availability().ready()).as("a picker refresh again").isFalse();
        assertThat(ctx.localModels().integrity().hashedFiles() - before)
                .as("two checks, one hash: the second came from the cache").isEqualTo(1);
    }

    @Test
    void aDeletedFileOrFolderIsSaidAndACatalogModelIsFixedByDownloadingItAgain() throws Exception {
        Files.delete(folder.resolve("tokenizer.json"));
        assertThat(availability().reason()).isEqualTo("Files changed since import: tokenizer.json is missing.");

        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertThat(availability().reason()).isEqualTo("Model folder not found: " + folder + ".");

        // the same folder as a catalog download: the fix is its download, done again
        LocalModelSettings s = LocalModelSettings.of(ws.models().get(model.id()).orElseThrow());
        Model downloaded = ctx.directory(ws).registerLocal("smollm2-135m-instruct", "SmolLM2 135M Instruct", 8192,
                ModelKind.LOCAL_GENERATIVE, new LocalModelSettings(s.path(), null, "smollm2-135m-instruct", s.files()));
        Availability a = ctx.engines(ws).forModel(downloaded).availability();
        assertThat(a.reason()).isEqualTo("Model folder not found: " + folder + ".");
        assertThat(a.fix()).isEqualTo("Download it again in Models → Local models.");
    }

    @Test
    void aRunOfADamagedModelIsRefusedWithThePickersSentenceBeforeAnyLoad() throws Exception {
        Path onnx = folder.resolve("onnx/model.onnx");
        Files.write(onnx, Arrays.copyOf(Files.readAllBytes(onnx), 12_000));
        ModelEngine engine = ctx.engines(ws).forModel(ws.models().get(model.id()).orElseThrow());
        RecordingListener run = new RecordingListener();
        engine.start(REQUEST, run);
        assertThat(run.ended()).isTrue();
        assertThat(run.failure.kind()).isEqualTo("model_files_changed");
        assertThat(run.failure.userMessage()).isEqualTo("Files changed since import: onnx/model.onnx is 12 KB, expected "
                + "516 KB. Import it again in Models → Local models once its files are complete, or remove it there.");
        assertThat(run.events).doesNotContain("waiting LOADING_MODEL");
    }

    @Test
    void importingAgainOnceTheFilesAreBackMakesItReadyAndRecordsThemAnew() throws Exception {
        Path onnx = folder.resolve("onnx/model.onnx");
        Files.write(onnx, new byte[0]);
        assertThat(availability().ready()).isFalse();
        Files.copy(TINY.resolve("onnx/model.onnx"), onnx, StandardCopyOption.REPLACE_EXISTING);

        Model again = manager.importAgain(ctx.directory(ws), ws.models().get(model.id()).orElseThrow(), null).model();
        assertThat(again.id()).as("the same row: its runs stay with it").isEqualTo(model.id());
        assertThat(availability()).isEqualTo(Availability.READY);
    }

    @Test
    void aModelImportedBeforeFilesWereRecordedFailsToLoadWithAPlainSentenceAndOnnxRuntimesWordsAsTheDetail() throws Exception {
        // as an older build registered it: no files recorded, so only presence and the first bytes are checked
        Model old = ctx.directory(ws).registerLocal("tiny-old", "Tiny (old row)", 256, ModelKind.LOCAL_GENERATIVE,
                new LocalModelSettings(folder, null, null));
        Path onnx = folder.resolve("onnx/model.onnx");
        byte[] all = Files.readAllBytes(onnx);
        Files.write(onnx, Arrays.copyOf(all, all.length / 3));
        ModelEngine engine = ctx.engines(ws).forModel(old);
        assertThat(engine.availability().ready()).as("its size was never recorded: it looks like an ONNX file").isTrue();

        RecordingListener run = new RecordingListener();
        engine.start(REQUEST, run);
        assertThat(run.ended()).isTrue();
        assertThat(run.failure.kind()).isEqualTo("corrupt_model");
        String sentence = FailureText.sentence(run.failure.userMessage());
        assertThat(sentence).startsWith(onnx + " is damaged or truncated (172,079 bytes)")
                .endsWith("download the model again, or copy the complete file into its folder.")
                .doesNotContainIgnoringCase("protobuf").doesNotContain("\n");
        assertThat(FailureText.detail(run.failure.userMessage())).startsWith("ONNX Runtime said: ").containsIgnoringCase("protobuf");

        // from then on, until its files change, it is not ready: the picker and Models say why
        LocalModelHealth after = manager.health(old);
        assertThat(after.state()).isEqualTo(LocalModelHealth.State.LOAD_FAILED);
        assertThat(after.reason()).startsWith("Loading it failed: onnx/model.onnx is damaged or truncated (172,079 bytes)");
        assertThat(engine.availability().ready()).isFalse();
        assertThat(manager.checkFiles(ctx.directory(ws), ws, old).state()).isEqualTo(LocalModelHealth.State.LOAD_FAILED);
        assertThat(LocalModelSettings.of(ws.models().get(old.id()).orElseThrow()).recorded()).isFalse();
    }

    @Test
    void checkFilesOfAnOlderRowValidatesItWithTheEngineAndRecordsNothingForADamagedFolder() throws Exception {
        Model old = ctx.directory(ws).registerLocal("tiny-old", "Tiny (old row)", 256, ModelKind.LOCAL_GENERATIVE,
                new LocalModelSettings(folder, null, null));
        Path onnx = folder.resolve("onnx/model.onnx");
        Files.write(onnx, Arrays.copyOf(Files.readAllBytes(onnx), 172_000));
        assertThat(manager.health(old).ok()).as("never recorded, never loaded").isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> manager.checkFiles(ctx.directory(ws), ws, old))
                .hasMessageContaining("is damaged or truncated");
        assertThat(LocalModelSettings.of(ws.models().get(old.id()).orElseThrow()).recorded()).isFalse();
    }

    @Test
    void checkFilesRecordsAnOlderRowSoThatALaterChangeShows() throws Exception {
        Model old = ctx.directory(ws).registerLocal("tiny-old", "Tiny (old row)", 256, ModelKind.LOCAL_GENERATIVE,
                new LocalModelSettings(folder, null, null));
        LocalModelHealth h = manager.checkFiles(ctx.directory(ws), ws, old);
        assertThat(h.ok()).isTrue();
        assertThat(LocalModelSettings.of(ws.models().get(old.id()).orElseThrow()).recorded()).isTrue();
        Files.write(folder.resolve("tokenizer.json"), "{}".getBytes());
        assertThat(ctx.engines(ws).forModel(ws.models().get(old.id()).orElseThrow()).availability().reason())
                .startsWith("Files changed since import: tokenizer.json is 2 bytes, expected ");
    }
}
