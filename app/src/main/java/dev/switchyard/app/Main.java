package dev.switchyard.app;

import dev.switchyard.app.cli.SwitchyardCli;
import java.nio.file.Path;

/**
 * Process entry point. With no arguments (or {@code ui [--workspace F]}) it opens the desktop window;
 * with a command it runs the headless CLI and exits with the command's code.
 *
 * <p>This class deliberately does not extend {@code javafx.application.Application}, so that the
 * JavaFX jars may sit on the plain class path and the CLI never starts the toolkit.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        StartupLog.mark("main");
        Path window = desktopWorkspace(args);
        if (window != null) {
            UiJvm.relaunchOrContinue(Main.class, args);
            // The window needs no command line model: building picocli's model of every command (reflection
            // over all command classes) took most of a second of a cold start on two cores.
            dev.switchyard.ui.DesktopLauncher.launch(window);
            System.exit(0);
        }
        System.exit(SwitchyardCli.execute(args));
    }

    /**
     * The workspace file when the arguments only ask for the window (none, or just {@code --workspace F},
     * {@code --workspace=F}, {@code -w F}), the same file the command line would resolve; null otherwise.
     */
    static Path desktopWorkspace(String[] args) {
        try {
            return windowOnly(args);
        } catch (java.nio.file.InvalidPathException e) {
            return null; // the command line reports it
        }
    }

    private static Path windowOnly(String[] args) {
        if (args.length == 0) {
            return dev.switchyard.workspace.Workspace.defaultFile();
        }
        if (args.length == 1 && args[0].startsWith("--workspace=") && args[0].length() > "--workspace=".length()) {
            return Path.of(args[0].substring("--workspace=".length()));
        }
        if (args.length == 2 && (args[0].equals("--workspace") || args[0].equals("-w")) && !args[1].startsWith("-")) {
            return Path.of(args[1]);
        }
        return null;
    }
}
