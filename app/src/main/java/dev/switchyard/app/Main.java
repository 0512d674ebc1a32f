package dev.switchyard.app;

import dev.switchyard.app.cli.SwitchyardCli;

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
        System.exit(SwitchyardCli.execute(args));
    }
}
