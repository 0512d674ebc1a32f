package dev.switchyard.cloud;

/**
 * A model listed by an endpoint's {@code GET /models}.
 *
 * @param id          the id to send as {@code model}
 * @param displayName a readable name (Anthropic's display_name, else the id)
 * @param ownedBy     owner as reported, may be null
 */
public record RemoteModel(String id, String displayName, String ownedBy) {
}
