package dev.switchyard.app.cli;

import dev.switchyard.app.history.ExportFormat;
import dev.switchyard.app.history.HistoryExport;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.RunQuery;
import dev.switchyard.workspace.model.RunStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code switchyard history export}: the run history to CSV or JSON, filtered like the History screen. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "Export the run history.",
        subcommands = {HistoryCommand.Export.class})
final class HistoryCommand {

    @ParentCommand
    SwitchyardCli root;

    private HistoryCommand() {
    }

    @Command(name = "export", description = "Write every matching run (newest first) to a CSV or JSON file.")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        HistoryCommand parent;
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Option(names = "--format", paramLabel = "csv|json",
                description = "Default: the output file's extension (runs.csv, runs.json).")
        String format;
        @Option(names = "--model", paramLabel = "<id>", description = "Only runs of this model (provider/model, id or name).")
        String model;
        @Option(names = "--status", paramLabel = "<status>", description = "Only runs with this status (completed, failed…).")
        String status;
        @Option(names = "--text", paramLabel = "<words>", description = "Only runs whose prompt or answer has these words.")
        String text;
        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE")
        Path output;

        @Override
        public Integer call() {
            ExportFormat fmt;
            try {
                fmt = ExportFormat.parse(FileFormats.of(format, output, java.util.List.of("csv", "json")));
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
            }
            RunStatus st;
            try {
                st = status == null ? null : RunStatus.of(status.strip().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new CliException(ExitCodes.USAGE, "Unknown status '" + status
                        + "'; use completed, incomplete, cancelled, failed, streaming or created.", e);
            }
            try (Workspace ws = workspace.open()) {
                RunQuery q = RunQuery.latest().text(text).statuses(st == null ? Set.of() : Set.of(st));
                if (model != null) {
                    q = q.model(parent.root.context().directory(ws).resolve(model).id());
                }
                long n = new HistoryExport(ws).query(q, fmt, output);
                CliContext.out(spec).printf(Locale.ROOT, "Exported %,d %s to %s.%n", n, n == 1 ? "run" : "runs", output.toAbsolutePath());
                CliContext.out(spec).flush();
            } catch (IOException e) {
                throw new CliException(ExitCodes.INPUT, "Could not write " + output + ": " + e.getMessage(), e);
            }
            return ExitCodes.OK;
        }
    }
}
