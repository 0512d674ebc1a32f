package dev.switchyard.workspace;

import java.nio.file.Path;

/**
 * The folder Switchyard keeps its own files in: the default workspace, downloaded models, caches.
 * {@code $SWITCHYARD_HOME} when the system property {@code switchyard.home} or the environment variable
 * {@code SWITCHYARD_HOME} is set (the property wins), else {@code ~/.switchyard}.
 */
public final class SwitchyardHome {

    private SwitchyardHome() {
    }

    /** The folder, absolute; it may not exist yet. */
    public static Path directory() {
        String home = System.getProperty("switchyard.home");
        if (home == null || home.isBlank()) {
            home = System.getenv("SWITCHYARD_HOME");
        }
        Path dir = home == null || home.isBlank()
                ? Path.of(System.getProperty("user.home"), ".switchyard")
                : Path.of(home);
        return dir.toAbsolutePath();
    }
}
