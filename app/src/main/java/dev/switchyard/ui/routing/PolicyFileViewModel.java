package dev.switchyard.ui.routing;

import dev.switchyard.app.routing.Policy;
import dev.switchyard.app.routing.PolicyFile;
import dev.switchyard.app.routing.PolicyJson;
import dev.switchyard.app.routing.PolicyValidator;
import dev.switchyard.app.routing.Problem;
import dev.switchyard.app.routing.edit.DesignerBackend;
import dev.switchyard.ui.UnsavedChoice;
import dev.switchyard.ui.task.TaskRunner;
import dev.switchyard.workspace.model.PolicyVersion;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Policy files on the Routing screen. <b>Import</b> reads a JSON file as {@code switchyard policy validate} does
 * ({@link PolicyFile}, then the validator) and stores it as the next version of the name the user confirms, then opens
 * it in the designer — asking first about unsaved edits there. The rule: a file is imported when it reads as a policy
 * and its only problems are ones this workspace causes — a model, a model for a role or an intent set it lacks (what
 * {@link PolicyValidator#validate} finds beyond {@link PolicyValidator#problemsInAnyWorkspace}); it is then a draft, as
 * {@code policy save} stores one, with those problems shown in the designer and listed in the status. A file that does
 * not read (not JSON, an unknown condition or action type, a wrong type, a newer {@code schema_version}, an unknown
 * field) or has a problem in any workspace (a regex that does not compile, weights not summing to 100, …) changes
 * nothing. A file the same as the latest version of the name is not stored again: that version opens.
 * <b>Export</b> writes the saved version the designer shows as the JSON that import and the CLI read back to an equal
 * policy. Sentences go to the Versions status line ({@link VersionsViewModel#statusProperty()}).
 */
public final class PolicyFileViewModel {

    /** Problems listed in one message before "and N more". */
    static final int SHOWN_PROBLEMS = 6;

    /**
     * The name question of an import: the file, the name proposed (the one in the file, else the file's name), the
     * latest version of every saved policy and the names whose latest version is the same as the file, so the dialog
     * can say what a typed name will do.
     */
    public record NameQuestion(String fileName, String proposed, Map<String, Integer> latest, Set<String> sameAsLatest) {
        public NameQuestion {
            latest = Map.copyOf(latest);
            sameAsLatest = Set.copyOf(sameAsLatest);
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
            if (sameAsLatest.contains(n)) {
                return "Version " + last + " of " + n + " is the same as the file: nothing new is saved, and version "
                        + last + " opens.";
            }
            return "A policy named " + n + " exists: the file becomes its version " + (last + 1) + "; "
                    + (last == 1 ? "version 1 stays as it is." : "versions 1–" + last + " stay as they are.");
        }
    }

    private final TaskRunner tasks;
    private final VersionsViewModel versions;
    private final Runnable showVersions;
    private DesignerBackend backend;
    private Function<NameQuestion, String> askName = NameQuestion::proposed;

    /** @param showVersions brings the Versions tab, where the status line and the new version are, into view */
    public PolicyFileViewModel(TaskRunner tasks, VersionsViewModel versions, Runnable showVersions) {
        this.tasks = tasks;
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

    /** The file name Export proposes: the name of the policy it exports (the saved one shown) with {@code .json}. */
    public String suggestedFileName() {
        String n = versions.savedNameProperty().get() == null ? "" : versions.savedNameProperty().get().strip();
        n = n.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "-");
        return (n.isEmpty() ? "policy" : n) + ".json";
    }

    /**
     * Imports {@code file}: reads and checks it in the background; a file that does not read or has problems in any
     * workspace changes nothing and the status says what and where; else asks for the name, about unsaved edits, stores
     * the next version (none when the latest is the same) and opens it, the status listing the problems this workspace
     * causes.
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
            if (parsed.policy() == null) {
                return new Read(null, parsed.problems(), Map.of(), Set.of());
            }
            // what only this workspace lacks (models, roles, intent sets) does not refuse the file: it is a draft here
            List<Problem> refusing = PolicyValidator.problemsInAnyWorkspace(parsed.policy());
            Map<String, Integer> latest = new LinkedHashMap<>();
            Set<String> same = new java.util.HashSet<>();
            for (var p : b.store().list()) {
                latest.put(p.name(), b.store().version(p.name(), null).version());
                if (b.store().sameAsLatest(p.name(), parsed.policy()).isPresent()) {
                    same.add(p.name());
                }
            }
            return new Read(parsed.policy(), refusing, latest, same);
        }, read -> {
            showVersions.run();
            if (!read.problems().isEmpty()) {
                versions.say(notImported(fileName, read.problems()), true);
                return;
            }
            String chosen = askName.apply(new NameQuestion(fileName, PolicyFile.proposedName(read.policy(), file),
                    read.latest(), read.same()));
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

    /** A file read: the policy (null when it does not read), the problems that refuse it, the saved policies. */
    private record Read(Policy policy, List<Problem> problems, Map<String, Integer> latest, Set<String> same) {
    }

    /** "team.json was not imported: …" with each problem at its JSON path (line and column for bad JSON). */
    static String notImported(String fileName, List<Problem> problems) {
        return listed(new StringBuilder(fileName).append(" was not imported")
                .append(problems.size() == 1 ? ": " : " (" + problems.size() + " problems):"), fileName, problems);
    }

    /**
     * "Imported team.json as version 2 of tiered with 2 problems: …" — the problems this workspace causes, each at its
     * JSON path, and what to add where; "… of tiered." when there are none.
     */
    static String imported(String head, String fileName, List<Problem> problems) {
        if (problems.isEmpty()) {
            return head + ".";
        }
        StringBuilder sb = new StringBuilder(head).append(" with ").append(problems.size())
                .append(problems.size() == 1 ? " problem: " : " problems:");
        listed(sb, fileName, problems);
        boolean intentSets = problems.stream().anyMatch(p -> p.path().endsWith("/intent_set"));
        boolean models = problems.stream().anyMatch(p -> !p.path().endsWith("/intent_set"));
        sb.append(problems.size() == 1 ? " " : "\n").append(models && intentSets
                ? "Add the models on the Models screen and the intent sets on the Intent sets screen"
                : models ? "Add the models on the Models screen" : "Add the intent sets on the Intent sets screen")
                .append("; the designer marks where each problem is.");
        return sb.toString();
    }

    private static String listed(StringBuilder sb, String fileName, List<Problem> problems) {
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

    /**
     * Stores {@code policy} as the next version of {@code name} — unless the latest version is the same, which is
     * opened instead — and opens it, saying which version it is and the problems this workspace causes.
     */
    private void store(DesignerBackend b, Policy policy, String name, String fileName) {
        tasks.run("Importing " + fileName, () -> {
            Optional<PolicyVersion> same = b.store().sameAsLatest(name, policy);
            PolicyVersion v = same.orElseGet(() -> b.store().save(name, policy, "imported from " + fileName));
            Policy stored = PolicyJson.read(v.bodyJson());
            return new Stored(v, stored, same.isPresent(), b.validate(stored));
        }, s -> {
            int version = s.version().version();
            versions.show(name, s.policy(), version);
            versions.say(imported(s.same() ? "Same as version " + version + " of " + name + ": nothing new to save from "
                    + fileName + "; version " + version + " is open"
                    : "Imported " + fileName + " as version " + version + " of " + name, fileName, s.problems()), false);
        }, e -> versions.say(fileName + " was not imported: " + e.getMessage(), true));
    }

    private record Stored(PolicyVersion version, Policy policy, boolean same, List<Problem> problems) {
    }

    /**
     * Writes the saved version the designer shows to {@code file} (as {@code policy show} prints it, which
     * {@code policy validate} and Import read back to the same policy); unsaved edits are not in it, and the status
     * says so.
     */
    public void exportTo(Path file) {
        DesignerBackend b = backend;
        // the saved version shown, under the name it was saved as: a name typed since is not saved (nor in the file)
        String name = versions.savedNameProperty().get() == null ? "" : versions.savedNameProperty().get().strip();
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
        boolean edited = versions.unsavedProperty().get();
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
