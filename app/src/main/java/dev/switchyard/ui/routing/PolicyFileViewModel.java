package dev.switchyard.ui.routing;

import dev.switchyard.app.routing.Policy;
import dev.switchyard.app.routing.PolicyFile;
import dev.switchyard.app.routing.PolicyJson;
import dev.switchyard.app.routing.Problem;
import dev.switchyard.app.routing.edit.DesignerBackend;
import dev.switchyard.ui.UnsavedChoice;
import dev.switchyard.ui.task.TaskRunner;
import dev.switchyard.workspace.model.PolicyVersion;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Policy files on the Routing screen. <b>Import</b> reads a JSON file as {@code switchyard policy validate} does
 * ({@link PolicyFile}, then the workspace's validator) and stores only a policy with no problem, as the next version
 * of the name the user confirms, then opens it in the designer — asking first about unsaved edits there. <b>Export</b>
 * writes the saved version the designer shows as the JSON that import and the CLI read back to an equal policy.
 * Sentences go to the Versions status line ({@link VersionsViewModel#statusProperty()}).
 */
public final class PolicyFileViewModel {

    /** Problems listed in one message before "and N more". */
    static final int SHOWN_PROBLEMS = 6;

    /**
     * The name question of an import: the file, the name proposed (the one in the file, else the file's name) and the
     * latest version of every saved policy, so the dialog can say what a typed name will do.
     */
    public record NameQuestion(String fileName, String proposed, Map<String, Integer> latest) {
        public NameQuestion {
            latest = Map.copyOf(latest);
        }

        /** What importing under {@code typed} does, in one sentence. */
        public String consequence(String typed) {
            String n = typed == null ? "" : typed.strip();
            if (n.isEmpty()) {
                return "Give the policy a name.";
            }
            Integer last = latest.get(n);
            if (last == null) {
                return "The file becomes version 1 of a new policy " + n + ".";
            }
            return "A policy named " + n + " exists: the file becomes its version " + (last + 1) + "; "
                    + (last == 1 ? "version 1 stays as it is." : "versions 1–" + last + " stay as they are.");
        }
    }

    private final TaskRunner tasks;
    private final DesignerViewModel designer;
    private final VersionsViewModel versions;
    private final Runnable showVersions;
    private DesignerBackend backend;
    private Function<NameQuestion, String> askName = NameQuestion::proposed;

    /** @param showVersions brings the Versions tab, where the status line and the new version are, into view */
    public PolicyFileViewModel(TaskRunner tasks, DesignerViewModel designer, VersionsViewModel versions,
                               Runnable showVersions) {
        this.tasks = tasks;
        this.designer = designer;
        this.versions = versions;
        this.showVersions = showVersions;
    }

    public void attach(DesignerBackend backend) {
        this.backend = backend;
    }

    /** Who names an imported policy (the view: a dialog proposing the name); null cancels the import. */
    public void setAskName(Function<NameQuestion, String> ask) {
        askName = ask;
    }

    /**
     * Who answers "Save changes to …?" before an import replaces unsaved edits (Save, Discard, Cancel): the same
     * question as New, Open and Restore ask ({@link VersionsViewModel#setAskToSave}).
     */
    public void setAskToSave(Function<String, UnsavedChoice> ask) {
        versions.setAskToSave(ask);
    }

    /** The file name Export proposes: the policy's name with {@code .json}. */
    public String suggestedFileName() {
        String n = versions.nameProperty().get() == null ? "" : versions.nameProperty().get().strip();
        n = n.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "-");
        return (n.isEmpty() ? "policy" : n) + ".json";
    }

    /**
     * Imports {@code file}: reads and checks it in the background; a file with problems changes nothing and the
     * status says what and where; else asks for the name, about unsaved edits, stores the next version and opens it.
     */
    public void importFrom(Path file) {
        DesignerBackend b = backend;
        String fileName = fileName(file);
        if (b == null) {
            versions.say("Open a workspace first.", true);
            return;
        }
        tasks.run("Reading " + fileName, () -> {
            PolicyJson.Parsed parsed = PolicyFile.parse(file);
            List<Problem> problems = parsed.policy() == null ? parsed.problems() : b.validate(parsed.policy());
            Map<String, Integer> latest = new LinkedHashMap<>();
            for (var p : b.store().list()) {
                latest.put(p.name(), b.store().version(p.name(), null).version());
            }
            return new Read(parsed.policy(), problems, latest);
        }, read -> {
            showVersions.run();
            if (!read.problems().isEmpty()) {
                versions.say(notImported(fileName, read.problems()), true);
                return;
            }
            String chosen = askName.apply(new NameQuestion(fileName, PolicyFile.proposedName(read.policy(), file),
                    read.latest()));
            if (chosen == null) {
                versions.say("Import of " + fileName + " cancelled: nothing changed.", false);
                return;
            }
            String name = chosen.strip();
            if (name.isEmpty()) {
                versions.say(fileName + " was not imported: give the policy a name.", true);
                return;
            }
            versions.leaveDesigner("opening " + fileName, "Import of " + fileName, () -> store(b, read.policy(), name, fileName));
        }, e -> {
            showVersions.run();
            versions.say(fileName + " was not imported: " + e.getMessage(), true);
        });
    }

    private record Read(Policy policy, List<Problem> problems, Map<String, Integer> latest) {
    }

    /** "team.json was not imported: …" with each problem at its JSON path (line and column for bad JSON). */
    static String notImported(String fileName, List<Problem> problems) {
        StringBuilder sb = new StringBuilder(fileName).append(" was not imported")
                .append(problems.size() == 1 ? ": " : " (" + problems.size() + " problems):");
        for (int i = 0; i < Math.min(SHOWN_PROBLEMS, problems.size()); i++) {
            Problem p = problems.get(i);
            String line = p.path().isEmpty() ? p.message() : "at " + p.path() + ": " + p.message();
            sb.append(problems.size() == 1 ? "" : "\n• ").append(line);
        }
        if (problems.size() > SHOWN_PROBLEMS) {
            sb.append("\n… and ").append(problems.size() - SHOWN_PROBLEMS).append(" more (switchyard policy validate ")
                    .append(fileName).append(" lists them all).");
        }
        return sb.toString();
    }

    private void store(DesignerBackend b, Policy policy, String name, String fileName) {
        tasks.run("Importing " + fileName, () -> {
            PolicyVersion v = b.store().save(name, policy, "imported from " + fileName);
            return new Stored(v, PolicyJson.read(v.bodyJson()));
        }, s -> {
            versions.show(name, s.policy(), s.version().version());
            versions.say("Imported " + fileName + " as " + name + " version " + s.version().version() + ".", false);
        }, e -> versions.say(fileName + " was not imported: " + e.getMessage(), true));
    }

    private record Stored(PolicyVersion version, Policy policy) {
    }

    /**
     * Writes the saved version the designer shows to {@code file} (as {@code policy show} prints it, which
     * {@code policy validate} and Import read back to the same policy); unsaved edits are not in it, and the status
     * says so.
     */
    public void exportTo(Path file) {
        DesignerBackend b = backend;
        String name = versions.nameProperty().get() == null ? "" : versions.nameProperty().get().strip();
        Integer version = versions.shownVersionProperty().get();
        showVersions.run();
        if (b == null) {
            versions.say("Open a workspace first.", true);
            return;
        }
        if (version == null || !versions.policies().contains(name)) {
            versions.say("Save a version first: Export writes a saved version of the policy, and "
                    + (name.isEmpty() ? "this one" : name) + " has none yet.", true);
            return;
        }
        boolean edited = designer.dirtyProperty().get();
        tasks.run("Exporting " + name, () -> {
            PolicyFile.write(file, PolicyJson.read(b.store().version(name, version).bodyJson()));
            return file.toAbsolutePath();
        }, written -> versions.say("Exported " + name + " version " + version + " to " + written + "."
                + (edited ? " Your unsaved changes are not in it: save a version to export them." : ""), false),
                e -> versions.say("Could not export " + name + " to " + file.toAbsolutePath() + ": " + why(e), true));
    }

    private static String why(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied.";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "the folder does not exist.";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() + "." : e.getMessage();
    }

    private static String fileName(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }
}
