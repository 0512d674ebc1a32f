package dev.switchyard.app.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A routing policy: ordered rules, first match wins, else {@code defaultAction}.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param exampleSets   named example prompts for {@link Condition.Similarity}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Policy(@JsonProperty("schema_version") int schemaVersion, String name, String description,
                     @JsonProperty("example_sets") Map<String, List<String>> exampleSets, List<Rule> rules,
                     @JsonProperty("default") Action defaultAction) {

    /** The JSON schema version this build reads and writes. */
    public static final int SCHEMA_VERSION = 1;

    public Policy {
        exampleSets = exampleSets == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(exampleSets));
        rules = rules == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(rules));
    }

    /** A policy of the current schema version. */
    public static Policy of(String name, List<Rule> rules, Action defaultAction) {
        return new Policy(SCHEMA_VERSION, name, null, Map.of(), rules, defaultAction);
    }
}
