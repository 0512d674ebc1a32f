package dev.switchyard.workspace.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the calling thread (SQLite runs in the calling thread through JNI, so this includes it), printed
 * next to wall time: on a shared machine the wall time mostly measures the other processes. Also the host's steal
 * time, for this and the app's benchmarks.
 */
public final class CpuClock {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuClock() {
    }

    static long now() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    static String load() {
        return String.format("load average %.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /**
     * Time the hypervisor ran other guests while this virtual machine's CPUs had work ("steal" in the first line of
     * {@code /proc/stat}, 10 ms ticks summed over all CPUs), in ms since boot, or -1 where there is no such file. On
     * a shared cloud host a slow measurement can come from there rather than from the code measured.
     */
    public static long hostStealMs() {
        // the first line only ("cpu  user nice system idle iowait irq softirq steal ..."), without a reader's 16 KB
        // of buffers: the FX-pulse benchmark calls this at every pulse
        byte[] head = new byte[256];
        try (java.io.InputStream in = new java.io.FileInputStream("/proc/stat")) {
            int n = in.readNBytes(head, 0, head.length);
            String line = new String(head, 0, n, java.nio.charset.StandardCharsets.US_ASCII);
            int end = line.indexOf('\n');
            String[] f = (end < 0 ? line : line.substring(0, end)).trim().split("\\s+");
            return end > 0 && f.length > 8 ? Long.parseLong(f[8]) * 10 : -1;
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }
}
