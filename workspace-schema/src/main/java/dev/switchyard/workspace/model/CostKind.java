package dev.switchyard.workspace.model;

/** Where a run's cost comes from: a provider's price row or the user's device cost per hour. */
public enum CostKind implements Coded {
    API("api"),
    DEVICE("device");

    private final String code;

    CostKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static CostKind of(String code) {
        return Coded.parse(CostKind.class, code);
    }
}
