package dev.switchyard.workspace.model;

/** What a model accepts: streaming, a system prompt, a temperature, and whether it reasons before answering. */
public record Capabilities(boolean streaming, boolean systemPrompt, boolean temperature, boolean reasoning) {

    /** A typical chat model: streams, takes a system prompt and a temperature, no hidden reasoning. */
    public static final Capabilities CHAT = new Capabilities(true, true, true, false);
}
