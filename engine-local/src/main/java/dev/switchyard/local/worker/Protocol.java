package dev.switchyard.local.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.local.LocalEngineException;
import dev.switchyard.local.LocalResult;
import dev.switchyard.local.ModelInfo;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The worker's wire format: one JSON object per line on stdin (commands) and stdout (events).
 * See the README's "Worker protocol" table.
 */
final class Protocol {
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Protocol() {
    }

    static ObjectNode obj() {
        return JSON.createObjectNode();
    }

    static String line(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }

    static <T> T read(JsonNode node, Class<T> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode info(ModelInfo i) {
        ObjectNode n = (ObjectNode) tree(i);
        n.put("folder", i.folder().toString());
        n.put("modelFile", i.modelFile().toString());
        return n;
    }

    static ModelInfo info(JsonNode n) {
        List<String> variants = new ArrayList<>();
        n.path("variants").forEach(v -> variants.add(v.asText()));
        List<Long> eos = new ArrayList<>();
        n.path("eosTokenIds").forEach(v -> eos.add(v.asLong()));
        return new ModelInfo(Path.of(n.path("folder").asText()), Path.of(n.path("modelFile").asText()), variants,
                n.path("layout").asText(), n.path("name").asText(), n.path("family").asText(), n.path("modelType").asText(),
                n.path("layers").asInt(), n.path("kvHeads").asInt(), n.path("headDim").asInt(), n.path("vocabSize").asInt(),
                n.path("tokenizerVocab").asInt(), n.path("contextLength").asInt(), eos, n.path("fileBytes").asLong(),
                n.path("loadMillis").asLong(), n.path("graph").asText(""));
    }

    static ObjectNode error(String id, LocalEngineException e) {
        ObjectNode n = obj().put("id", id).put("type", "error").put("kind", e.kind().name()).put("message", e.getMessage());
        if (e.detail() != null) {
            n.put("detail", e.detail());
        }
        e.partial().ifPresent(p -> n.set("partial", tree(p)));
        return n;
    }

    static LocalEngineException error(JsonNode n) {
        LocalEngineException.Kind kind;
        try {
            kind = LocalEngineException.Kind.valueOf(n.path("kind").asText());
        } catch (IllegalArgumentException e) {
            kind = LocalEngineException.Kind.RUNTIME_FAILURE;
        }
        LocalResult partial = n.hasNonNull("partial") ? read(n.get("partial"), LocalResult.class) : null;
        return new LocalEngineException(kind, n.path("message").asText(), partial, null,
                n.hasNonNull("detail") ? n.get("detail").asText() : null);
    }
}
