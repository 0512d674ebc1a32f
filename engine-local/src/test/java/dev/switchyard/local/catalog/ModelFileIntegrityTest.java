package dev.switchyard.local.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.local.TestModels;
import dev.switchyard.local.onnx.ModelFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed tiny model copied into a temporary folder, recorded, then truncated, overwritten or deleted. */
class ModelFileIntegrityTest {

    @TempDir
    Path tmp;
    Path folder;
    ModelFileIntegrity integrity;
    List<RecordedFile> recorded;

    @BeforeEach
    void recordACopyOfTheTinyModel() throws Exception {
        folder = tmp.resolve("tiny");
        try (var files = Files.walk(TestModels.tiny())) {
            for (Path f : files.toList()) {
                Files.copy(f, folder.resolve(TestModels.tiny().relativize(f).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        integrity = new ModelFileIntegrity();
        recorded = integrity.record(folder, ModelFolder.resolve(folder, null).filesToRun());
    }

    @Test
    void recordsTheFilesALoadReadsWithTheirSizesAndHashes() throws Exception {
        assertThat(recorded).extracting(RecordedFile::path).containsExactly("onnx/model.onnx", "tokenizer.json",
                "config.json", "tokenizer_config.json", "generation_config.json");
        RecordedFile onnx = recorded.get(0);
        assertThat(onnx.size()).isEqualTo(Files.size(folder.resolve("onnx/model.onnx")));
        assertThat(onnx.sha256()).isEqualTo(Checksums.sha256(folder.resolve("onnx/model.onnx")));
        assertThat(ModelFolder.resolve(folder, "model_fp16.onnx").filesToRun()).startsWith("onnx/model_fp16.onnx");
    }

    @Test
    void aFolderAsRecordedIsOkWithoutReadingAFile() {
        FileCheck c = integrity.check(folder, recorded);
        assertThat(c.status()).isEqualTo(FileCheck.Status.OK);
        assertThat(c.hashed()).as("sizes and times as recorded: nothing hashed").isZero();
    }

    @Test
    void aTruncatedFileIsSaidWithItsSizeAndTheRecordedOne() throws Exception {
        Path onnx = folder.resolve("onnx/model.onnx");
        byte[] all = Files.readAllBytes(onnx);
        Files.write(onnx, Arrays.copyOf(all, 12_000));
        FileCheck c = integrity.check(folder, recorded);
        assertThat(c.status()).isEqualTo(FileCheck.Status.FILES_CHANGED);
        assertThat(c.problems()).containsExactly(
                new FileCheck.Problem("onnx/model.onnx", FileCheck.Change.SIZE_CHANGED, all.length, 12_000));
        assertThat(c.hashed()).as("a size that differs needs no hash").isZero();
    }

    @Test
    void aFileOverwrittenWithTheSameSizeIsFoundByItsHashOnceAndTheHashIsKeptUntilItChangesAgain() throws Exception {
        Path onnx = folder.resolve("onnx/model.onnx");
        byte[] all = Files.readAllBytes(onnx);
        all[all.length / 2] ^= 0x5a;
        Files.write(onnx, all);
        Files.setLastModifiedTime(onnx, FileTime.fromMillis(recorded.get(0).modifiedMillis() + 5_000));

        FileCheck first = integrity.check(folder, recorded);
        assertThat(first.problems()).containsExactly(
                new FileCheck.Problem("onnx/model.onnx", FileCheck.Change.CONTENT_CHANGED, all.length, all.length));
        assertThat(first.hashed()).isEqualTo(1);
        FileCheck again = integrity.check(folder, recorded);
        assertThat(again.problems()).isEqualTo(first.problems());
        assertThat(again.hashed()).as("the same (path, size, time): from the cache").isZero();

        FileCheck asked = integrity.verify(folder, recorded);
        assertThat(asked.hashed()).as("the user asked: every recorded file read again").isEqualTo(recorded.size());
        assertThat(asked.problems()).isEqualTo(first.problems());
    }

    @Test
    void aFileOnlyTouchedIsHashedOnceAndFoundUnchanged() throws Exception {
        Path tokenizer = folder.resolve("tokenizer.json");
        Files.setLastModifiedTime(tokenizer, FileTime.fromMillis(recorded.get(1).modifiedMillis() + 60_000));
        ModelFileIntegrity fresh = new ModelFileIntegrity(); // a new app run: nothing cached
        assertThat(fresh.check(folder, recorded).status()).isEqualTo(FileCheck.Status.OK);
        assertThat(fresh.hashedFiles()).isEqualTo(1);
        assertThat(fresh.check(folder, recorded).hashed()).isZero();
    }

    @Test
    void aDeletedFileAndADeletedFolderAreSaid() throws Exception {
        Files.delete(folder.resolve("tokenizer.json"));
        assertThat(integrity.check(folder, recorded).problems()).containsExactly(
                new FileCheck.Problem("tokenizer.json", FileCheck.Change.MISSING, recorded.get(1).size(), -1));

        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        FileCheck gone = integrity.check(folder, recorded);
        assertThat(gone.status()).isEqualTo(FileCheck.Status.FOLDER_MISSING);
        assertThat(gone.folder()).isEqualTo(folder);
    }

    @Test
    void theFirstBytesTellAFileThatCannotBeAnOnnxModel() throws Exception {
        Path onnx = folder.resolve("onnx/model.onnx");
        assertThat(ModelFolder.notOnnxReason(onnx)).isNull();
        Files.writeString(onnx, "<html>404</html>");
        assertThat(ModelFolder.notOnnxReason(onnx)).isEqualTo("is not an ONNX model");
        Files.write(onnx, new byte[0]);
        assertThat(ModelFolder.notOnnxReason(onnx)).isEqualTo("is empty (0 bytes)");
    }
}
