package dev.switchyard.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.workspace.model.Run;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer process is killed with SIGKILL at random points, many times; afterwards the workspace opens, passes
 * SQLite's integrity check, and holds every run whose commit the writer had reported.
 */
class DurabilityTest {

    private static final Pattern UID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int ROUNDS = 18;

    @TempDir
    Path dir;

    @Test
    void committedRunsSurviveRepeatedKills() throws Exception {
        Path file = dir.resolve("durable.switchyard");
        Set<String> committed = new LinkedHashSet<>();
        Random random = new Random();
        for (int round = 0; round < ROUNDS; round++) {
            committed.addAll(runAndKill(file, 30 + random.nextInt(400)));
        }
        assertThat(committed.size()).as("the writer got work done before being killed").isGreaterThan(ROUNDS);
        try (Workspace ws = Workspace.open(file)) {
            CheckReport report = ws.check();
            assertThat(report.problems()).isEmpty();
            Set<String> stored = new HashSet<>();
            ws.runs().forEach(r -> stored.add(r.uid()));
            assertThat(stored).containsAll(committed);
            assertThat(ws.runs().count()).isGreaterThanOrEqualTo(committed.size());
            // every writer left the runs it was streaming when it was killed; the opens after it marked them
            List<Run> all = new ArrayList<>();
            ws.runs().forEach(all::add);
            assertThat(all).allSatisfy(r -> assertThat(r.status().isTerminal()).as(r.promptText()).isTrue());
            assertThat(all).filteredOn(r -> r.promptText().startsWith("single")).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.error().kind()).isEqualTo("interrupted"));
            System.out.printf("durability: %d rounds, %d commits reported, %d runs stored%n", ROUNDS, committed.size(),
                    stored.size());
        }
    }

    private Set<String> runAndKill(Path file, long killAfterMs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp",
                System.getProperty("java.class.path"), DurabilityWriter.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Set<String> uids = new LinkedHashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String first = in.readLine();
            assertThat(first).as("writer started").isEqualTo("READY");
            Thread.sleep(killAfterMs);
            // SIGKILL through the handle: Process.destroyForcibly() would also close our end of the pipe, losing
            // uids the writer printed just before it died.
            child.toHandle().destroyForcibly();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (UID.matcher(line).matches()) {
                    uids.add(line);
                }
            }
        } finally {
            child.destroyForcibly();
        }
        return uids;
    }
}
