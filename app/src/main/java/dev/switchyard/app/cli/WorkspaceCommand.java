package dev.switchyard.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.workspace.CheckReport;
import dev.switchyard.workspace.ImportReport;
import dev.switchyard.workspace.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code switchyard workspace info|export|import|check}. */
@Command(name = "workspace", description = "Inspect, check, export and import a workspace.",
        mixinStandardHelpOptions = true,
        subcommands = {WorkspaceCommand.Info.class, WorkspaceCommand.Export.class,
            WorkspaceCommand.Import.class, WorkspaceCommand.Check.class})
final class WorkspaceCommand {

    /** Options shared by the workspace sub-commands. */
    abstract static class Base implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Option(names = "--json", description = "Print the result as JSON (schema in the README).")
        boolean json;
    }

    @Command(name = "info", description = "Name, file, schema version and the number of rows of each kind.")
    static final class Info extends Base {
        @Override
        public Integer call() throws IOException {
            try (Workspace ws = workspace.open()) {
                ObjectNode node = describe(ws);
                if (json) {
                    CliContext.printJson(spec, node);
                } else {
                    PrintWriter out = CliContext.out(spec);
                    out.printf(Locale.ROOT, "Workspace %s%n  file    %s%n  schema  v%d (this build knows up to v%d)%n  size    %,d bytes%n",
                            ws.name(), ws.file().toAbsolutePath(), ws.schemaVersion(), Workspace.latestSchemaVersion(),
                            Files.size(ws.file()));
                    ws.counts().forEach((k, v) -> out.printf(Locale.ROOT, "  %-16s %,d%n",
                            dev.switchyard.workspace.RowNames.plural(k), v));
                    out.flush();
                }
            }
            return ExitCodes.OK;
        }

        static ObjectNode describe(Workspace ws) throws IOException {
            ObjectNode node = CliContext.object();
            node.put("ok", true);
            ObjectNode w = node.putObject("workspace");
            w.put("name", ws.name());
            w.put("file", ws.file().toAbsolutePath().toString());
            w.put("schemaVersion", ws.schemaVersion());
            w.put("latestSchemaVersion", Workspace.latestSchemaVersion());
            w.put("sizeBytes", Files.size(ws.file()));
            ObjectNode counts = node.putObject("counts");
            ws.counts().forEach(counts::put);
            return node;
        }
    }

    @Command(name = "check", description = "Integrity check, foreign keys and migration checksums. Exit 1 on problems.")
    static final class Check extends Base {
        @Override
        public Integer call() {
            try (Workspace ws = workspace.open()) {
                CheckReport report = ws.check();
                if (json) {
                    ObjectNode node = CliContext.object().put("ok", report.ok());
                    node.put("file", ws.file().toAbsolutePath().toString());
                    report.problems().forEach(node.putArray("problems")::add);
                    CliContext.printJson(spec, node);
                } else {
                    PrintWriter out = CliContext.out(spec);
                    out.println(report.ok() ? "Workspace " + ws.name() + " is healthy."
                            : "Workspace " + ws.name() + " has problems:");
                    report.problems().forEach(p -> out.println("  - " + p));
                    out.flush();
                }
                return report.ok() ? ExitCodes.OK : ExitCodes.FAILED;
            }
        }
    }

    @Command(name = "export", description = "Write the whole workspace as one JSON document (never any secret).")
    static final class Export extends Base {
        @Option(names = {"-o", "--output"}, paramLabel = "<file>",
                description = "Write to this file (default: standard output).")
        Path output;

        @Override
        public Integer call() throws IOException {
            try (Workspace ws = workspace.open()) {
                if (output == null) {
                    OutputStream stdout = new java.io.FilterOutputStream(System.out) {
                        @Override
                        public void close() throws IOException {
                            flush();
                        }
                    };
                    ws.exportTo(stdout);
                    System.out.println();
                    System.out.flush();
                    return ExitCodes.OK;
                }
                long bytes;
                try {
                    bytes = ws.exportTo(output);
                } catch (IOException e) {
                    throw new CliException(ExitCodes.INPUT, "Could not write " + output + ": " + e.getMessage(), e);
                }
                if (json) {
                    ObjectNode node = CliContext.object().put("ok", true);
                    node.put("file", output.toAbsolutePath().toString()).put("bytes", bytes);
                    CliContext.printJson(spec, node);
                } else {
                    CliContext.out(spec).printf(Locale.ROOT, "Exported %s to %s (%,d bytes).%n", ws.name(), output, bytes);
                    CliContext.out(spec).flush();
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "import", description = "Merge a workspace JSON export into this workspace (no duplicates).")
    static final class Import extends Base {
        @Parameters(index = "0", paramLabel = "<file>", description = "A file written by 'workspace export'.")
        Path input;

        @Override
        public Integer call() throws IOException {
            try (Workspace ws = workspace.open(); InputStream in = Files.newInputStream(input)) {
                ImportReport report = ws.importFrom(in);
                if (json) {
                    CliContext.printJson(spec, ImportJson.of(report));
                } else {
                    PrintWriter out = CliContext.out(spec);
                    out.println("Imported " + input + " into " + ws.name() + ":");
                    ImportJson.print(report, out);
                    out.flush();
                }
                return report.applied() && report.refused().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
            } catch (NoSuchFileException e) {
                throw new CliException(ExitCodes.INPUT, "No such file: " + input + ". Give the path of a file written by 'switchyard workspace export'.");
            }
        }
    }

    private WorkspaceCommand() {
    }
}
