package dev.switchyard.workspace.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark runs end to end at a small size (figures are printed, never asserted). */
class WorkspaceBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void runsAtASmallSizeAndPrintsEveryFigure() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WorkspaceBenchmark.run(dir, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                new WorkspaceBenchmark.Sizes(2_000, 5_000, 5));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("insert 2,000 runs (one batch, one transaction; first batch in this JVM)")
                .contains("insert 2,000 runs (one batch, one transaction; second batch, JIT warm)")
                .contains("build history workspace of 5,000 runs").contains("warm p50");
        for (String word : new String[] {"common", "rare"}) {
            assertThat(out.lines().filter(l -> l.startsWith("page 100, text filter (" + word + " word)")))
                    .singleElement().asString().doesNotContain("avg total 0)");
        }
        assertThat(out.lines().filter(l -> l.startsWith("page 100")).count()).isEqualTo(7);

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        WorkspaceBenchmark.run(dir, new PrintStream(again, true, StandardCharsets.UTF_8),
                new WorkspaceBenchmark.Sizes(2_000, 5_000, 5));
        assertThat(again.toString(StandardCharsets.UTF_8)).contains("history workspace bench-5000.switchyard: reused"
                + " (5,000 runs)" + System.lineSeparator());
    }
}
