package dev.switchyard.app.cli;

import dev.switchyard.app.AppContext;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What every leaf command shares: its spec (for output), {@code --workspace}, {@code --json} and the app context. */
abstract class AppCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOption workspace;
    @Option(names = "--json", description = "Print the result as JSON (schema in the README).")
    boolean json;

    /** The composition root, from the root command (built on first use). */
    AppContext app() {
        return ((SwitchyardCli) spec.root().userObject()).context();
    }
}
