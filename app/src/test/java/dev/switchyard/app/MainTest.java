package dev.switchyard.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.workspace.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The window's fast path resolves the same workspace as the command line, and leaves every command to it. */
class MainTest {

    @Test
    void windowOnlyArgumentsSkipTheCommandLine() {
        assertThat(Main.desktopWorkspace(new String[0])).isEqualTo(Workspace.defaultFile());
        assertThat(Main.desktopWorkspace(new String[] {"--workspace", "a.switchyard"})).isEqualTo(Path.of("a.switchyard"));
        assertThat(Main.desktopWorkspace(new String[] {"-w", "b.switchyard"})).isEqualTo(Path.of("b.switchyard"));
        assertThat(Main.desktopWorkspace(new String[] {"--workspace=c.switchyard"})).isEqualTo(Path.of("c.switchyard"));
    }

    @Test
    void anythingElseGoesToTheCommandLine() {
        assertThat(Main.desktopWorkspace(new String[] {"models", "list"})).isNull();
        assertThat(Main.desktopWorkspace(new String[] {"--help"})).isNull();
        assertThat(Main.desktopWorkspace(new String[] {"--workspace"})).isNull();
        assertThat(Main.desktopWorkspace(new String[] {"--workspace="})).isNull();
        assertThat(Main.desktopWorkspace(new String[] {"-w", "--json"})).isNull();
        assertThat(Main.desktopWorkspace(new String[] {"--workspace", "a", "history"})).isNull();
    }
}
