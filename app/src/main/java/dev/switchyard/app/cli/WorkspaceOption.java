package dev.switchyard.app.cli;

import dev.switchyard.workspace.Workspace;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --workspace} option every command takes, after its sub-command ({@code switchyard models list -w F}) or
 * before it ({@code switchyard -w F models list}); the one nearest the sub-command wins.
 */
public final class WorkspaceOption {

    @Option(names = {"-w", "--workspace"}, paramLabel = "<file>",
            description = "Workspace file (default: $SWITCHYARD_HOME/default.switchyard, "
                    + "else ~/.switchyard/default.switchyard).")
    Path file;

    /** The command this option belongs to (picocli injects it), to find a workspace named before the sub-command. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The file named on the command line (here, or on a parent command), or the user's default workspace. */
    public Path resolve() {
        if (file != null) {
            return file;
        }
        for (CommandSpec c = command == null ? null : command.parent(); c != null; c = c.parent()) {
            for (CommandSpec mixin : c.mixins().values()) {
                if (mixin.userObject() instanceof WorkspaceOption parent && parent.file != null) {
                    return parent.file;
                }
            }
        }
        return Workspace.defaultFile();
    }

    public Workspace open() {
        return Workspace.open(resolve());
    }
}
