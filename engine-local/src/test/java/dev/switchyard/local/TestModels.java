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
     * The tiny model's shape with 4-bit weights ({@code MatMulNBits}, block 32) and no {@code accuracy_level}, as
     * onnx-community's {@code model_q4.onnx} files are written.
     */
    public static Path tinyQ4() {
        return folder("tiny-random-llama-q4");
    }

    /**
     * The tiny model's shape dynamically quantized as ONNX Runtime's quantize_dynamic writes it (onnx-community's
     * {@code model_int8.onnx}): DynamicQuantizeLinear + MatMulInteger (int8 weights) + Cast + Mul for every projection.
     */
    public static Path tinyInt8() {
        return folder("tiny-random-llama-int8");
    }

    /**
     * Qwen2-style (q/k/v biases, rope_theta 1e6) with its graph spelled as torch.onnx exports Hugging Face's code:
     * rotary tables computed in the graph, Slice-based rotate_half, Shape-based reshape targets, SDPA's scale.
     */
    public static Path tinyQwen2Export() {
        return folder("tiny-random-qwen2-export");
    }

    /**
     * The weights of {@link #tiny()} in an onnxruntime-genai folder, as its model builder writes the graph: fused
     * norms, packed QKV, GroupQueryAttention with rotary inside, no position_ids input.
     */
    public static Path tinyGenai() {
        return folder("tiny-random-llama-genai");
    }

    /**
     * Phi-3-style, in the onnxruntime-genai form the catalog's Phi-3.5-mini comes in: Llama-2's SentencePiece tokenizer
     * form (byte fallback, "▁" for spaces, BOS added by the post-processor), Phi-3's chat tokens and template,
     * {@code model_type} phi3, and logits 5 wider than the tokenizer (as Phi-3's 32064 against 32011).
     */
    public static Path tinyPhi3() {
        return folder("tiny-random-phi3");
    }

    /** Copies a model folder (e.g. into a {@code @TempDir}) so a test may change or break it; returns {@code to}. */
    public static Path copy(Path from, Path to) throws java.io.IOException {
        try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    java.nio.file.Files.copy(p, target);
                }
            }
        }
        return to;
    }

    private static Path folder(String name) {
        try {
            return Path.of(TestModels.class.getResource("/models/" + name + "/config.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
