package dev.switchyard.app.routing;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One rule: when {@code when} holds (null = always), do {@code then}.
 *
 * @param name a label shown in traces (optional)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rule(String name, Condition when, Action then) {
}
