package dev.switchyard.ui.history;

import dev.switchyard.workspace.model.RunStatus;
import java.util.Arrays;
import java.util.Set;

/**
 * How a run ended, in the words the History screen uses (Compare's: a cancelled run is "Stopped"), each covering the
 * stored statuses it stands for; the status filter offers these. Exports and the CLI keep the stored names.
 */
public enum RunState {
    COMPLETED("Completed", RunStatus.COMPLETED),
    STOPPED("Stopped", RunStatus.CANCELLED),
    INCOMPLETE("Incomplete", RunStatus.INCOMPLETE),
    FAILED("Failed", RunStatus.FAILED),
    RUNNING("Running", RunStatus.CREATED, RunStatus.STREAMING);

    private final String label;
    private final Set<RunStatus> statuses;

    RunState(String label, RunStatus... statuses) {
        this.label = label;
        this.statuses = Set.of(statuses);
    }

    public String label() {
        return label;
    }

    /** The stored statuses this state covers. */
    public Set<RunStatus> statuses() {
        return statuses;
    }

    public static RunState of(RunStatus status) {
        return Arrays.stream(values()).filter(s -> s.statuses.contains(status)).findFirst().orElseThrow();
    }
}
