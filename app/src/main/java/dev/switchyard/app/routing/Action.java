package dev.switchyard.app.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a matching rule (or the default) does with the prompt. Targets are model references as
 * {@code ModelDirectory.resolve} accepts them (uid, provider/model, model id, display name) or a role
 * placeholder such as {@code $cloud-cheap} ({@link TargetResolver}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Action.Route.class, name = "route"),
    @JsonSubTypes.Type(value = Action.Cascade.class, name = "cascade"),
    @JsonSubTypes.Type(value = Action.Fallback.class, name = "fallback"),
    @JsonSubTypes.Type(value = Action.Split.class, name = "split")})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface Action {

    /** Send the prompt to one target. */
    record Route(String target) implements Action {
    }

    /**
     * Run {@code local} first; keep its answer when {@code acceptIf} holds, else run {@code escalate}.
     */
    record Cascade(String local, @JsonProperty("accept_if") AcceptIf acceptIf, String escalate) implements Action {
    }

    /**
     * When the local answer is good enough; every condition given must hold (none given: always accept).
     *
     * @param minConfidence the intent model's confidence (from the local run's result) at least this, 0–1
     * @param regex         the answer contains a match of this regular expression
     * @param maxTokens     the answer has at most this many output tokens
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AcceptIf(@JsonProperty("min_confidence") Double minConfidence, String regex,
                    @JsonProperty("max_tokens") Integer maxTokens) {
    }

    /** Try the chain in order, moving on when a call fails as {@code on} says. */
    record Fallback(List<String> chain, On on) implements Action {
        public Fallback {
            chain = chain == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(chain));
            on = on == null ? On.DEFAULT : on;
        }
    }

    /**
     * When to move down a fallback chain.
     *
     * @param error      on any failed call (network, HTTP error, engine error)
     * @param timeoutMs  when the whole call takes longer (cancelled), null for no limit
     * @param ttftOverMs when no first token arrived within this many ms (cancelled), null for no limit
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record On(Boolean error, @JsonProperty("timeout_ms") Long timeoutMs,
              @JsonProperty("ttft_over_ms") Long ttftOverMs) {
        public static final On DEFAULT = new On(true, null, null);

        public On {
            error = error == null ? Boolean.TRUE : error;
        }
    }

    /** Weighted random choice, reproducible: the same seed and prompt always pick the same target. */
    record Split(List<Share> weights, Long seed) implements Action {
        public Split {
            seed = seed == null ? 0L : seed;
            weights = weights == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(weights));
        }
    }

    /** One target of a split and its weight in percent. */
    record Share(String target, int weight) {
    }

    /** The targets this action may run, in order. */
    static List<String> targets(Action a) {
        if (a instanceof Route r) {
            return Collections.singletonList(r.target());
        } else if (a instanceof Cascade c) {
            return java.util.Arrays.asList(c.local(), c.escalate());
        } else if (a instanceof Fallback f) {
            return f.chain();
        } else {
            return ((Split) a).weights().stream().map(s -> s == null ? null : s.target()).toList();
        }
    }

    /** The JSON type name ("route", "cascade"…). */
    static String typeName(Action a) {
        return TypeNames.of(Action.class, a);
    }
}
