package dev.switchyard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The window's JVM is relaunched with C1 only (compiling early), in real child processes; the user's own JIT choice is kept. */
class UiJvmTest {

    /** Stands in for the window: relaunches, and in the JVM that goes on prints its JVM options and arguments. */
    public static final class Probe {
        public static void main(String[] args) {
            OptionalInt relaunched = UiJvm.relaunch(Probe.class, args);
            if (relaunched.isPresent()) {
                System.out.println("parent saw exit " + relaunched.getAsInt());
                System.exit(relaunched.getAsInt());
            }
            System.out.println("jvm " + ManagementFactory.getRuntimeMXBean().getInputArguments());
            System.out.println("args " + String.join(",", args));
            System.out.println("launchedAt " + System.getProperty("switchyard.launchedAt"));
            System.exit(7);
        }
    }

    @Test
    void theWindowRunsInAChildJvmWithC1OnlyAndItsExitCodeComesBack() throws Exception {
        Run run = probe(List.of("-Dswitchyard.probe=kept"), "--workspace", "my file.switchyard");
        assertThat(run.exit).isEqualTo(7);
        assertThat(run.out).contains("-XX:TieredStopAtLevel=1, -XX:CompileThresholdScaling=0.2")
                .contains("-XX:+UseParallelGC, -Xmn32m").contains("-Dswitchyard.probe=kept")
                .contains("args --workspace,my file.switchyard").contains("parent saw exit 7")
                .doesNotContain("launchedAt null");
    }

    @Test
    void theUsersOwnChoiceOrRelaunchOffRunsInPlace() throws Exception {
        Run own = probe(List.of("-XX:TieredStopAtLevel=4"), "a");
        assertThat(own.exit).isEqualTo(7);
        assertThat(own.out).contains("-XX:TieredStopAtLevel=4").doesNotContain("TieredStopAtLevel=1")
                .doesNotContain("parent saw").contains("launchedAt null");
        Run off = probe(List.of("-Dswitchyard.relaunch=false"), "b");
        assertThat(off.out).doesNotContain("TieredStopAtLevel").doesNotContain("parent saw").contains("args b");
    }

    @Test
    void theUsersOwnCollectorOrYoungSizeIsKept() throws Exception {
        Run own = probe(List.of("-XX:+UseG1GC"), "a");
        assertThat(own.exit).isEqualTo(7);
        assertThat(own.out).contains("-XX:TieredStopAtLevel=1").contains("-XX:+UseG1GC").doesNotContain("UseParallelGC")
                .doesNotContain("-Xmn32m").contains("parent saw exit 7");
        assertThat(UiJvm.hasOwnCollectorChoice(List.of("-Xmx1g", "-Dx=y", "-XX:+UseStringDeduplication"))).isFalse();
        assertThat(UiJvm.hasOwnCollectorChoice(List.of("-XX:+UseZGC"))).isTrue();
        assertThat(UiJvm.hasOwnCollectorChoice(List.of("-XX:+UseSerialGC"))).isTrue();
        assertThat(UiJvm.hasOwnCollectorChoice(List.of("-Xmn64m"))).isTrue();
        assertThat(UiJvm.hasOwnCollectorChoice(List.of("-XX:NewRatio=3"))).isTrue();
        assertThat(UiJvm.flags(8, List.of("-XX:MaxNewSize=100m"))).doesNotContain("-XX:+UseParallelGC", "-Xmn32m");
    }

    @Test
    void jitChoicesAreRecognised() {
        assertThat(UiJvm.hasOwnJitChoice(List.of("-Xmx1g", "-Dx=y"))).isFalse();
        assertThat(UiJvm.hasOwnJitChoice(List.of("-XX:TieredStopAtLevel=1"))).isTrue();
        assertThat(UiJvm.hasOwnJitChoice(List.of("-XX:-TieredCompilation"))).isTrue();
        assertThat(UiJvm.hasOwnJitChoice(List.of("-Xint"))).isTrue();
        assertThat(UiJvm.debugged(List.of("-agentlib:jdwp=transport=dt_socket,server=y,address=5005"))).isTrue();
        assertThat(UiJvm.debugged(List.of("-javaagent:x.jar", "-Xmx1g"))).isFalse();
    }

    @Test
    void theChildStartsWithTheSameJavaLauncherButNeverWithAnAppLauncher() {
        Path home = Path.of("/jdk");
        assertThat(UiJvm.javaLauncher(Path.of("/opt/jdk/bin/javaw.exe"), home)).isEqualTo(Path.of("/opt/jdk/bin/javaw.exe"));
        assertThat(UiJvm.javaLauncher(Path.of("/usr/bin/java"), home)).isEqualTo(Path.of("/usr/bin/java"));
        assertThat(UiJvm.javaLauncher(Path.of("/opt/Switchyard/bin/Switchyard"), home).getParent())
                .isEqualTo(Path.of("/jdk/bin"));
        assertThat(UiJvm.javaLauncher(null, home).getParent()).isEqualTo(Path.of("/jdk/bin"));
    }

    @Test
    void theChildCommandKeepsOptionsAndArgumentsInOrder() {
        assertThat(UiJvm.command(Path.of("/jdk/bin/java"), List.of("-Xmx1g", "-Dswitchyard.launchedAt=1", "-Da=b"),
                "app.jar", "x.Main", new String[] {"-w", "f"}, 42, 8))
                .containsExactly("/jdk/bin/java", "-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.2",
                        "-XX:+UseParallelGC", "-Xmn32m", "-Dswitchyard.launchedAt=42", "-Xmx1g",
                        "-Da=b", "-cp", "app.jar", "x.Main", "-w", "f");
    }

    @Test
    void onTwoCoresTheWindowJvmCompilesOnOneThread() throws Exception {
        assertThat(UiJvm.flags(2, List.of())).containsExactly("-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.2",
                "-XX:CICompilerCount=1", "-XX:+UseParallelGC", "-Xmn32m");
        assertThat(UiJvm.flags(1, List.of())).contains("-XX:CICompilerCount=1");
        assertThat(UiJvm.flags(4, List.of())).doesNotContain("-XX:CICompilerCount=1");
        // this JDK starts with them (HotSpot refuses one compiler thread unless C1 is the only compiler)
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(UiJvm.flags(2, List.of()));
        cmd.add("-version");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    private record Run(int exit, String out) {
    }

    private static Run probe(List<String> jvmArgs, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Probe.class.getName());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }
}
