package dev.switchyard.local.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {

    @TempDir
    Path storeRoot;
    @TempDir
    Path userDir;

    private static Path onnxCommunityFolder(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("onnx"));
        Files.writeString(dir.resolve("config.json"), "{\"model_type\":\"llama\"}");
        Files.writeString(dir.resolve("tokenizer.json"), "{\"version\":\"1.0\"}");
        Files.writeString(dir.resolve("tokenizer_config.json"), "{}");
        Files.write(dir.resolve("onnx/model_q4.onnx"), new byte[] {8, 1, 2, 3});
        Files.write(dir.resolve("onnx/model_q4.onnx_data"), new byte[] {4, 5, 6});
        return dir;
    }

    private static void assertInvalid(ModelStore store, Path folder, String... messageParts) {
        assertThatThrownBy(() -> store.importFolder(folder, ModelStore.ImportMode.REGISTER_IN_PLACE, null))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CatalogException.Kind.INVALID_MODEL_FOLDER);
                    assertThat(e.getMessage()).contains(messageParts);
                });
        assertThat(store.list()).isEmpty();
    }

    @Test
    void copyImportOwnsTheFilesAndDeleteRemovesThem() throws Exception {
        Path src = onnxCommunityFolder(userDir.resolve("SmolLM2 135M"));
        Files.writeString(src.resolve("onnx/model.onnx.part"), "unfinished");
        ModelStore store = new ModelStore(storeRoot, ModelFolderCheck.none());

        StoredModel m = store.importFolder(src, ModelStore.ImportMode.COPY, null);
        assertThat(m.id()).isEqualTo("smollm2-135m");
        assertThat(m.managed()).isTrue();
        assertThat(m.folder()).startsWith(storeRoot.resolve("models"));
        assertThat(m.layout()).isEqualTo("onnx-community");
        assertThat(m.onnxFiles()).containsExactly("onnx/model_q4.onnx");
        assertThat(m.folder().resolve("onnx/model_q4.onnx_data")).hasBinaryContent(new byte[] {4, 5, 6});
        assertThat(m.folder().resolve("onnx/model.onnx.part")).doesNotExist();

        // persisted: a new store instance sees it
        ModelStore reopened = new ModelStore(storeRoot, ModelFolderCheck.none());
        assertThat(reopened.list()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(m.id());
            assertThat(r.folder()).isEqualTo(m.folder());
            assertThat(r.present()).isTrue();
        });

        reopened.delete(m.id());
        assertThat(reopened.list()).isEmpty();
        assertThat(m.folder()).doesNotExist();
        assertThat(src.resolve("onnx/model_q4.onnx")).exists(); // the user's source is untouched
    }

    @Test
    void inPlaceRegistrationLeavesTheFolderOnDelete() throws Exception {
        Path src = onnxCommunityFolder(userDir.resolve("qwen"));
        ModelStore store = new ModelStore(storeRoot, ModelFolderCheck.none());
        StoredModel m = store.importFolder(src, ModelStore.ImportMode.REGISTER_IN_PLACE, "My Qwen");
        assertThat(m.managed()).isFalse();
        assertThat(m.folder()).isEqualTo(src.toAbsolutePath().normalize());
        assertThat(m.displayName()).isEqualTo("My Qwen");
        StoredModel second = store.importFolder(src, ModelStore.ImportMode.REGISTER_IN_PLACE, "My Qwen");
        assertThat(second.id()).isEqualTo("my-qwen-2");

        store.delete(m.id());
        assertThat(src.resolve("onnx/model_q4.onnx")).exists();
        assertThat(store.list()).extracting(StoredModel::id).containsExactly("my-qwen-2");
        assertThatThrownBy(() -> store.delete("nope")).isInstanceOfSatisfying(CatalogException.class,
                e -> assertThat(e.kind()).isEqualTo(CatalogException.Kind.UNKNOWN_STORED_MODEL));
    }

    @Test
    void validationRejectsIncompleteFolders() throws Exception {
        ModelStore store = new ModelStore(storeRoot, ModelFolderCheck.none());
        assertInvalid(store, userDir.resolve("missing"), "does not exist");

        Path noConfig = onnxCommunityFolder(userDir.resolve("a"));
        Files.delete(noConfig.resolve("config.json"));
        assertInvalid(store, noConfig, "no config.json");

        Path badConfig = onnxCommunityFolder(userDir.resolve("b"));
        Files.writeString(badConfig.resolve("config.json"), "{\"model_type\": ");
        assertInvalid(store, badConfig, "config.json", "could not be parsed");

        Path noTokenizer = onnxCommunityFolder(userDir.resolve("c"));
        Files.delete(noTokenizer.resolve("tokenizer.json"));
        assertInvalid(store, noTokenizer, "no tokenizer.json");

        Path noOnnx = onnxCommunityFolder(userDir.resolve("d"));
        Files.delete(noOnnx.resolve("onnx/model_q4.onnx"));
        Files.writeString(noOnnx.resolve("onnx/model_q4.onnx.part"), "x");
        assertInvalid(store, noOnnx, "no .onnx file", ".part");
    }

    @Test
    void symlinkedGraphsAreRejected() throws Exception {
        Path real = onnxCommunityFolder(userDir.resolve("real"));
        Path linked = onnxCommunityFolder(userDir.resolve("linked"));
        Files.delete(linked.resolve("onnx/model_q4.onnx"));
        Files.createSymbolicLink(linked.resolve("onnx/model_q4.onnx"), real.resolve("onnx/model_q4.onnx"));
        assertInvalid(new ModelStore(storeRoot, ModelFolderCheck.none()), linked, "symbolic link");
    }

    @Test
    void genaiFoldersNeedTheirDecoderFile() throws Exception {
        Path dir = Files.createDirectories(userDir.resolve("phi"));
        Files.writeString(dir.resolve("config.json"), "{\"model_type\":\"phi3\"}");
        Files.writeString(dir.resolve("tokenizer.json"), "{}");
        Files.writeString(dir.resolve("genai_config.json"), "{\"model\":{\"decoder\":{\"filename\":\"phi.onnx\"}}}");
        ModelStore store = new ModelStore(storeRoot, ModelFolderCheck.none());
        assertInvalid(store, dir, "phi.onnx", "missing");
        Files.write(dir.resolve("phi.onnx"), new byte[] {1});
        StoredModel m = store.importFolder(dir, ModelStore.ImportMode.REGISTER_IN_PLACE, null);
        assertThat(m.layout()).isEqualTo("genai");
        assertThat(m.onnxFiles()).containsExactly("phi.onnx");
    }

    @Test
    void deepCheckHookCanRefuseAFolder() throws Exception {
        Path src = onnxCommunityFolder(userDir.resolve("m"));
        List<ModelFolderInfo> seen = new ArrayList<>();
        ModelStore store = new ModelStore(storeRoot, info -> {
            seen.add(info);
            throw new CatalogException(CatalogException.Kind.INVALID_MODEL_FOLDER, info.folder().toString(),
                    "onnx/model_q4.onnx has no past_key_values inputs");
        });
        assertThatThrownBy(() -> store.importFolder(src, ModelStore.ImportMode.COPY, null))
                .hasMessageContaining("past_key_values");
        assertThat(seen).singleElement().satisfies(i -> {
            assertThat(i.modelType()).isEqualTo("llama");
            assertThat(i.onnxFiles()).containsExactly("onnx/model_q4.onnx");
        });
        assertThat(store.list()).isEmpty();
        try (var s = Files.list(storeRoot.resolve("models"))) {
            assertThat(s).isEmpty(); // nothing copied was left behind
        }
    }

    @Test
    void downloadedFolderIsRegisteredWithItsCatalogOrigin() throws Exception {
        ModelStore store = new ModelStore(storeRoot, ModelFolderCheck.none());
        CatalogModel model = new CatalogModel("tiny", "Tiny", "llama", "1M", "o/r", "https://huggingface.co/o/r/resolve/main/",
                "mit", 1024, "onnx-community", "chatml", "", List.of(),
                List.of(new CatalogPrecision("q4", "q4", true, null, List.of(new CatalogFile("onnx/model_q4.onnx", null, null, null, false)))));
        Path folder = onnxCommunityFolder(store.downloadFolder(model, "q4"));
        StoredModel m = store.registerDownloaded(model, "q4", folder);
        assertThat(m.id()).isEqualTo("tiny-q4");
        assertThat(m.managed()).isTrue();
        assertThat(m.catalogId()).isEqualTo("tiny");
        assertThat(m.precision()).isEqualTo("q4");
        assertThat(store.registerDownloaded(model, "q4", folder)).isEqualTo(m); // idempotent
        assertThat(store.list()).hasSize(1);
    }
}
