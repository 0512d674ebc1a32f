package dev.switchyard.workspace.model;

/** Life cycle of a replay. */
public enum ReplayStatus implements Coded {
    RUNNING("RUNNING"),
    PAUSED("PAUSED"),
    COMPLETED("COMPLETED"),
    CANCELLED("CANCELLED"),
    FAILED("FAILED");

    private final String code;

    ReplayStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static ReplayStatus of(String code) {
        return Coded.parse(ReplayStatus.class, code);
    }
}
