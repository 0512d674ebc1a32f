package dev.switchyard.local;

import java.nio.file.Path;
import java.util.List;

/**
 * What validation found in a model folder.
 *
 * @param folder          the folder the user chose
 * @param modelFile       the ONNX file that will run (the chosen or default variant)
 * @param variants        every runnable variant in the folder (file names under onnx/ or the genai file)
 * @param layout          ONNX_COMMUNITY or GENAI
 * @param name            display name (config _name_or_path / name, else the folder name)
 * @param family          chat-template family chosen from config (CHATML, LLAMA3, ZEPHYR, PHI3, PLAIN)
 * @param modelType       config.json model_type (or genai model.type)
 * @param layers          decoder layers (number of past_key_values.N.key inputs)
 * @param kvHeads         key/value heads
 * @param headDim         head dimension
 * @param vocabSize       logits size of the model
 * @param tokenizerVocab  tokenizer vocabulary size (incl. added tokens)
 * @param contextLength   context window in tokens
 * @param eosTokenIds     ids that end generation
 * @param fileBytes       size of the ONNX file plus its external data
 * @param loadMillis      time to create the session and tokenizer (when it was loaded, else 0)
 * @param graph           what the engine changed in the graph at load, in words: "as exported", "logits of the last
 *                        position only", "attention fused into GroupQueryAttention (30 layers); …", and why
 *                        attention was not fused when its check found a difference
 */
public record ModelInfo(Path folder, Path modelFile, List<String> variants, String layout, String name, String family,
                        String modelType, int layers, int kvHeads, int headDim, int vocabSize, int tokenizerVocab,
                        int contextLength, List<Long> eosTokenIds, long fileBytes, long loadMillis, String graph) {
    public ModelInfo {
        variants = List.copyOf(variants);
        eosTokenIds = List.copyOf(eosTokenIds);
    }

    public ModelInfo withLoadMillis(long millis) {
        return new ModelInfo(folder, modelFile, variants, layout, name, family, modelType, layers, kvHeads, headDim,
                vocabSize, tokenizerVocab, contextLength, eosTokenIds, fileBytes, millis, graph);
    }
}
