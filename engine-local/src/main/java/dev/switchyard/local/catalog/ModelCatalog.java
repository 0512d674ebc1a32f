package dev.switchyard.local.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The recommended-model catalog ({@code assets/models/catalog.json}); format in INTENT-AND-CATALOG.md.
 *
 * @param version format version (1)
 * @param updated date the entries were last reviewed (ISO date text)
 * @param models  the entries, in display order
 */
public record ModelCatalog(int version, String updated, List<CatalogModel> models) {

    public static final String FORMAT = "switchyard-model-catalog";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public ModelCatalog {
        models = List.copyOf(models);
    }

    public Optional<CatalogModel> find(String id) {
        return models.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The entry with this id, or an UNKNOWN_MODEL error. */
    public CatalogModel require(String id) throws CatalogException {
        return find(id).orElseThrow(() -> new CatalogException(CatalogException.Kind.UNKNOWN_MODEL, id,
                "The model catalog has no model '" + id + "'."));
    }

    /** Parses the catalog at {@code file}. */
    public static ModelCatalog load(Path file) throws CatalogException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        } catch (IOException e) {
            throw new CatalogException(CatalogException.Kind.IO, file.toString(),
                    "Could not read the model catalog " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses a catalog; the stream is not closed. */
    public static ModelCatalog load(InputStream in) throws CatalogException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw invalid("The model catalog is not valid JSON (line " + e.getLocation().getLineNr() + "): "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CatalogException(CatalogException.Kind.IO, null, "Could not read the model catalog: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw invalid("The model catalog must be a JSON object with a \"models\" array.", null);
        }
        if (root.has("format") && !FORMAT.equals(root.get("format").asText())) {
            throw invalid("The file is not a model catalog (format \"" + root.get("format").asText() + "\").", null);
        }
        int version = root.path("version").asInt(1);
        if (version != 1) {
            throw invalid("Model catalog version " + version + " is not supported (expected 1).", null);
        }
        JsonNode models = root.get("models");
        if (models == null || !models.isArray()) {
            throw invalid("The model catalog needs a \"models\" array.", null);
        }
        List<CatalogModel> list = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode m : models) {
            index++;
            String id = m.path("id").asText("");
            String where = id.isBlank() ? "model #" + index : "model '" + id + "'";
            try {
                CatalogModel model = model(m, where);
                if (!ids.add(model.id())) {
                    throw invalid("The model catalog lists '" + model.id() + "' twice.", null);
                }
                list.add(model);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw invalid("In the model catalog, " + where + " is invalid: " + e.getMessage(), e);
            }
        }
        return new ModelCatalog(version, root.path("updated").asText(""), list);
    }

    private static CatalogModel model(JsonNode m, String where) throws CatalogException {
        String id = required(m, "id", where);
        String repo = required(m, "repo", where);
        String baseUrl = m.path("baseUrl").asText("https://huggingface.co/" + repo + "/resolve/main/");
        JsonNode precisions = m.get("precisions");
        if (precisions == null || !precisions.isArray() || precisions.isEmpty()) {
            throw invalid("In the model catalog, " + where + " needs a non-empty \"precisions\" array.", null);
        }
        List<CatalogPrecision> ps = new ArrayList<>();
        for (JsonNode p : precisions) {
            String pid = required(p, "id", where + " precision");
            ps.add(new CatalogPrecision(pid, p.path("label").asText(pid), p.path("recommended").asBoolean(false),
                    longOrNull(p, "approxSizeBytes"), files(p.get("files"), where + " precision '" + pid + "'")));
        }
        return new CatalogModel(id, m.path("displayName").asText(id), m.path("family").asText(""),
                m.path("parameters").asText(""), repo, baseUrl, m.path("license").asText("unknown"),
                m.path("contextLength").asInt(0), m.path("layout").asText("onnx-community"),
                m.path("chatTemplate").asText(""), m.path("notes").asText(""),
                files(m.get("commonFiles"), where + " commonFiles"), ps);
    }

    private static List<CatalogFile> files(JsonNode arr, String where) throws CatalogException {
        List<CatalogFile> files = new ArrayList<>();
        if (arr == null || arr.isNull()) {
            return files;
        }
        if (!arr.isArray()) {
            throw invalid("In the model catalog, " + where + " must be an array of files.", null);
        }
        for (JsonNode f : arr) {
            String path = required(f, "path", where + " file");
            JsonNode sha = f.get("sha256");
            files.add(new CatalogFile(path, f.hasNonNull("target") ? f.get("target").asText() : null,
                    longOrNull(f, "size"), sha == null || sha.isNull() ? null : sha.asText(),
                    f.path("optional").asBoolean(false)));
        }
        return files;
    }

    private static Long longOrNull(JsonNode n, String field) throws CatalogException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber()) {
            throw invalid("In the model catalog, \"" + field + "\" must be a whole number of bytes or null.", null);
        }
        return v.asLong();
    }

    private static String required(JsonNode n, String field, String where) throws CatalogException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw invalid("In the model catalog, " + where + " needs a non-blank \"" + field + "\".", null);
        }
        return v.asText();
    }

    private static CatalogException invalid(String message, Throwable cause) {
        return new CatalogException(CatalogException.Kind.INVALID_CATALOG, "catalog.json", message, cause);
    }
}
