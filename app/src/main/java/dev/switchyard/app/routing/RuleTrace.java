package dev.switchyard.app.routing;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How one rule was evaluated.
 *
 * @param index   0-based rule index
 * @param name    the rule's name, may be null
 * @param path    JSON pointer of the rule ({@code /rules/2})
 * @param reached false for rules after the matching one (not evaluated)
 * @param matched whether its condition held
 * @param micros  time taken, microseconds
 * @param when    the condition's trace (null when the rule has no condition or was not reached)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleTrace(int index, String name, String path, boolean reached, boolean matched, double micros,
                        ConditionTrace when) {
}
