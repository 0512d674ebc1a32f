package dev.switchyard.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.app.AppContext;
import dev.switchyard.app.routing.JsonDiff;
import dev.switchyard.app.routing.PolicyJson;
import dev.switchyard.app.routing.PolicyStore;
import dev.switchyard.app.routing.PolicyTemplates;
import dev.switchyard.app.routing.Problem;
import dev.switchyard.app.routing.RoutingException;
import dev.switchyard.app.routing.WorkspaceRouting;
import dev.switchyard.app.routing.NetworkState;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.PolicyVersion;
import dev.switchyard.workspace.repo.SettingsRepository;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code switchyard policy …}: validate, save (a new version), list, show, diff, restore, templates. */
@Command(name = "policy", mixinStandardHelpOptions = true, description = "Routing policies and their versions.",
        subcommands = {PolicyCommand.Validate.class, PolicyCommand.ListPolicies.class, PolicyCommand.Show.class,
            PolicyCommand.Save.class, PolicyCommand.Diff.class, PolicyCommand.Restore.class, PolicyCommand.Templates.class})
final class PolicyCommand {

    private PolicyCommand() {
    }

    /** What every sub-command shares. */
    abstract static class Base extends AppCommand {

        @Override
        public Integer call() {
            AppContext app = app();
            try (Workspace ws = workspace.open()) {
                app.prepare(ws);
                return run(app, ws, new PolicyStore(ws), CliContext.out(spec));
            } catch (RoutingException e) {
                throw new CliException(ExitCodes.INPUT, e.getMessage(), e);
            }
        }

        abstract int run(AppContext app, Workspace ws, PolicyStore store, PrintWriter out);

