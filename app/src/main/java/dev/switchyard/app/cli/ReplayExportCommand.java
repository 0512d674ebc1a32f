package dev.switchyard.app.cli;

import dev.switchyard.app.models.CliFix;
import dev.switchyard.app.replay.ReplayException;
import dev.switchyard.app.replay.ReplayService;
import dev.switchyard.app.replay.engine.ReplayResult;
import dev.switchyard.app.replay.export.ReplayExports;
import dev.switchyard.workspace.Workspace;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code switchyard replay export <id> [--format csv|json|html] [-o file]} (the format from the file's extension). */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export a stored replay.")
final class ReplayExportCommand implements Callable<Integer> {

    @ParentCommand
    ReplayCommand parent;
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOption workspace;
    @Parameters(paramLabel = "<replay id>")
    long id;
    @Option(names = "--format", paramLabel = "csv|json|html",
            description = "Default: the output file's extension (report.html, items.csv, replay.json).")
    String format;
    @Option(names = {"-o", "--output"}, paramLabel = "<file>", description = "Output file (default: standard output).")
    Path output;

    @Override
    public Integer call() {
        try (Workspace ws = workspace.open()) {
            ReplayExports.Format f = ReplayExports.Format.parse(
                    FileFormats.of(format, output, java.util.List.of("csv", "json", "html")));
            ReplayResult r = ReplayService.of(parent.root.context(), ws).open(id);
            if (output == null) {
                CliContext.out(spec).print(ReplayExports.render(r, f, CliFix.forRunId(ws)));
                CliContext.out(spec).flush();
            } else {
                ReplayExports.write(r, f, output, CliFix.forRunId(ws));
                CliContext.err(spec).println("Wrote " + output);
                CliContext.err(spec).flush();
            }
            return ExitCodes.OK;
        } catch (ReplayException e) {
            throw ReplayErrors.cli(e);
        }
    }
}
