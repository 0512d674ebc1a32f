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
        assertThat(out).contains("insert 2,000 runs").contains("build history workspace of 5,000 runs")
                .contains("warm p50");
        assertThat(out.lines().filter(l -> l.startsWith("page 100, text filter (common word)")))
                .singleElement().asString().doesNotContain("avg matches 0)");
        assertThat(out.lines().filter(l -> l.startsWith("page 100")).count()).isEqualTo(6);
    }
}
