package dev.switchyard.local.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code switchyard-model.json}, written by the downloader into a model folder: where the folder came from.
 *
 * @param catalogId  catalog id of the model
 * @param precision  precision id
 * @param repo       Hugging Face repository
 * @param layout     onnx-community or genai
 * @param files      local relative paths downloaded
 * @param downloaded completion time
 */
public record ModelManifest(String catalogId, String precision, String repo, String layout, List<String> files,
                            Instant downloaded) {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ModelManifest {
        files = List.copyOf(files);
    }

    static void write(Path file, ModelManifest m) throws IOException {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("catalogId", m.catalogId());
        n.put("precision", m.precision());
        n.put("repo", m.repo());
        n.put("layout", m.layout());
        m.files().forEach(n.putArray("files")::add);
        n.put("downloaded", m.downloaded().toString());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        MAPPER.writeValue(tmp.toFile(), n);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Reads the manifest of {@code folder}, if it has a readable one. */
    public static Optional<ModelManifest> read(Path folder) {
        Path file = folder.resolve(ModelDownloader.MANIFEST);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = MAPPER.readTree(file.toFile());
            List<String> files = new ArrayList<>();
            n.path("files").forEach(f -> files.add(f.asText()));
            return Optional.of(new ModelManifest(n.path("catalogId").asText(null), n.path("precision").asText(null),
                    n.path("repo").asText(null), n.path("layout").asText("onnx-community"), files,
                    Instant.parse(n.path("downloaded").asText(Instant.EPOCH.toString()))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
