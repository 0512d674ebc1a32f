package dev.switchyard.app.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How one condition was evaluated.
 *
 * @param path     JSON pointer of the condition in the policy
 * @param type     condition type ("prompt_tokens", "any"…)
 * @param test     what it tests, readable ("tokens > 200")
 * @param observed the value seen ("231"), null for combinators
 * @param passed   whether it held
 * @param micros   time taken, microseconds (features computed here count here)
 * @param error    why it could not be evaluated (it then fails), null if it could
 * @param children evaluated children of all/any/not (short-circuited ones are left out)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConditionTrace(String path, String type, String test, String observed, boolean passed, double micros,
                             String error, List<ConditionTrace> children) {

    public ConditionTrace {
        children = children == null || children.isEmpty() ? null : List.copyOf(children);
    }
}
