package dev.switchyard.app.cli;

import dev.switchyard.ui.DesktopLauncher;
import dev.switchyard.workspace.WorkspaceException;
import dev.switchyard.app.AppContext;
import dev.switchyard.app.models.UnknownModelException;
import java.io.PrintWriter;
import java.util.function.Supplier;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The {@code switchyard} command: no sub-command opens the desktop window, sub-commands run headless. */
@Command(name = "switchyard", mixinStandardHelpOptions = true, version = "Switchyard 0.1.0",
        description = "Compare local and cloud LLMs, design hybrid routing policies, replay them.",
        subcommands = {WorkspaceCommand.class, ProvidersCommand.class, ModelsCommand.class, PricesCommand.class,
            RunCommand.class, RouteCommand.class, PolicyCommand.class, BenchCommand.class, HistoryCommand.class,
            DatasetCommand.class, ReplayCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the command ran but its result is a failure (check problems, failed runs, missed gates)",
            "2:usage error",
            "3:the workspace could not be opened or written",
            "4:an input file is missing or malformed",
            "5:an engine could not run"})
public final class SwitchyardCli implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    private final Supplier<AppContext> contextFactory;
    private AppContext context;

    private SwitchyardCli(Supplier<AppContext> contextFactory) {
        this.contextFactory = contextFactory;
    }

    /** Runs the command line and returns the process exit code. */
    public static int execute(String[] args) {
        SwitchyardCli root = new SwitchyardCli(AppContext::system);
        try {
            return configure(new CommandLine(root)).execute(args);
        } finally {
            root.closeContext();
        }
    }

    /** A configured command line on the given context (tests pass a fake environment); the caller closes it. */
    public static CommandLine commandLine(AppContext context) {
        return configure(new CommandLine(new SwitchyardCli(() -> context)));
    }

    /** The composition root, built on first use so that cheap commands stay cheap. */
    synchronized AppContext context() {
        if (context == null) {
            context = contextFactory.get();
        }
        return context;
    }

    private synchronized void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    private static CommandLine configure(CommandLine cli) {
        cli.setExecutionExceptionHandler(SwitchyardCli::handle);
        cli.setParameterExceptionHandler(SwitchyardCli::usageError);
        cli.setExitCodeExceptionMapper(t -> t instanceof CommandLine.ParameterException ? ExitCodes.USAGE
                : t instanceof WorkspaceException ? ExitCodes.WORKSPACE : ExitCodes.FAILED);
        return cli;
    }

    @Override
    public Integer call() {
        DesktopLauncher.launch(workspace.resolve());
        return ExitCodes.OK;
    }

    /**
     * A mistyped command line: what is wrong, picocli's "did you mean" for an unknown option or command, and where the
     * options are — not the whole help, which pushed the sentence that matters off the screen.
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println(e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Run '" + cli.getCommandSpec().qualifiedName() + " --help' for its "
                + (cli.getSubcommands().isEmpty() ? "options." : "commands and options."));
        err.flush();
        return ExitCodes.USAGE;
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        int code;
        String kind;
        if (e instanceof CliException ce) {
            code = ce.exitCode();
            kind = "command";
        } else if (e instanceof UnknownModelException) {
            code = ExitCodes.INPUT;
            kind = "command";
        } else if (e instanceof WorkspaceException we) {
            code = ExitCodes.WORKSPACE;
            kind = "workspace." + we.kind().name().toLowerCase(java.util.Locale.ROOT);
        } else {
            code = ExitCodes.FAILED;
            kind = "unexpected";
        }
        String message = code == ExitCodes.FAILED && "unexpected".equals(kind) ? "Unexpected error: " + e : e.getMessage();
        PrintWriter err = cli.getErr();
        err.println(message);
        if ("unexpected".equals(kind)) {
            e.printStackTrace(err);
        }
        err.flush();
        if (cli.getParseResult().hasMatchedOption("--json")) {
            var node = CliContext.object().put("ok", false);
            node.putObject("error").put("kind", kind).put("message", message).put("exitCode", code);
            PrintWriter out = cli.getOut();
            out.println(node.toPrettyString());
            out.flush();
        }
        return code;
    }
}
