package dev.switchyard.workspace.repo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which process is streaming a run: {@code "<machine>/<pid>/<process start ms>"}. The machine is Linux's boot id
 * (it also changes with a reboot, after which a pid can be reused), else the host name from the environment. A
 * token of this machine names an ended process when no process has that pid, or one that started at another time.
 */
final class RunOwner {

    private static final String MACHINE = machine();
    /** This process's token. */
    static final String CURRENT = MACHINE + "/" + ProcessHandle.current().pid() + "/" + startMillis(ProcessHandle.current());

    private RunOwner() {
    }

    /**
     * True when {@code token} names a process of this machine that is no longer running; false when it runs, when
     * the token is of another machine (the workspace file is shared: that process cannot be checked from here) or
     * unreadable.
     */
    static boolean ended(String token) {
        String[] p = token == null ? new String[0] : token.split("/");
        if (p.length != 3 || !p[0].equals(MACHINE)) {
            return false;
        }
        long pid;
        long start;
        try {
            pid = Long.parseLong(p[1]);
            start = Long.parseLong(p[2]);
        } catch (NumberFormatException e) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return true;
        }
        long running = startMillis(process.get()); // 0 where the OS does not say: then the pid alone decides
        return start != 0 && running != 0 && running != start; // the pid was reused by a later process
    }

    private static long startMillis(ProcessHandle p) {
        return p.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
    }

    private static String machine() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip();
        } catch (java.io.IOException | RuntimeException e) {
            String host = System.getenv("COMPUTERNAME");
            host = host == null ? System.getenv("HOSTNAME") : host;
            return host == null ? "" : host.replace('/', '_');
        }
    }
}