        int problems(List<Problem> problems, PrintWriter out, ObjectNode node) {
            node.put("ok", problems.isEmpty());
            node.set("problems", RouteCommand.problemsJson(problems));
            if (json) {
                CliContext.printJson(spec, node);
            } else {
                problems.forEach(p -> out.println(p));
                out.flush();
            }
            return problems.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    @Command(name = "validate", description = "Check a policy file against the workspace; exit 1 listing each problem with its path.")
    static final class Validate extends Base {
        @Parameters(paramLabel = "<file>")
        Path file;

        @Override
        int run(AppContext app, Workspace ws, PolicyStore store, PrintWriter out) {
            List<Problem> problems = new WorkspaceRouting(app, ws, NetworkState.ONLINE).validator()
                    .validate(PolicySource.readText(file));
            if (problems.isEmpty() && !json) {
                out.println(file + ": no problems.");
            }
            return problems(problems, out, CliContext.object().put("file", file.toString()));
        }
    }

    @Command(name = "save", description = "Save a policy file as the next version of a named policy "
            + "(nothing is saved when it is the same as the latest version).")
    static final class Save extends Base {
        @Parameters(paramLabel = "<file>")
        Path file;
        @Option(names = "--name", required = true, paramLabel = "<name>")
        String name;
        @Option(names = "--note", paramLabel = "<text>", description = "What changed.")
        String note;

        @Override
        int run(AppContext app, Workspace ws, PolicyStore store, PrintWriter out) {
            var policy = PolicySource.readFile(file);
            // the same as the latest version of the name: adding an identical version would only clutter the history
            PolicyVersion same = store.sameAsLatest(name, policy).orElse(null);
            PolicyVersion v = same != null ? same : store.save(name, policy, note);
            List<Problem> problems = new WorkspaceRouting(app, ws, NetworkState.ONLINE).validator().validate(
                    store.load(name));
            if (!json) {
                out.printf(same != null ? "Same as version %2$d of %1$s: nothing new to save.%3$s%n" : "Saved %s version %d.%s%n",
                        name, v.version(), problems.isEmpty() ? "" : " It has problems:");
            }
            problems(problems, out, CliContext.object().put("name", name).put("version", v.version())
                    .put("saved", same == null));
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "Saved policies with their latest version; the default is marked.")
    static final class ListPolicies extends Base {
        @Override
        int run(AppContext app, Workspace ws, PolicyStore store, PrintWriter out) {
            String def = ws.settings().get(SettingsRepository.DEFAULT_POLICY).orElse(null);
            ArrayNode a = CliContext.JSON.createArrayNode();
            for (var p : store.list()) {
                PolicyVersion latest = store.version(p.name(), null);
                a.addObject().put("name", p.name()).put("latest", latest.version()).put("note", latest.note())
                        .put("default", p.name().equals(def));
                if (!json) {
                    out.printf("%s%s  v%d  %s%n", p.name(), p.name().equals(def) ? " (default)" : "", latest.version(),
                            latest.note() == null ? "" : latest.note());
                }
            }
            if (json) {
                CliContext.printJson(spec, CliContext.object().set("policies", a));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "Print a saved policy's JSON (latest, or --version N) and its versions.")
    static final class Show extends Base {
        @Parameters(paramLabel = "<name>")
        String name;
        @Option(names = "--version", paramLabel = "N")
        Integer version;

        @Override
        int run(AppContext app, Workspace ws, PolicyStore store, PrintWriter out) {
            PolicyVersion v = store.version(name, version);
            if (json) {
                ObjectNode node = CliContext.object().put("name", name).put("version", v.version()).put("note", v.note());
                node.set("policy", PolicyJson.tree(PolicyJson.read(v.bodyJson())));
                ArrayNode versions = node.putArray("versions");
                store.versions(name).forEach(x -> versions.addObject().put("version", x.version()).put("note", x.note())
                        .put("created_at", x.createdAt().toString()));
                CliContext.printJson(spec, node);
            } else {
                // the policy file alone on standard output (show > p.json, edit, policy save p.json); the versions on
                // standard error, for the person at the terminal
                out.println(v.bodyJson());
                out.flush();
                PrintWriter err = CliContext.err(spec);
                err.printf("%s v%d of %d:%n", name, v.version(), store.versions(name).size());
                store.versions(name).forEach(x -> err.printf("  v%d  %s  %s%n", x.version(), x.createdAt(),
                        x.note() == null ? "" : x.note()));
                err.flush();
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "diff", description = "Structural differences between two versions, each at its JSON path.")
    static final class Diff extends Base {
        @Parameters(index = "0", paramLabel = "<name>")
        String name;
        @Parameters(index = "1", paramLabel = "<v1>")
        int from;
        @Parameters(index = "2", paramLabel = "<v2>")
        int to;

        @Override
        int run(AppContext app, Workspace ws, PolicyStore store, PrintWriter out) {
            List<JsonDiff.Change> changes = store.diff(name, from, to);
            if (json) {
                ArrayNode a = CliContext.JSON.createArrayNode();
                changes.forEach(c -> {
                    ObjectNode n = a.addObject().put("path", c.path()).put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
                    n.set("before", c.before());
                    n.set("after", c.after());
                });
                CliContext.printJson(spec, CliContext.object().put("name", name).put("from", from).put("to", to)
                        .set("changes", a));
            } else {
                changes.forEach(c -> out.printf("%s %s: %s → %s%n", switch (c.kind()) {
                    case ADDED -> "+";
                    case REMOVED -> "-";
                    case CHANGED -> "~";
                }, c.path(), c.before() == null ? "∅" : c.before(), c.after() == null ? "∅" : c.after()));
                if (changes.isEmpty()) {
                    out.println("No differences.");
                }
                out.flush();
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "restore", description = "Make a new version with the body of an old one.")
    static final class Restore extends Base {
        @Parameters(index = "0", paramLabel = "<name>")
        String name;
        @Parameters(index = "1", paramLabel = "<version>")
        int version;
        @Option(names = "--note", paramLabel = "<text>")
        String note;

        @Override
        int run(AppContext app, Workspace ws, PolicyStore store, PrintWriter out) {
            PolicyVersion v = store.restore(name, version, note);
            if (json) {
                CliContext.printJson(spec, CliContext.object().put("name", name).put("version", v.version())
                        .put("restored", version));
            } else {
                out.printf("Restored %s version %d as version %d.%n", name, version, v.version());
                out.flush();
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "templates", description = "The shipped templates and whether this workspace has models for their roles.")
    static final class Templates extends Base {
        @Option(names = "--show", paramLabel = "<template>", description = "Print one template's JSON.")
        String show;

        @Override
        int run(AppContext app, Workspace ws, PolicyStore store, PrintWriter out) {
            if (show != null) {
                out.println(PolicyTemplates.json(show));
                out.flush();
                return ExitCodes.OK;
            }
            WorkspaceRouting wr = new WorkspaceRouting(app, ws, NetworkState.ONLINE);
            ArrayNode a = CliContext.JSON.createArrayNode();
            for (String name : PolicyTemplates.NAMES) {
                var policy = PolicyTemplates.load(name);
                List<Problem> problems = wr.validator().validate(policy);
                ObjectNode n = a.addObject().put("name", name).put("description", policy.description());
                n.set("problems", RouteCommand.problemsJson(problems));
                if (!json) {
                    out.printf("%-17s %s%n", name, policy.description());
                    problems.forEach(p -> out.println("                  ! " + p));
                }
            }
            if (json) {
                CliContext.printJson(spec, CliContext.object().set("templates", a));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
