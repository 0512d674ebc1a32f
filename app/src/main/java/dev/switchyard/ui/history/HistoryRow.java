package dev.switchyard.ui.history;

import dev.switchyard.app.history.RunPrompts.RunPrompt;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunStatus;
import java.time.Instant;

/**
 * One line of the history table: a stored run, its model's name as Compare shows it ("Intent model
 * (customer-support)"), the model as "provider/model" (as exports name it) and the run's prompt split into its
 * saved prompt, system and user messages.
 */
public record HistoryRow(Run run, String modelName, String modelRef, RunPrompt prompt) {

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

    /** The user message on one line, cut to {@code max} characters: what tells runs of one system prompt apart. */
    public String promptPreview(int max) {
        String oneLine = prompt.user().replaceAll("\\s+", " ").strip();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }
}
