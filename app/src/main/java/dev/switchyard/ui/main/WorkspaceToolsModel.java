package dev.switchyard.ui.main;

import dev.switchyard.ui.task.TaskRunner;
import dev.switchyard.workspace.CheckReport;
import dev.switchyard.workspace.ImportReport;
import dev.switchyard.workspace.Workspace;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Workspace screen's tools, as the CLI's {@code workspace export|import|check} do them: export the open workspace
 * to one JSON file (no secrets), merge such a file into it (by uid: nothing twice), and check its integrity. Each runs
 * off the UI thread and ends in one sentence, with the import report's or the check's lines below it.
 */
public final class WorkspaceToolsModel {

    private final TaskRunner tasks;
    private final MainViewModel main;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<String> details = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    public WorkspaceToolsModel(TaskRunner tasks, MainViewModel main) {
        this.tasks = tasks;
        this.main = main;
    }

    /** One sentence: what the last tool did, or why it could not. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    /** The import report's lines or the check's problems. */
    public ObservableList<String> details() { return details; }

    /** True while a tool runs (the buttons wait). */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /** Writes the whole workspace to {@code file} (a failed export leaves no file behind). */
    public void export(Path file) {
        Workspace ws = start("Exporting");
        if (ws == null) {
            return;
        }
        tasks.run("Export workspace", () -> ws.exportTo(file),
                bytes -> done(String.format("Exported %s to %s (%,d bytes). It holds no keys: providers name where theirs"
                        + " live.", ws.name(), file.getFileName(), bytes), List.of()),
                e -> done("Could not export to " + file + ": " + reason(e), List.of()));
    }

    /** Merges a file written by Export (or {@code switchyard workspace export}) into the open workspace. */
    public void importFrom(Path file) {
        Workspace ws = start("Importing");
        if (ws == null) {
            return;
        }
        tasks.run("Import into workspace", () -> {
            try (InputStream in = Files.newInputStream(file)) {
                return ws.importFrom(in);
            }
        }, report -> {
            done(summary(report, file), report.lines());
            main.refresh(); // counts, and every screen's lists
        }, e -> done(e instanceof NoSuchFileException ? "No such file: " + file + "."
                : "Could not import " + file + ": " + reason(e), List.of()));
    }

    /** Runs the integrity, foreign-key, migration and text-index checks (seconds on a large file). */
    public void check() {
        Workspace ws = start("Checking");
        if (ws == null) {
            return;
        }
        tasks.run("Check workspace", ws::check, (CheckReport r) -> done(r.ok() ? "Checked " + ws.name()
                + ": no problems found." : "Checked " + ws.name() + ": " + r.problems().size()
                + (r.problems().size() == 1 ? " problem" : " problems") + " (below).", r.problems()),
                e -> done("Could not check the workspace: " + reason(e), List.of()));
    }

    private Workspace start(String what) {
        Workspace ws = main.workspace();
        if (ws == null) {
            message.set("Open a workspace first.");
            return null;
        }
        if (busy.get()) {
            message.set("Wait for the running task to finish.");
            return null;
        }
        busy.set(true);
        details.clear();
        message.set(what + " " + ws.name() + " …");
        return ws;
    }

    private void done(String sentence, List<String> lines) {
        busy.set(false);
        message.set(sentence);
        details.setAll(lines);
    }

    private static String summary(ImportReport r, Path file) {
        if (!r.applied()) {
            return "Nothing was imported from " + file.getFileName() + " (below).";
        }
        int present = r.alreadyPresent().values().stream().mapToInt(Integer::intValue).sum();
        return String.format(java.util.Locale.ROOT, "Imported %s: %,d rows added, %,d already here%s.", file.getFileName(), r.addedTotal(), present,
                r.refused().isEmpty() ? "" : ", " + r.refused().size() + " refused (below)");
    }

    private static String reason(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
