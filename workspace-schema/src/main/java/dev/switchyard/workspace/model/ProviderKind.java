package dev.switchyard.workspace.model;

/** How Switchyard talks to a provider. */
public enum ProviderKind implements Coded {
    OPENAI_COMPATIBLE("openai-compatible"),
    ANTHROPIC("anthropic"),
    LOCAL("local");

    private final String code;

    ProviderKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static ProviderKind of(String code) {
        return Coded.parse(ProviderKind.class, code);
    }
}
