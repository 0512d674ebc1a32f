package dev.switchyard.app.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;

/**
 * Policy JSON in and out. Reading never throws: malformed, hostile or wrong-typed JSON gives
 * {@link Problem}s with the JSON-pointer path of the fault. Limits: 1 MB of text, nesting depth 64.
 */
public final class PolicyJson {

    /** Longest policy text accepted. */
    public static final int MAX_CHARS = 1_000_000;
    /** Deepest JSON nesting accepted (a condition tree of about 30 levels). */
    public static final int MAX_DEPTH = 64;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxNumberLength(100).maxStringLength(MAX_CHARS).build());
    }

    /** The result of reading: a policy (null when it could not be read) and the problems found reading it. */
    public record Parsed(Policy policy, List<Problem> problems) {
        public Parsed {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return policy != null && problems.isEmpty();
        }
    }

    private PolicyJson() {
    }

    /** The shared mapper (decisions, diffs and the CLI use it too). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static Parsed parse(String json) {
        if (json == null || json.isBlank()) {
            return fail("", "The policy is empty.");
        }
        if (json.length() > MAX_CHARS) {
            return fail("", "The policy is larger than 1 MB.");
        }
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (tree == null || !tree.isObject()) {
                return fail("", "A policy is a JSON object.");
            }
            JsonNode version = tree.get("schema_version");
            if (version == null || !version.canConvertToInt() || version.asInt() != Policy.SCHEMA_VERSION) {
                return fail("/schema_version", "schema_version must be " + Policy.SCHEMA_VERSION
                        + (version == null ? " (missing)." : ", not " + version + "."));
            }
            return new Parsed(MAPPER.treeToValue(tree, Policy.class), List.of());
        } catch (JsonMappingException e) {
            return fail(pointer(e), message(e));
        } catch (JsonProcessingException e) {
            return fail("", "The policy is not valid JSON: " + e.getOriginalMessage() + location(e) + ".");
        } catch (RuntimeException | StackOverflowError e) {
            return fail("", "The policy could not be read: " + e.getClass().getSimpleName() + ".");
        }
    }

    /** Reads a policy, or throws {@link RoutingException} listing the problems. */
    public static Policy read(String json) {
        Parsed p = parse(json);
        if (p.policy() == null) {
            throw new RoutingException(RoutingException.Kind.INVALID_POLICY, "The policy cannot be read: "
                    + String.join("; ", p.problems().stream().map(Problem::toString).toList()));
        }
        return p.policy();
    }

    public static String write(Policy policy) {
        return toJson(policy);
    }

    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write JSON", e);
        }
    }

    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    private static Parsed fail(String path, String message) {
        return new Parsed(null, List.of(new Problem(path, message)));
    }

    /** JSON pointer of the field a mapping error points at. */
    static String pointer(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            sb.append('/');
            if (r.getFieldName() != null) {
                sb.append(r.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else {
                sb.append(r.getIndex());
            }
        }
        return sb.toString();
    }

    private static String message(JsonMappingException e) {
        String m = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        if (m.contains("missing type id") || m.contains("Could not resolve type id")) {
            return "Unknown or missing \"type\" (" + firstLine(m) + "); see ROUTING.md for the condition and action types.";
        }
        return "Wrong value: " + firstLine(m) + ".";
    }

    private static String firstLine(String m) {
        int nl = m.indexOf('\n');
        String s = nl < 0 ? m : m.substring(0, nl);
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }
}
