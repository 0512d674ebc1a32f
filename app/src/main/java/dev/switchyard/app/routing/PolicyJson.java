package dev.switchyard.app.routing;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Locale;

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
            if (version != null && version.canConvertToInt() && version.isIntegralNumber()
                    && version.asInt() > Policy.SCHEMA_VERSION) {
                return fail("/schema_version", "This policy is in a newer format (schema_version " + version.asInt()
                        + ") than this Switchyard reads (" + Policy.SCHEMA_VERSION + "): open it with a newer Switchyard.");
            }
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

    /**
     * The problem in the policy's words, never Jackson's (no Java class names, no "POJO property"): an unknown or
     * missing type with the types there are, a value of the wrong kind with what is expected, an unknown field.
     */
    static String message(JsonMappingException e) {
        if (e instanceof InvalidTypeIdException t) {
            String what = t.getBaseType() == null ? "" : t.getBaseType().getRawClass().getSimpleName().toLowerCase(Locale.ROOT);
            String kinds = typeNames(t.getBaseType() == null ? null : t.getBaseType().getRawClass());
            String known = kinds.isEmpty() ? "" : "; a" + (what.startsWith("a") ? "n " : " ") + what + "'s type is one of " + kinds;
            return (t.getTypeId() == null ? "\"type\" is missing" : "Unknown " + (what.isEmpty() ? "" : what + " ")
                    + "type \"" + t.getTypeId() + "\"") + known + " (ROUTING.md).";
        }
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = u.getKnownPropertyIds() == null ? List.of()
                    : u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            return "Unknown field \"" + u.getPropertyName() + "\"" + (known.isEmpty() ? "" : "; the fields here are "
                    + String.join(", ", known)) + ".";
        }
        if (e instanceof InvalidFormatException f) {
            return shown(f.getValue()) + " is not " + expected(f.getTargetType()) + ".";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "Expected " + expected(m.getTargetType()) + " here.";
        }
        String m = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        return "Wrong value: " + firstLine(m).replaceAll(" \\(for POJO property [^)]*\\)", "")
                .replaceAll("`?(?:[a-z]+\\.)+([A-Z]\\w*)(?:\\$(\\w+))?`?", "$1$2") + ".";
    }

    /** The type names a polymorphic policy type takes ({@code @JsonSubTypes}), sorted; empty when unknown. */
    private static String typeNames(Class<?> base) {
        JsonSubTypes sub = base == null ? null : base.getAnnotation(JsonSubTypes.class);
        return sub == null ? "" : String.join(", ", java.util.Arrays.stream(sub.value()).map(JsonSubTypes.Type::name)
                .sorted().toList());
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of the right kind";
        }
        if (type.isEnum()) {
            List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(c -> {
                try {
                    JsonProperty p = type.getField(((Enum<?>) c).name()).getAnnotation(JsonProperty.class);
                    return p == null ? ((Enum<?>) c).name().toLowerCase(Locale.ROOT) : p.value();
                } catch (NoSuchFieldException x) {
                    return ((Enum<?>) c).name().toLowerCase(Locale.ROOT);
                }
            }).toList();
            return "one of " + String.join(", ", names);
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a text";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    private static String shown(Object value) {
        String s = String.valueOf(value);
        s = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return value instanceof String ? "\"" + s + "\"" : s;
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
