package dev.switchyard.app.cli;

import dev.switchyard.app.AppContext;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import dev.switchyard.cloud.secrets.SecretStore;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the real command line in-process and captures what it prints. */
public final class CliRunner {

    /** Exit code and the text the command printed. */
    public record Result(int code, String out, String err) {
    }

    private CliRunner() {
    }

    public static Result run(String... args) {
        return run(Map.of(), args);
    }

    /** Runs with these environment variables (and no others) visible to the app. */
    public static Result run(Map<String, String> env, String... args) {
        return run(new AppContext(env::get, Clock.systemDefaultZone()), args);
    }

    /** Runs with these environment variables and this OS keyring (one in memory: never the user's). */
    public static Result run(Map<String, String> env, Supplier<SecretStore> keyring, String... args) {
        return run(new AppContext(env::get, Clock.systemDefaultZone(), dev.switchyard.local.LocalEngine::inWorker, keyring), args);
    }

    private static Result run(AppContext app, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (AppContext context = app) {
            CommandLine cli = SwitchyardCli.commandLine(context);
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            int code = cli.execute(args);
            return new Result(code, out.toString(), err.toString());
        }
    }
}
