package dev.switchyard.app.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.workspace.model.Model;
import java.nio.file.Path;

/**
 * The local part of a model row, kept in its settings JSON:
 * {@code {"path": "/home/me/.switchyard/models/smollm2-135m", "variant": "model_q4.onnx", "catalogId": "…"}}.
 *
 * @param path      the model folder
 * @param variant   the ONNX file under onnx/ to run, null = the engine's default choice
 * @param catalogId the catalog entry it was downloaded from, null when imported
 */
public record LocalModelSettings(Path path, String variant, String catalogId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("path", path.toAbsolutePath().toString());
        n.put("variant", variant);
        n.put("catalogId", catalogId);
        return n.toString();
    }

    public static LocalModelSettings of(Model m) {
        try {
            JsonNode n = JSON.readTree(m.settingsJson());
            String path = n.path("path").asText("");
            return new LocalModelSettings(Path.of(path.isEmpty() ? "." : path), text(n, "variant"), text(n, "catalogId"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Model " + m.apiModelId() + " has unreadable settings: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }
}
