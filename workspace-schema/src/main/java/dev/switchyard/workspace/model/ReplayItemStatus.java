package dev.switchyard.workspace.model;

/** State of one dataset item within a replay; DONE, FAILED and SKIPPED count as finished. */
public enum ReplayItemStatus implements Coded {
    PENDING("PENDING"),
    DONE("DONE"),
    FAILED("FAILED"),
    SKIPPED("SKIPPED");

    private final String code;

    ReplayItemStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static ReplayItemStatus of(String code) {
        return Coded.parse(ReplayItemStatus.class, code);
    }

    /** True for items a resumed replay must not redo. */
    public boolean isFinished() {
        return this != PENDING;
    }
}
