package dev.switchyard.app.cli;

import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Provider;
import picocli.CommandLine.Parameters;

/**
 * A command about one provider, named by its first argument (a name or uid, {@link ProvidersCommand#find}): opens the
 * workspace, finds the provider and hands both to {@link #run}.
 */
abstract class ProviderCommand extends AppCommand {

    @Parameters(index = "0", paramLabel = "<provider>", description = "Provider name or uid.")
    String provider;

    @Override
    public Integer call() {
        try (Workspace ws = workspace.open()) {
            return run(ws, ProvidersCommand.find(ws, provider));
        }
    }

    /** The command's work on the provider {@code p} of the open workspace {@code ws}; the exit code. */
    abstract Integer run(Workspace ws, Provider p);
}
