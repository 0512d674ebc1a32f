package dev.switchyard.app.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * A typed test on a prompt's features or the environment; combined with {@link All}, {@link Any} and
 * {@link Not}. JSON: an object whose {@code type} names the record (see ROUTING.md). Records never throw on
 * odd values: {@link PolicyValidator} reports them with their path.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Condition.PromptTokens.class, name = "prompt_tokens"),
    @JsonSubTypes.Type(value = Condition.PromptChars.class, name = "prompt_chars"),
    @JsonSubTypes.Type(value = Condition.Keywords.class, name = "keywords"),
    @JsonSubTypes.Type(value = Condition.Regex.class, name = "regex"),
    @JsonSubTypes.Type(value = Condition.Intent.class, name = "intent"),
    @JsonSubTypes.Type(value = Condition.Similarity.class, name = "similarity"),
    @JsonSubTypes.Type(value = Condition.Complexity.class, name = "complexity"),
    @JsonSubTypes.Type(value = Condition.HasCode.class, name = "has_code"),
    @JsonSubTypes.Type(value = Condition.Language.class, name = "language"),
    @JsonSubTypes.Type(value = Condition.Network.class, name = "network"),
    @JsonSubTypes.Type(value = Condition.Budget.class, name = "budget"),
    @JsonSubTypes.Type(value = Condition.Metadata.class, name = "metadata"),
    @JsonSubTypes.Type(value = Condition.All.class, name = "all"),
    @JsonSubTypes.Type(value = Condition.Any.class, name = "any"),
    @JsonSubTypes.Type(value = Condition.Not.class, name = "not")})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface Condition {

    /** Prompt tokens counted with {@code model}'s tokenizer (or estimator); no model: the o200k estimator. */
    record PromptTokens(Op op, long value, String model) implements Condition {
    }

    /** Prompt length in characters (code points). */
    record PromptChars(Op op, long value) implements Condition {
    }

    /** Whole-word, case-insensitive keywords or phrases: any of them (default) or all of them. */
    record Keywords(List<String> words, Match match) implements Condition {
        public Keywords {
            words = words == null ? List.of() : List.copyOf(words);
            match = match == null ? Match.ANY : match;
        }
    }

    /** Any / all. */
    enum Match {
        @JsonProperty("any") ANY,
        @JsonProperty("all") ALL
    }

    /** A Java regular expression found in the prompt (first {@link SafeRegex#MAX_INPUT} chars, time-guarded). */
    record Regex(String pattern, @JsonProperty("ignore_case") Boolean ignoreCase) implements Condition {
        public Regex {
            ignoreCase = ignoreCase != null && ignoreCase;
        }
    }

    /**
     * The embedded intent model's match over a workspace intent set: the best intent (or {@code intent}
     * when named, which must then be among the top three) with at least {@code minConfidence}.
     */
    record Intent(@JsonProperty("intent_set") String intentSet, String intent,
                  @JsonProperty("min_confidence") double minConfidence) implements Condition {
    }

    /** Highest cosine similarity of the prompt to the examples of a named example set of the policy. */
    record Similarity(@JsonProperty("example_set") String exampleSet,
                      @JsonProperty("min_similarity") double minSimilarity) implements Condition {
    }

    /** The calibrated complexity score, 0–1 ({@link ComplexityModel}). */
    record Complexity(Op op, double value) implements Condition {
    }

    /** Whether the prompt contains code ({@link CodeDetector}); value defaults to true. */
    record HasCode(Boolean value) implements Condition {
        public HasCode {
            value = value == null || value;
        }
    }

    /** The detected language (ISO 639-1, or "unknown") is one of these. */
    record Language(List<String> languages) implements Condition {
        public Language {
            languages = languages == null ? List.of() : List.copyOf(languages);
        }
    }

    /** The real network state. */
    record Network(Connectivity state) implements Condition {
    }

    /** Online / offline. */
    enum Connectivity {
        @JsonProperty("online") ONLINE,
        @JsonProperty("offline") OFFLINE
    }

    /** Remaining budget = {@code limitUsd} − the workspace's spend in the budget period, compared with {@code value}. */
    record Budget(@JsonProperty("limit_usd") double limitUsd, Op op, double value) implements Condition {
    }

    /** Request metadata {@code key} equals {@code value} (case-sensitive); no value: the key is present. */
    record Metadata(String key, String value) implements Condition {
    }

    /** Every child holds (an empty list holds). */
    record All(List<Condition> all) implements Condition {
        public All {
            all = all == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(all));
        }
    }

    /** At least one child holds (an empty list does not). */
    record Any(List<Condition> any) implements Condition {
        public Any {
            any = any == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(any));
        }
    }

    /** The child does not hold. */
    record Not(Condition not) implements Condition {
    }

    /** The JSON type name of a condition ("prompt_tokens", "all"…). */
    static String typeName(Condition c) {
        return TypeNames.of(Condition.class, c);
    }
}
