package dev.switchyard.app.replay.dataset;

/** A row that was not imported: its 1-based line in the file and why. */
public record ImportProblem(int line, String message) {
    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
