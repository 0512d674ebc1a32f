package dev.switchyard.app.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.local.catalog.RecordedFile;
import dev.switchyard.workspace.model.Model;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The local part of a model row, kept in its settings JSON:
 * {@code {"path": "/home/me/.switchyard/models/smollm2-135m", "variant": "model_q4.onnx", "catalogId": "…",
 * "files": [{"path": "onnx/model_q4.onnx", "size": 200000000, "modified": 1764100000000, "sha256": "…"}, …],
 * "mirror": "http://mirror.lan/"}} ({@code mirror} only for a download from a mirror).
 *
 * @param path      the model folder
 * @param variant   the ONNX file under onnx/ to run, null = the engine's default choice
 * @param catalogId the catalog entry it was downloaded from, null when imported
 * @param files     the files a load reads, as they were when the model was imported or downloaded (empty for rows
 *                  registered before files were recorded): what {@link LocalModelHealth} checks them against
 * @param mirror    the server a download came from when it was not the catalog's hub ({@code models download --mirror}:
 *                  the root with the hub's URL layout), null for the hub, an import, or a row of an older build
 */
public record LocalModelSettings(Path path, String variant, String catalogId, List<RecordedFile> files, String mirror) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public LocalModelSettings {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** Without recorded files. */
    public LocalModelSettings(Path path, String variant, String catalogId) {
        this(path, variant, catalogId, List.of());
    }

    /** Not downloaded from a mirror. */
    public LocalModelSettings(Path path, String variant, String catalogId, List<RecordedFile> files) {
        this(path, variant, catalogId, files, null);
    }

    /** The same model with these files recorded. */
    public LocalModelSettings withFiles(List<RecordedFile> recorded) {
        return new LocalModelSettings(path, variant, catalogId, recorded, mirror);
    }

    /** The same model downloaded from {@code root} (null: the hub). */
    public LocalModelSettings withMirror(String root) {
        return new LocalModelSettings(path, variant, catalogId, files, root);
    }

    /** True when the files were recorded at import or download (rows of older builds have none). */
    public boolean recorded() {
        return !files.isEmpty();
    }

    public String toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("path", path.toAbsolutePath().toString());
        n.put("variant", variant);
        n.put("catalogId", catalogId);
        if (!files.isEmpty()) {
            ArrayNode arr = n.putArray("files");
            for (RecordedFile f : files) {
                ObjectNode o = arr.addObject();
                o.put("path", f.path());
                o.put("size", f.size());
                o.put("modified", f.modifiedMillis());
                o.put("sha256", f.sha256());
            }
        }
        if (mirror != null) {
            n.put("mirror", mirror);
        }
        return n.toString();
    }

    public static LocalModelSettings of(Model m) {
        try {
            JsonNode n = JSON.readTree(m.settingsJson());
            String path = n.path("path").asText("");
            List<RecordedFile> files = new ArrayList<>();
            for (JsonNode f : n.path("files")) {
                String p = f.path("path").asText("");
                long size = f.path("size").asLong(-1);
                if (!p.isEmpty() && size >= 0) {
                    files.add(new RecordedFile(p, size, f.path("modified").asLong(0), text(f, "sha256")));
                }
            }
            return new LocalModelSettings(Path.of(path.isEmpty() ? "." : path), text(n, "variant"), text(n, "catalogId"),
                    files, text(n, "mirror"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Model " + m.apiModelId() + " has unreadable settings: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }
}
