package dev.switchyard.local.worker;

import java.nio.file.Path;
import java.util.List;

/**
 * How the worker process is started.
 *
 * @param javaCommand the java binary (default: this JVM's)
 * @param classPath   the class path (default: this JVM's java.class.path)
 * @param jvmArgs     extra JVM arguments (default: -Xmx1g -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError; models live
 *                    in native memory; a worker whose heap ran out exits and is restarted rather than limping on)
 * @param testHooks   enables the test-only "crash" command (Runtime.halt) in the worker
 */
public record WorkerOptions(String javaCommand, String classPath, List<String> jvmArgs, boolean testHooks) {
    public WorkerOptions {
        jvmArgs = List.copyOf(jvmArgs);
    }

    public static WorkerOptions defaults() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new WorkerOptions(java, System.getProperty("java.class.path"), List.of("-Xmx1g", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"), false);
    }

    public WorkerOptions withTestHooks() {
        return new WorkerOptions(javaCommand, classPath, jvmArgs, true);
    }

    public WorkerOptions withJvmArgs(List<String> args) {
        return new WorkerOptions(javaCommand, classPath, args, testHooks);
    }
}
