package dev.switchyard.local.intent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes intent sets as JSON:
 * <pre>{@code
 * {
 *   "format": "switchyard-intents", "version": 1,
 *   "name": "smart-home", "description": "…",
 *   "intents": [
 *     { "name": "lights_on", "examples": ["turn on the lights", …], "responseTemplate": "Turning on the {{room|}} lights." }
 *   ]
 * }
 * }</pre>
 * {@code format} and {@code version} are optional on read (when present they must be
 * {@code switchyard-intents} / 1); unknown fields are ignored. Errors are {@link IntentException}
 * of kind {@code INVALID_INTENT_SET} naming the offending intent or field.
 */
public final class IntentSets {

    public static final String FORMAT = "switchyard-intents";
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private IntentSets() {
    }

    /** Parses an intent set; the stream is not closed. */
    public static IntentSet load(InputStream in) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw invalid("The intent set is not valid JSON (line " + e.getLocation().getLineNr() + "): "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IntentException(IntentException.Kind.IO, "Could not read the intent set: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw invalid("The intent set must be a JSON object with \"name\" and \"intents\".", null);
        }
        if (root.has("format") && !FORMAT.equals(root.get("format").asText())) {
            throw invalid("The file is not an intent set (format is \"" + root.get("format").asText()
                    + "\", expected \"" + FORMAT + "\").", null);
        }
        if (root.has("version") && root.get("version").asInt(-1) != VERSION) {
            throw invalid("Intent set version " + root.get("version") + " is not supported (expected " + VERSION + ").", null);
        }
        String name = text(root, "name", "the intent set");
        JsonNode intentsNode = root.get("intents");
        if (intentsNode == null || !intentsNode.isArray() || intentsNode.isEmpty()) {
            throw invalid("Intent set '" + name + "' needs a non-empty \"intents\" array.", null);
        }
        List<Intent> intents = new ArrayList<>();
        int index = 0;
        for (JsonNode node : intentsNode) {
            index++;
            String where = "intent #" + index + " of set '" + name + "'";
            if (!node.isObject()) {
                throw invalid("The " + where + " must be a JSON object.", null);
            }
            String intentName = text(node, "name", where);
            where = "intent '" + intentName + "' of set '" + name + "'";
            JsonNode examples = node.get("examples");
            if (examples == null || !examples.isArray() || examples.isEmpty()) {
                throw invalid("The " + where + " needs a non-empty \"examples\" array of strings.", null);
            }
            List<String> list = new ArrayList<>();
            for (JsonNode e : examples) {
                if (!e.isTextual() || e.asText().isBlank()) {
                    throw invalid("The " + where + " has an example that is not a non-blank string.", null);
                }
                list.add(e.asText());
            }
            JsonNode template = node.get("responseTemplate");
            if (template != null && !template.isNull() && !template.isTextual()) {
                throw invalid("The \"responseTemplate\" of " + where + " must be a string.", null);
            }
            intents.add(new Intent(intentName, list, template == null || template.isNull() ? "" : template.asText()));
        }
        try {
            return new IntentSet(name, root.path("description").asText(""), intents);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage(), e);
        }
    }

    /** Parses the intent-set file at {@code file}. */
    public static IntentSet load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        } catch (IOException e) {
            throw new IntentException(IntentException.Kind.IO, "Could not read the intent set " + file + ": " + e.getMessage(), e);
        } catch (IntentException e) {
            throw new IntentException(e.kind(), file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code set} as pretty-printed JSON; the stream is not closed. */
    public static void write(IntentSet set, OutputStream out) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("name", set.name());
        root.put("description", set.description());
        ArrayNode intents = root.putArray("intents");
        for (Intent i : set.intents()) {
            ObjectNode n = intents.addObject();
            n.put("name", i.name());
            ArrayNode ex = n.putArray("examples");
            i.examples().forEach(ex::add);
            n.put("responseTemplate", i.responseTemplate());
        }
        try {
            MAPPER.writer().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .writeValue(out, root);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new IntentException(IntentException.Kind.IO, "Could not write intent set '" + set.name() + "': " + e.getMessage(), e);
        }
    }

    /** Writes {@code set} to {@code file} atomically (temporary file, then rename). */
    public static void write(IntentSet set, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(set, out);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IntentException(IntentException.Kind.IO, "Could not write the intent set " + file + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw invalid("The " + where + " needs a non-blank string \"" + field + "\".", null);
        }
        return v.asText();
    }

    private static IntentException invalid(String message, Throwable cause) {
        return new IntentException(IntentException.Kind.INVALID_INTENT_SET, message, cause);
    }
}
