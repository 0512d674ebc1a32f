package dev.switchyard.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * The desktop window runs in a JVM that compiles with C1 only, and early ({@link #FLAGS}, Decision 19 in the README),
 * and collects garbage with the parallel collector and a small young generation ({@link #COLLECTOR}, Decision 33).
 * {@code java -jar} cannot carry JVM options, so the window's entry points call {@link #relaunch} first: it
 * starts the same class with the same arguments and JVM options in a child JVM that has the flags, waits for it and
 * returns its exit code. The child sees {@code -Dswitchyard.launchedAt} (when the user's {@code java} started), so
 * start-up timings still count from the user's command.
 *
 * <p>Nothing is relaunched when this JVM was already given a choice about tiered compilation (the flag itself,
 * {@code -XX:±TieredCompilation}, {@code -Xint}, {@code -Xcomp}: the user's choice wins), under a debugger (JDWP),
 * with {@code -Dswitchyard.relaunch=false}, on a module path, or when the child cannot be started (then the window
 * runs here, with the default compilers).
 */
public final class UiJvm {

    /**
     * C1 only (HotSpot's optimising compiler C2 is not used: on two cores its compilations of JavaFX's CSS, layout and
     * text code took most of a core for the first minute), and compiled after a fifth of the usual invocations, so
     * that the first answers to stream already run compiled code. Options given to the first JVM come after these
     * and win.
     */
    public static final List<String> FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.2");

    /**
     * On a machine with two cores or fewer, one compiler thread instead of HotSpot's two: two C1 threads compiling
     * at once took both cores from the FX and render threads while answers streamed (Decision 22 in the README).
     */
    static final String ONE_COMPILER_THREAD = "-XX:CICompilerCount=1";

    /**
     * The parallel collector with a 32 MB young generation (Decision 33 in the README): young pauses of 4–10 ms about once a
     * second instead of G1's 20–45 ms every few seconds while six answers stream, since each pause copies only the nodes built
     * since the last one. Its old generation is reclaimed only by a full collection, which {@link IdleCollector} runs
     * while nothing streams and nobody types. Not given when the user's options choose a collector or a young size.
     */
    static final List<String> COLLECTOR = List.of("-XX:+UseParallelGC", "-Xmn32m");

    static final String LAUNCHED_AT = "switchyard.launchedAt";

    private UiJvm() {
    }

    /**
     * Runs {@code mainClass} with {@code args} in a child JVM with {@link #flags} and returns its exit code; empty
     * when the caller should go on in this JVM.
     */
    public static OptionalInt relaunch(Class<?> mainClass, String[] args) {
        List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        Path java = javaLauncher(ProcessHandle.current().info().command().map(Path::of).orElse(null),
                Path.of(System.getProperty("java.home")));
        if (!"true".equals(System.getProperty("switchyard.relaunch", "true")) || hasOwnJitChoice(jvmArgs)
                || debugged(jvmArgs) || System.getProperty("jdk.module.path") != null || !Files.isExecutable(java)) {
            return OptionalInt.empty();
        }
        long launchedAt = ManagementFactory.getRuntimeMXBean().getStartTime();
        int cpus = Runtime.getRuntime().availableProcessors();
        List<String> cmd = command(java, jvmArgs, System.getProperty("java.class.path"), mainClass.getName(), args,
                launchedAt, cpus);
        StartupLog.mark("relaunching in a JVM with " + String.join(" ", flags(cpus, jvmArgs)));
        Process child;
        try {
            child = new ProcessBuilder(cmd).inheritIO().start();
        } catch (IOException e) {
            System.err.println("Switchyard: could not start the window's JVM (" + e.getMessage()
                    + "); running it here with the default compilers.");
            return OptionalInt.empty();
        }
        // closing this JVM (Ctrl+C, a kill) closes the window's JVM too
        Thread stop = new Thread(child::destroy, "switchyard-relaunch-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        while (true) {
            try {
                int code = child.waitFor();
                Runtime.getRuntime().removeShutdownHook(stop);
                return OptionalInt.of(code);
            } catch (InterruptedException e) {
                // keep waiting: the child decides when the app ends
            } catch (IllegalStateException shuttingDown) {
                return OptionalInt.of(child.exitValue());
            }
        }
    }

    /** A debugger attached to this JVM: a child would try to listen on the same port, so the window runs here. */
    static boolean debugged(List<String> jvmArgs) {
        return jvmArgs.stream().anyMatch(a -> a.startsWith("-agentlib:jdwp") || a.startsWith("-Xrunjdwp"));
    }

    /** Relaunches as {@link #relaunch} does and ends this JVM with the child's exit code; returns when it did not. */
    public static void relaunchOrContinue(Class<?> mainClass, String[] args) {
        OptionalInt relaunched = relaunch(mainClass, args);
        if (relaunched.isPresent()) {
            System.exit(relaunched.getAsInt());
        }
    }

    /** True when the JVM options already say how to compile; the user's choice is then kept. */
    static boolean hasOwnJitChoice(List<String> jvmArgs) {
        return jvmArgs.stream().anyMatch(a -> a.startsWith("-XX:TieredStopAtLevel") || a.equals("-XX:-TieredCompilation")
                || a.equals("-XX:+TieredCompilation") || a.equals("-Xint") || a.equals("-Xcomp"));
    }

    /** True when the JVM options choose a garbage collector or size its young generation; they are then kept. */
    static boolean hasOwnCollectorChoice(List<String> jvmArgs) {
        return jvmArgs.stream().anyMatch(a -> a.matches("-XX:[+-]Use\\w*GC") || a.startsWith("-Xmn")
                || a.startsWith("-XX:NewSize") || a.startsWith("-XX:MaxNewSize") || a.startsWith("-XX:NewRatio"));
    }

    /**
     * The window JVM's flags on a machine with {@code cpus} cores: {@link #FLAGS}, one compiler thread on two, and
     * {@link #COLLECTOR} unless {@code jvmArgs} (the user's options) choose their own.
     */
    static List<String> flags(int cpus, List<String> jvmArgs) {
        List<String> flags = new ArrayList<>(FLAGS);
        if (cpus <= 2) {
            flags.add(ONE_COMPILER_THREAD);
        }
        if (!hasOwnCollectorChoice(jvmArgs)) {
            flags.addAll(COLLECTOR);
        }
        return flags;
    }

    /** The child's command line: {@link #flags}, the launch time and this JVM's options, then class and args. */
    static List<String> command(Path java, List<String> jvmArgs, String classPath, String mainClass, String[] args,
            long launchedAt, int cpus) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(flags(cpus, jvmArgs));
        cmd.add("-D" + LAUNCHED_AT + "=" + launchedAt);
        jvmArgs.stream().filter(a -> !a.startsWith("-D" + LAUNCHED_AT + "=")).forEach(cmd::add);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass);
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    /** Milliseconds since the user's {@code java} command started (the parent's start when relaunched). */
    static long sinceLaunch() {
        String at = System.getProperty(LAUNCHED_AT);
        if (at != null) {
            try {
                return System.currentTimeMillis() - Long.parseLong(at);
            } catch (NumberFormatException e) {
                // fall through to this JVM's uptime
            }
        }
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }

    /**
     * The launcher that started this JVM when it is one of the JDK's ({@code java}, or {@code javaw} on Windows, which
     * keeps the window's JVM without a console), else {@code java} of {@code javaHome} (an app launcher built by
     * jpackage is not a java command line).
     */
    public static Path javaLauncher(Path running, Path javaHome) {
        if (running != null && running.getFileName() != null
                && running.getFileName().toString().matches("(?i)javaw?(\\.exe)?")) {
            return running;
        }
        return javaHome.resolve("bin").resolve(System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java");
    }
}
