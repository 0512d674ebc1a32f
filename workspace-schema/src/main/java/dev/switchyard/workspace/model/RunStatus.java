package dev.switchyard.workspace.model;

/** Life cycle of a run; CREATED and STREAMING are the only non-terminal states. */
public enum RunStatus implements Coded {
    CREATED("CREATED"),
    STREAMING("STREAMING"),
    COMPLETED("COMPLETED"),
    INCOMPLETE("INCOMPLETE"),
    CANCELLED("CANCELLED"),
    FAILED("FAILED");

    private final String code;

    RunStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static RunStatus of(String code) {
        return Coded.parse(RunStatus.class, code);
    }

    /** True once the run can no longer change (every state but CREATED and STREAMING). */
    public boolean isTerminal() {
        return this != CREATED && this != STREAMING;
    }
}
