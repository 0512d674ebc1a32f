package dev.switchyard.local;

import dev.switchyard.local.onnx.OrtRuntime;

/**
 * How to load a model.
 *
 * @param variant      file name under onnx/ (e.g. "model_q4.onnx"); null = the default variant
 *                     (q4 > int8/quantized/uint8 > model.onnx; fp16 variants last)
 * @param intraThreads ONNX Runtime intra-op threads; 0 = min(2, available processors)
 * @param fuseAttention rewrite an onnx-community export's attention blocks into GroupQueryAttention at load, after
 *                      checking the result against the export (on unless turned off, for comparisons and tests)
 */
public record LoadOptions(String variant, int intraThreads, boolean fuseAttention) {
    public LoadOptions(String variant, int intraThreads) {
        this(variant, intraThreads, true);
    }

    /** These options with the attention fusion off: the export's graph as it is (bar the last-row logits). */
    public LoadOptions withoutFusion() {
        return new LoadOptions(variant, intraThreads, false);
    }

    public static LoadOptions defaults() {
        return new LoadOptions(null, 0);
    }

    public static LoadOptions variant(String fileName) {
        return new LoadOptions(fileName, 0);
    }

    public int effectiveThreads() {
        return intraThreads > 0 ? intraThreads : OrtRuntime.DEFAULT_THREADS;
    }
}
