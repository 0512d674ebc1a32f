package dev.switchyard.app.engine;

/**
 * A run that did not complete: a stable kind (for storage and routing, e.g. {@code rate_limit},
 * {@code first_token_timeout}, {@code cancelled}), one sentence a user can act on, and the partial result.
 */
public record EngineFailure(String kind, String userMessage, EngineResult partial) {
}
