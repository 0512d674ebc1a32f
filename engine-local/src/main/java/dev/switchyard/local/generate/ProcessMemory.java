package dev.switchyard.local.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of this process from /proc/self/status (Linux); -1 elsewhere. */
public final class ProcessMemory {
    private ProcessMemory() {
    }

    /** Peak resident set size (VmHWM) in bytes. */
    public static long peakRss() {
        return read("VmHWM:");
    }

    /** Current resident set size (VmRSS) in bytes. */
    public static long rss() {
        return read("VmRSS:");
    }

    private static long read(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    String[] parts = line.substring(key.length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024L;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return -1;
    }
}
