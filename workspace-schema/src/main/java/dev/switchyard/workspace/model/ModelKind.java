package dev.switchyard.workspace.model;

/** What a model is used for. */
public enum ModelKind implements Coded {
    CLOUD("cloud"),
    LOCAL_GENERATIVE("local-generative"),
    LOCAL_INTENT("local-intent");

    private final String code;

    ModelKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static ModelKind of(String code) {
        return Coded.parse(ModelKind.class, code);
    }
}
