package dev.switchyard.local.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Basic checks of a model folder, before registration: the folder exists; {@code config.json} is present
 * and parses as a JSON object; {@code tokenizer.json} is present and not empty; there is at least one
 * {@code .onnx} graph (in the folder or {@code onnx/}), or, for a genai folder, {@code genai_config.json}
 * parses and names a decoder file that exists; none of these files is a symbolic link.
 */
public final class ModelFolderValidator {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ModelFolderValidator() {
    }

    public static ModelFolderInfo validate(Path folder) throws CatalogException {
        if (!Files.isDirectory(folder)) {
            throw invalid(folder, "The model folder " + folder + " does not exist or is not a folder.");
        }
        JsonNode config = json(folder, "config.json", true);
        Path tokenizer = regular(folder, "tokenizer.json");
        try {
            if (tokenizer == null || Files.size(tokenizer) == 0) {
                throw invalid(folder, "The model folder " + folder + " has no tokenizer.json (or it is empty); "
                        + "save the tokenizer next to the model (tokenizer.save_pretrained) and try again.");
            }
        } catch (IOException e) {
            throw invalid(folder, "Could not read " + tokenizer + ": " + e.getMessage());
        }
        String modelType = config.path("model_type").asText("");
        JsonNode genai = json(folder, "genai_config.json", false);
        if (genai != null) {
            String decoder = genai.path("model").path("decoder").path("filename").asText("");
            if (decoder.isBlank()) {
                throw invalid(folder, "genai_config.json in " + folder + " does not name the decoder file (model.decoder.filename).");
            }
            try {
                CatalogFile.checkRelative(decoder, "decoder filename");
            } catch (IllegalArgumentException e) {
                throw invalid(folder, "genai_config.json in " + folder + " names a decoder outside the folder: " + decoder + ".");
            }
            if (regular(folder, decoder) == null) {
                throw invalid(folder, "The decoder file " + decoder + " named by genai_config.json is missing from " + folder + ".");
            }
            return new ModelFolderInfo(folder, "genai", List.of(decoder), modelType);
        }
        List<String> onnx = new ArrayList<>();
        for (String dir : new String[] {"", "onnx"}) {
            Path d = dir.isEmpty() ? folder : folder.resolve(dir);
            if (!Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (Stream<Path> s = Files.list(d)) {
                for (Path p : s.sorted().toList()) {
                    if (p.getFileName().toString().endsWith(".onnx") && !p.getFileName().toString().startsWith(".")) {
                        if (Files.isSymbolicLink(p)) {
                            throw invalid(folder, p + " is a symbolic link; copy the real file into the model folder.");
                        }
                        if (Files.isRegularFile(p)) {
                            onnx.add(folder.relativize(p).toString().replace('\\', '/'));
                        }
                    }
                }
            } catch (IOException e) {
                throw invalid(folder, "Could not list " + d + ": " + e.getMessage());
            }
        }
        if (onnx.isEmpty()) {
            throw invalid(folder, "The model folder " + folder + " contains no .onnx file (looked in the folder and its onnx/ "
                    + "subfolder); an unfinished download leaves only .part files — resume it first.");
        }
        return new ModelFolderInfo(folder, "onnx-community", onnx, modelType);
    }

    private static Path regular(Path folder, String name) throws CatalogException {
        Path p = folder.resolve(name);
        if (Files.isSymbolicLink(p)) {
            throw invalid(folder, p + " is a symbolic link; copy the real file into the model folder.");
        }
        return Files.isRegularFile(p) ? p : null;
    }

    private static JsonNode json(Path folder, String name, boolean required) throws CatalogException {
        Path p = regular(folder, name);
        if (p == null) {
            if (required) {
                throw invalid(folder, "The model folder " + folder + " has no " + name
                        + "; it is needed to read the model's shape — copy it from the model's repository.");
            }
            return null;
        }
        try {
            JsonNode n = MAPPER.readTree(p.toFile());
            if (n == null || !n.isObject()) {
                throw invalid(folder, name + " in " + folder + " is not a JSON object.");
            }
            return n;
        } catch (IOException e) {
            throw invalid(folder, name + " in " + folder + " could not be parsed: " + firstLine(e.getMessage()) + ".");
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static CatalogException invalid(Path folder, String message) {
        return new CatalogException(CatalogException.Kind.INVALID_MODEL_FOLDER, folder.toString(), message);
    }
}
