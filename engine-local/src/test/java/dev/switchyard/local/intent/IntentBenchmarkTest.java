package dev.switchyard.local.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Smoke test: the benchmark runs and prints its figures (no timing assertions). */
class IntentBenchmarkTest {

    @Test
    void printsLoadTimeAndLatencyPercentiles() {
        assertThat(IntentBenchmark.PROMPT.split("\\s+")).hasSize(20);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        IntentBenchmark.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), DemoSets.smartHome(), 5, new int[] {1});
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("model load").contains("p50").contains("p95").contains("lights_on");
    }
}
