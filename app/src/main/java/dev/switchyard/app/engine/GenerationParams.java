package dev.switchyard.app.engine;

import java.util.List;

/**
 * Per-run generation parameters, the same for every engine; an engine drops what its model does not
 * take (for example temperature on a reasoning model).
 *
 * @param maxTokens   output cap, null = engine default
 * @param temperature null = model default
 * @param topP        null = model default
 * @param seed        null = none
 * @param stop        stop strings, may be empty
 */
public record GenerationParams(Integer maxTokens, Double temperature, Double topP, Long seed, List<String> stop) {

    public static final GenerationParams DEFAULTS = new GenerationParams(null, null, null, null, List.of());

    public GenerationParams {
        stop = stop == null ? List.of() : List.copyOf(stop);
        if (maxTokens != null && maxTokens <= 0) {
            throw new IllegalArgumentException("max tokens must be positive, was " + maxTokens);
        }
        if (temperature != null && (temperature < 0 || temperature > 2)) {
            throw new IllegalArgumentException("temperature must be between 0 and 2, was " + temperature);
        }
        if (topP != null && (topP <= 0 || topP > 1)) {
            throw new IllegalArgumentException("top-p must be in (0, 1], was " + topP);
        }
    }
}
