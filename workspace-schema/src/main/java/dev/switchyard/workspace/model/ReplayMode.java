package dev.switchyard.workspace.model;

/** A replay either calls the models (live) or reuses stored runs (cached). */
public enum ReplayMode implements Coded {
    LIVE("live"),
    CACHED("cached");

    private final String code;

    ReplayMode(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static ReplayMode of(String code) {
        return Coded.parse(ReplayMode.class, code);
    }
}
