package dev.switchyard.local;

import dev.switchyard.local.LocalEngineException.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BadInputTest {
    static LocalEngine engine;
    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        engine = LocalEngine.inProcess();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void aMissingFolder() {
        LocalEngineException e = fail(tmp.resolve("nowhere"));
        assertThat(e.kind()).isEqualTo(Kind.MODEL_NOT_FOUND);
        assertThat(e.getMessage()).contains("nowhere").contains("does not exist");
    }

    @Test
    void aFolderWithoutTokenizer() throws IOException {
        Path dir = copyTiny();
        Files.delete(dir.resolve("tokenizer.json"));
        LocalEngineException e = fail(dir);
        assertThat(e.kind()).isEqualTo(Kind.MODEL_NOT_FOUND);
        assertThat(e.getMessage()).contains("tokenizer.json");
    }

    @Test
    void aFolderWithoutAnyOnnxFile() throws IOException {
        Path dir = copyTiny();
        Files.delete(dir.resolve("onnx/model.onnx"));
        Files.delete(dir.resolve("onnx/model_fp16.onnx"));
        LocalEngineException e = fail(dir);
        assertThat(e.kind()).isEqualTo(Kind.MODEL_NOT_FOUND);
        assertThat(e.getMessage()).contains("onnx/model.onnx");
    }

    @Test
    void anUnknownVariant() throws IOException {
        Path dir = copyTiny();
        LocalEngineException e = catchThrowableOfType(LocalEngineException.class,
                () -> engine.validate(dir, LoadOptions.variant("model_q4.onnx")));
        assertThat(e.kind()).isEqualTo(Kind.MODEL_NOT_FOUND);
        assertThat(e.getMessage()).contains("model_q4.onnx").contains("available: model.onnx, model_fp16.onnx");
    }

    @Test
    void aFileThatIsNotOnnx() throws IOException {
        Path dir = copyTiny();
        Files.writeString(dir.resolve("onnx/model.onnx"), "<html>404 Not Found</html>");
        LocalEngineException e = fail(dir);
        assertThat(e.kind()).isEqualTo(Kind.NOT_ONNX);
        assertThat(e.getMessage()).contains("model.onnx").contains("is not an ONNX model").contains("<html>");
    }

    @Test
    void aTruncatedOnnxFile() throws IOException {
        Path dir = copyTiny();
        Path f = dir.resolve("onnx/model.onnx");
        byte[] all = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(all, all.length / 3));
        LocalEngineException e = fail(dir);
        assertThat(e.kind()).isEqualTo(Kind.CORRUPT_MODEL);
        assertThat(e.getMessage()).contains("model.onnx").contains("damaged or truncated")
                .contains(String.format(java.util.Locale.ROOT, "%,d bytes", all.length / 3))
                .contains("download the model again");
        // ONNX Runtime's own words are the detail, never the sentence
        assertThat(e.detail()).isNotBlank();
        assertThat(e.getMessage()).doesNotContain(e.detail()).doesNotContainIgnoringCase("protobuf");
    }

    @Test
    void anEmptyOnnxFile() throws IOException {
        Path dir = copyTiny();
        Files.write(dir.resolve("onnx/model.onnx"), new byte[0]);
        LocalEngineException e = fail(dir);
        assertThat(e.kind()).isEqualTo(Kind.CORRUPT_MODEL);
        assertThat(e.getMessage()).contains("model.onnx").contains("empty");
    }

    @Test
    void aModelWhoseInputsAreNotADecoders() throws Exception {
        Path dir = copyTiny();
        Path encoder = Path.of(BadInputTest.class.getResource("/models/broken/not-a-decoder.onnx").toURI());
        Files.copy(encoder, dir.resolve("onnx/model.onnx"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        LocalEngineException e = fail(dir);
        assertThat(e.kind()).isEqualTo(Kind.NOT_A_DECODER);
        assertThat(e.getMessage()).contains("model.onnx is not a text decoder").contains("token_type_ids")
                .contains("attention_mask");
    }

    @Test
    void aTokenizerWhoseVocabularyDoesNotMatchTheLogits() throws IOException {
        Path dir = copyTiny();
        Path tok = dir.resolve("tokenizer.json");
        String json = Files.readString(tok, StandardCharsets.UTF_8);
        // add 100 tokens (ids 342..441) beyond the model's 342 logits
        StringBuilder extra = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            extra.append("\"zz").append(i).append("\": ").append(342 + i).append(", ");
        }
        json = json.replaceFirst("\"vocab\": \\{", "\"vocab\": {" + extra);
        Files.writeString(tok, json, StandardCharsets.UTF_8);
        LocalEngineException e = fail(dir);
        assertThat(e.kind()).isEqualTo(Kind.TOKENIZER_MISMATCH);
        assertThat(e.getMessage()).contains("tokenizer.json has 442 tokens").contains("model.onnx outputs 342 logits");
    }

    @Test
    void anUnreadableTokenizer() throws IOException {
        Path dir = copyTiny();
        Files.writeString(dir.resolve("tokenizer.json"), "{ not json");
        LocalEngineException e = fail(dir);
        assertThat(e.kind()).isEqualTo(Kind.TOKENIZER_MISMATCH);
        assertThat(e.getMessage()).contains("tokenizer.json");
    }

    @Test
    void anInvalidConfig() throws IOException {
        Path dir = copyTiny();
        Files.writeString(dir.resolve("config.json"), "{\"model_type\": ");
        LocalEngineException e = fail(dir);
        assertThat(e.kind()).isEqualTo(Kind.CONFIG_INVALID);
        assertThat(e.getMessage()).contains("config.json").contains("not valid JSON");
    }

    @Test
    void aGenaiFolderNamingAMissingFile() throws IOException {
        Path dir = copyTiny();
        Files.writeString(dir.resolve("genai_config.json"),
                "{\"model\": {\"type\": \"llama\", \"context_length\": 128, \"eos_token_id\": [2],"
                        + " \"decoder\": {\"filename\": \"decoder.onnx\"}}}");
        LocalEngineException e = fail(dir);
        assertThat(e.kind()).isEqualTo(Kind.MODEL_NOT_FOUND);
        assertThat(e.getMessage()).contains("decoder.onnx");
    }

    @Test
    void aGenaiFolderIsReadFromItsConfig() throws Exception {
        Path dir = copyTiny();
        Files.move(dir.resolve("onnx/model.onnx"), dir.resolve("decoder.onnx"));
        Files.writeString(dir.resolve("genai_config.json"),
                "{\"model\": {\"type\": \"qwen2\", \"context_length\": 128, \"eos_token_id\": [2, 1],"
                        + " \"decoder\": {\"filename\": \"decoder.onnx\"}}}");
        ModelInfo info = engine.validate(dir);
        assertThat(info.layout()).isEqualTo("GENAI");
        assertThat(info.modelFile().getFileName().toString()).isEqualTo("decoder.onnx");
        assertThat(info.contextLength()).isEqualTo(128);
        assertThat(info.eosTokenIds()).contains(2L, 1L);
        assertThat(info.family()).isEqualTo("CHATML");
    }

    private LocalEngineException fail(Path dir) {
        LocalEngineException e = catchThrowableOfType(LocalEngineException.class, () -> engine.validate(dir));
        assertThat(e).as("validate(" + dir + ") should fail").isNotNull();
        return e;
    }

    private Path copyTiny() throws IOException {
        return TestModels.copy(TestModels.tiny(), tmp.resolve("model"));
    }
}
