package dev.switchyard.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.models.LocalModelManager;
import dev.switchyard.app.models.LocalModelSettings;
import dev.switchyard.local.LocalEngine;
import dev.switchyard.ui.task.DirectTaskRunner;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compare's model picker on a copy of the committed tiny model imported as the Models screen does, with the app's real
 * engines (in process): damaged or removed after import, it is not "Ready", says what changed, points to the fix, cannot
 * run — and a model whose damage could not be seen fails with a plain sentence, ONNX Runtime's words as a detail.
 */
class LocalModelFilesPickerTest {

    static final Path TINY = Path.of("../engine-local/src/test/resources/models/tiny-random-llama").toAbsolutePath().normalize();
    static final String NAME = "tiny-random (nonsense output, for tests)";

    @TempDir
    Path tmp;
    Path folder;
    AppContext ctx;
    Workspace ws;
    Model model;
    CompareViewModel vm;

    @BeforeEach
    void open() throws Exception {
        folder = tmp.resolve("tiny-copy");
        try (var files = Files.walk(TINY)) {
            for (Path f : files.toList()) {
                Files.copy(f, folder.resolve(TINY.relativize(f).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        ctx = new AppContext(n -> null, Clock.systemUTC(), LocalEngine::inProcess);
        ws = Workspace.open(tmp.resolve("w.switchyard"));
        model = new LocalModelManager(ctx.localModels(), tmp.resolve("models"), null)
                .importFolder(ctx.directory(ws), folder, null, null, null).model();
        AtomicLong clock = new AtomicLong();
        vm = new CompareViewModel(new DirectTaskRunner(), () -> clock.addAndGet(1_000_000), Runnable::run, new Random(7));
        vm.open(ws, ctx.engines(ws)::forModel);
    }

    @AfterEach
    void close() {
        ws.close();
        ctx.close();
    }

    private ModelChoice choice(String name) {
        return vm.picker().choices().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aTruncatedModelIsNotReadyAfterARefreshSaysWhatChangedAndCannotRun() throws Exception {
        assertThat(choice(NAME).ready()).isTrue();
        assertThat(choice(NAME).availability().reason()).as("shown as Ready").isNull();

        Path onnx = folder.resolve("onnx/model.onnx");
        Files.write(onnx, Arrays.copyOf(Files.readAllBytes(onnx), 12_000));
        vm.refreshModels(); // the window focused again, or F5

        ModelChoice c = choice(NAME);
        assertThat(c.ready()).isFalse();
        assertThat(c.availability().reason()).isEqualTo("Files changed since import: onnx/model.onnx is 12 KB, expected 516 KB.");
        assertThat(c.fix()).isEqualTo(ModelChoice.Fix.OPEN_MODELS);
        assertThat(c.fixTab()).as("the Models screen, on its row").isEqualTo("local/" + model.id());

        vm.picker().select(c, true);
        vm.editor().userProperty().set("hello");
        vm.run();
        assertThat(vm.panes()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo(NAME + " cannot run now: Files changed since import: "
                + "onnx/model.onnx is 12 KB, expected 516 KB. Import it again in Models → Local models once its files are "
                + "complete, or remove it there.");
    }

    @Test
    void aDeletedFolderSaysWhereItWasExpected() throws Exception {
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        vm.refreshModels();
        assertThat(choice(NAME).ready()).isFalse();
        assertThat(choice(NAME).availability().reason()).isEqualTo("Model folder not found: " + folder + ".");
    }

    @Test
    void aDamageTheChecksCouldNotSeeFailsThePaneWithAPlainSentenceAndOnnxRuntimesWordsApart() throws Exception {
        // a row of an older build: nothing recorded, so a cut-short file that still starts as ONNX does looks ready
        ctx.directory(ws).registerLocal("tiny-old", "Tiny (older row)", 256, ModelKind.LOCAL_GENERATIVE,
                new LocalModelSettings(folder, null, null));
        Path onnx = folder.resolve("onnx/model.onnx");
        byte[] all = Files.readAllBytes(onnx);
        Files.write(onnx, Arrays.copyOf(all, all.length / 3));
        vm.refreshModels();
        vm.picker().choices().forEach(c -> vm.picker().select(c, false));
        vm.picker().select(choice("Tiny (older row)"), true);
        vm.editor().userProperty().set("hello");
        vm.run();

        PaneModel pane = vm.panes().get(0);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (pane.stateProperty().get() != PaneModel.State.FAILED && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(pane.stateProperty().get()).isEqualTo(PaneModel.State.FAILED);
        assertThat(pane.errorProperty().get()).isEqualTo(onnx + " is damaged or truncated (172,079 bytes), or its "
                + "external data file is missing, so ONNX Runtime cannot load it; download the model again, or copy the "
                + "complete file into its folder.");
        assertThat(pane.adviceProperty().get()).isEqualTo(
                "Download the model again, or import a complete copy of its folder in Models → Local models.");
        assertThat(pane.errorDetailProperty().get()).startsWith("ONNX Runtime said: ").containsIgnoringCase("protobuf");

        // from then on the picker says so, until its files change
        vm.refreshModels();
        ModelChoice old = choice("Tiny (older row)");
        assertThat(old.ready()).isFalse();
        assertThat(old.availability().reason()).isEqualTo("Loading it failed: onnx/model.onnx is damaged or truncated "
                + "(172,079 bytes), or its external data file is missing, so ONNX Runtime cannot load it; download the "
                + "model again, or copy the complete file into its folder.");
        Files.write(onnx, all);
        vm.refreshModels();
        assertThat(choice("Tiny (older row)").ready()).as("its files changed: it may load now").isTrue();
    }
}
