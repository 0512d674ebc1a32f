package dev.switchyard.ui.history;

import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunStatus;
import java.time.Instant;

/** One line of the history table: a stored run and its model's readable name. */
public record HistoryRow(Run run, String modelName) {

    public long id() {
        return run.id();
    }

    public Instant createdAt() {
        return run.createdAt();
    }

    public RunStatus status() {
        return run.status();
    }

    public Long comparisonId() {
        return run.comparisonId();
    }

    /** The prompt on one line, cut to {@code max} characters. */
    public String promptPreview(int max) {
        String oneLine = run.promptText().replaceAll("\\s+", " ").strip();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }
}
