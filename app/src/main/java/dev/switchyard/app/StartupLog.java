package dev.switchyard.app;

import java.util.Locale;

/**
 * Start-up timings on stderr when the JVM runs with {@code -Dswitchyard.startupLog=true}: each mark prints the
 * time since the user's {@code java} command started (the first JVM's start when the window was relaunched, see
 * {@link UiJvm}) and since the previous mark. Costs nothing otherwise.
 */
public final class StartupLog {

    private static final boolean ON = Boolean.getBoolean("switchyard.startupLog");
    private static long last = -1;

    private StartupLog() {
    }

    public static boolean enabled() {
        return ON;
    }

    /** Prints "[startup] 1234 ms (+56 ms) what". */
    public static synchronized void mark(String what) {
        if (!ON) {
            return;
        }
        long now = UiJvm.sinceLaunch();
        System.err.printf(Locale.ROOT, "[startup] %5d ms (+%d ms) %s [%s]%n", now, last < 0 ? now : now - last, what,
                Thread.currentThread().getName());
        last = now;
    }
}
