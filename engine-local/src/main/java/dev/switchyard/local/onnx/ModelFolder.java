package dev.switchyard.local.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.switchyard.local.LocalEngineException;
import dev.switchyard.local.LocalEngineException.Kind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A model folder on disk, resolved to the files that will run. Two layouts: onnx-community / Optimum
 * ({@code onnx/model*.onnx} + config.json + generation_config.json + tokenizer files) and
 * onnxruntime-genai ({@code genai_config.json} naming the decoder file, eos ids and context length).
 */
public record ModelFolder(Path folder, Path modelFile, List<String> variants, String layout, JsonNode config,
                          JsonNode tokenizerConfig, Path tokenizerJson, String modelType, String name,
                          Set<Long> eosIds, int contextLength) {

    public static final String ONNX_COMMUNITY = "ONNX_COMMUNITY";
    public static final String GENAI = "GENAI";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PREFERENCE = List.of("model_q4.onnx", "model_int8.onnx", "model_quantized.onnx",
            "model_uint8.onnx", "model.onnx", "model_bnb4.onnx", "model_q4f16.onnx", "model_fp16.onnx");

    /** Resolves a folder; variant = a file name under onnx/ or null for the default. */
    public static ModelFolder resolve(Path folder, String variant) throws LocalEngineException {
        if (folder == null || !Files.isDirectory(folder)) {
            throw new LocalEngineException(Kind.MODEL_NOT_FOUND, "Model folder " + folder + " does not exist or is not a folder.");
        }
        Path genai = folder.resolve("genai_config.json");
        Path tokenizer = folder.resolve("tokenizer.json");
        if (!Files.isRegularFile(tokenizer)) {
            throw new LocalEngineException(Kind.MODEL_NOT_FOUND, "Model folder " + folder
                    + " has no tokenizer.json; copy the model's tokenizer.json next to its config.json.");
        }
        JsonNode tokCfg = readJson(folder.resolve("tokenizer_config.json"), false);
        JsonNode config = readJson(folder.resolve("config.json"), false);
        if (Files.isRegularFile(genai)) {
            JsonNode g = readJson(genai, true);
            JsonNode model = g.path("model");
            String file = model.path("decoder").path("filename").asText("");
            if (file.isEmpty()) {
                throw new LocalEngineException(Kind.CONFIG_INVALID, genai + " has no model.decoder.filename.");
            }
            Path modelFile = folder.resolve(file);
            if (!Files.isRegularFile(modelFile)) {
                throw new LocalEngineException(Kind.MODEL_NOT_FOUND, genai + " names the decoder " + file
                        + " but " + modelFile + " does not exist.");
            }
            Set<Long> eos = new LinkedHashSet<>();
            addIds(eos, model.path("eos_token_id"));
            int ctx = model.path("context_length").asInt(0);
            String type = model.path("type").asText(config.path("model_type").asText(""));
            return new ModelFolder(folder, modelFile, List.of(file), GENAI, config, tokCfg, tokenizer, type,
                    displayName(folder, config), eos, ctx > 0 ? ctx : contextFrom(config, tokCfg));
        }
        List<String> variants = listVariants(folder);
        if (variants.isEmpty()) {
            throw new LocalEngineException(Kind.MODEL_NOT_FOUND, "Model folder " + folder
                    + " has no ONNX model: expected onnx/model.onnx (or model_q4.onnx, model_int8.onnx …) or genai_config.json.");
        }
        String chosen;
        if (variant != null && !variant.isBlank()) {
            if (!variants.contains(variant)) {
                throw new LocalEngineException(Kind.MODEL_NOT_FOUND, "Model variant " + variant + " is not in "
                        + folder + " (available: " + String.join(", ", variants) + ").");
            }
            chosen = variant;
        } else {
            chosen = variants.get(0);
        }
        Path modelFile = variantFile(folder, chosen);
        Set<Long> eos = new LinkedHashSet<>();
        addIds(eos, readJson(folder.resolve("generation_config.json"), false).path("eos_token_id"));
        addIds(eos, config.path("eos_token_id"));
        return new ModelFolder(folder, modelFile, variants, ONNX_COMMUNITY, config, tokCfg, tokenizer,
                config.path("model_type").asText(""), displayName(folder, config), eos, contextFrom(config, tokCfg));
    }

    /** Where one of {@link #variants} is: under onnx/, or in the folder itself (for a genai folder, its one file). */
    public Path variantFile(String variant) {
        return layout.equals(GENAI) ? modelFile : variantFile(folder, variant);
    }

    private static Path variantFile(Path folder, String variant) {
        Path inOnnx = folder.resolve("onnx").resolve(variant);
        return Files.isRegularFile(inOnnx) ? inOnnx : folder.resolve(variant);
    }

    /** ONNX files of the folder, best CPU default first. */
    static List<String> listVariants(Path folder) throws LocalEngineException {
        List<String> names = new ArrayList<>();
        for (Path dir : List.of(folder.resolve("onnx"), folder)) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                // hidden files are not variants (a .switchyard-last-row-*.onnx rewrite being loaded, a copy in progress)
                s.filter(p -> p.getFileName().toString().endsWith(".onnx") && !p.getFileName().toString().startsWith(".")
                                && Files.isRegularFile(p))
                        .map(p -> p.getFileName().toString()).filter(n -> !names.contains(n)).forEach(names::add);
            } catch (IOException e) {
                throw new LocalEngineException(Kind.MODEL_NOT_FOUND, "Cannot list " + dir + ": " + e.getMessage(), e);
            }
        }
        names.sort(Comparator.comparingInt((String n) -> {
            int i = PREFERENCE.indexOf(n);
            return i >= 0 ? i : PREFERENCE.size();
        }).thenComparing(Comparator.naturalOrder()));
        return names;
    }

    private static String displayName(Path folder, JsonNode config) {
        String n = config.path("name").asText("");
        if (n.isEmpty()) {
            n = config.path("_name_or_path").asText("");
        }
        return n.isEmpty() ? String.valueOf(folder.getFileName()) : n;
    }

    private static int contextFrom(JsonNode config, JsonNode tokCfg) {
        for (String key : List.of("max_position_embeddings", "n_positions", "n_ctx", "seq_length")) {
            int v = config.path(key).asInt(0);
            if (v > 0) {
                return v;
            }
        }
        long m = tokCfg.path("model_max_length").asLong(0);
        return m > 0 && m < 10_000_000 ? (int) m : 2048;
    }

    static void addIds(Set<Long> out, JsonNode node) {
        if (node.isArray()) {
            node.forEach(n -> addIds(out, n));
        } else if (node.canConvertToLong()) {
            out.add(node.asLong());
        }
    }

    /**
     * The files a load of this folder reads, as paths inside it with '/': the ONNX file that runs and its external
     * data file ({@code NAME_data} / {@code NAME.data}) when there is one, then {@code tokenizer.json} and whichever of
     * {@code config.json}, {@code tokenizer_config.json}, {@code generation_config.json} and {@code genai_config.json}
     * the folder has. What the model manager records at import and checks later.
     */
    public List<String> filesToRun() {
        List<Path> files = new ArrayList<>();
        files.add(modelFile);
        for (String suffix : List.of("_data", ".data")) {
            Path data = modelFile.resolveSibling(modelFile.getFileName() + suffix);
            if (Files.isRegularFile(data)) {
                files.add(data);
            }
        }
        for (String name : List.of("tokenizer.json", "config.json", "tokenizer_config.json", "generation_config.json",
                "genai_config.json")) {
            Path f = folder.resolve(name);
            if (Files.isRegularFile(f)) {
                files.add(f);
            }
        }
        return files.stream().map(f -> folder.relativize(f).toString().replace('\\', '/')).toList();
    }

    /**
     * Why {@code file} cannot be an ONNX model from its first bytes (empty, or not starting as an ONNX ModelProto
     * does), in words to follow the file's name ("is empty (0 bytes)"); null when it may be one. Reads 16 bytes.
     */
    public static String notOnnxReason(Path file) {
        byte[] head = new byte[16];
        int n;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return "cannot be read (" + e.getMessage() + ")";
        }
        if (n == 0) {
            return "is empty (0 bytes)";
        }
        return head[0] == 0x08 ? null : "is not an ONNX model";
    }

    /** Bytes of an ONNX file plus its external data file ({@code NAME_data} as Optimum writes it, or {@code NAME.data}). */
    public static long fileBytes(Path file) {
        long total = 0;
        try {
            total += Files.size(file);
            for (String suffix : List.of("_data", ".data")) {
                Path data = file.resolveSibling(file.getFileName() + suffix);
                if (Files.isRegularFile(data)) {
                    total += Files.size(data);
                }
            }
        } catch (IOException ignored) {
            // size unknown
        }
        return total;
    }

    /** Reads a JSON file; a missing optional file is an empty object. */
    public static JsonNode readJson(Path file, boolean required) throws LocalEngineException {
        if (!Files.isRegularFile(file)) {
            if (required) {
                throw new LocalEngineException(Kind.MODEL_NOT_FOUND, file + " does not exist.");
            }
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new LocalEngineException(Kind.CONFIG_INVALID, file + " is not valid JSON: " + firstLine(e.getMessage()), e);
        }
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
