package dev.switchyard.app.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Where a prompt goes and why.
 *
 * @param policy    the policy's name
 * @param ruleIndex the matching rule, -1 for the default
 * @param ruleName  the matching rule's name (or "default")
 * @param action    the action taken (for a split: the split; {@link #targets()} has the chosen target)
 * @param targets   what will run, in order: route → [target]; split → [chosen]; cascade → [local, escalate];
 *                  fallback → the chain
 * @param why       one sentence: which rule matched on what
 * @param features  every prompt feature computed for this decision
 * @param trace     every rule, reached or not
 * @param micros    decision time in microseconds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Decision(String policy, @JsonProperty("rule_index") int ruleIndex, @JsonProperty("rule_name") String ruleName,
                       Action action, List<String> targets, String why, Map<String, Object> features,
                       List<RuleTrace> trace, double micros) {

    public Decision {
        targets = List.copyOf(targets);
        features = features == null ? Map.of() : features;
        trace = List.copyOf(trace);
    }

    /** The JSON type name of the action ("route", "cascade", "fallback", "split"). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String actionType() {
        return Action.typeName(action);
    }
}
