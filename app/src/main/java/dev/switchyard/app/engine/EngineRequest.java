package dev.switchyard.app.engine;

import java.util.Objects;

/**
 * What an engine is asked to answer: the rendered prompt (variables already substituted) and parameters.
 *
 * @param system system message, null or blank for none
 * @param user   the user message
 * @param params generation parameters
 */
public record EngineRequest(String system, String user, GenerationParams params) {

    public EngineRequest {
        Objects.requireNonNull(user, "user");
        params = params == null ? GenerationParams.DEFAULTS : params;
        system = system == null || system.isBlank() ? null : system;
    }

    /** What {@link #promptText} puts between the system message and the user message. */
    public static final String SEPARATOR = "\n\n";

    /** The prompt as one text, for history search and token estimates. */
    public String promptText() {
        return system == null ? user : system + SEPARATOR + user;
    }
}
