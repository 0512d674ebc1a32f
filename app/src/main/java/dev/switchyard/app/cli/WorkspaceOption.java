package dev.switchyard.app.cli;

import dev.switchyard.workspace.Workspace;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --workspace} option every command takes. */
public final class WorkspaceOption {

    @Option(names = {"-w", "--workspace"}, paramLabel = "<file>",
            description = "Workspace file (default: $SWITCHYARD_HOME/default.switchyard, "
                    + "else ~/.switchyard/default.switchyard).")
    Path file;

    /** The file named on the command line, or the user's default workspace. */
    public Path resolve() {
        return file == null ? Workspace.defaultFile() : file;
    }

    public Workspace open() {
        return Workspace.open(resolve());
    }
}
