package dev.switchyard.local;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The committed tiny random-weight model (nonsense output). */
public final class TestModels {
    private TestModels() {
    }

    /** Llama-style, ChatML template, position_ids input. */
    public static Path tiny() {
        return folder("tiny-random-llama");
    }

    /** GPT-2-style I/O: no position_ids input, model_type gpt2, no chat template. */
    public static Path tinyGpt2() {
        return folder("tiny-random-gpt2");
    }

    /**
     * The weights of {@link #tiny()} in an onnxruntime-genai folder, as its model builder writes the graph: fused
     * norms, packed QKV, GroupQueryAttention with rotary inside, no position_ids input.
     */
    public static Path tinyGenai() {
        return folder("tiny-random-llama-genai");
    }

    private static Path folder(String name) {
        try {
            return Path.of(TestModels.class.getResource("/models/" + name + "/config.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
