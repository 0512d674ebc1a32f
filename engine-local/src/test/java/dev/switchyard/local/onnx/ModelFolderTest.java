package dev.switchyard.local.onnx;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ModelFolderTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultVariantIsTheSmallestCpuFriendlyOne() throws Exception {
        Files.createDirectories(dir.resolve("onnx"));
        for (String f : new String[] {"model.onnx", "model_fp16.onnx", "model_q4f16.onnx", "model_int8.onnx", "model_q4.onnx",
            "model_quantized.onnx", "model_bnb4.onnx", ".switchyard-last-row-123.onnx"}) {
            Files.write(dir.resolve("onnx").resolve(f), new byte[] {8});
        }
        Files.writeString(dir.resolve("tokenizer.json"), "{}");
        Files.writeString(dir.resolve("config.json"), "{\"model_type\": \"qwen2\", \"max_position_embeddings\": 32768,"
                + " \"eos_token_id\": 151643}");
        Files.writeString(dir.resolve("generation_config.json"), "{\"eos_token_id\": [151645, 151643]}");
        ModelFolder f = ModelFolder.resolve(dir, null);
        assertThat(f.variants()).containsExactly("model_q4.onnx", "model_int8.onnx", "model_quantized.onnx", "model.onnx",
                "model_bnb4.onnx", "model_q4f16.onnx", "model_fp16.onnx"); // a hidden file is never a variant
        assertThat(f.modelFile()).isEqualTo(dir.resolve("onnx/model_q4.onnx"));
        assertThat(f.eosIds()).containsExactly(151645L, 151643L);
        assertThat(f.contextLength()).isEqualTo(32768);
        assertThat(ModelFolder.resolve(dir, "model_int8.onnx").modelFile()).isEqualTo(dir.resolve("onnx/model_int8.onnx"));
    }
}
