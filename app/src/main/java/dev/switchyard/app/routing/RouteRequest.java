package dev.switchyard.app.routing;

import java.util.Map;

/**
 * What is routed: the user prompt (system text is not routed on) and request metadata for
 * {@link Condition.Metadata} (e.g. {@code channel=voice}).
 */
public record RouteRequest(String prompt, Map<String, String> metadata) {

    public RouteRequest {
        prompt = prompt == null ? "" : prompt;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public static RouteRequest of(String prompt) {
        return new RouteRequest(prompt, Map.of());
    }
}
