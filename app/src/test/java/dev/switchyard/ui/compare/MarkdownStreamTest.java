package dev.switchyard.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.ui.compare.markdown.MarkdownBlocks;
import dev.switchyard.ui.compare.markdown.MarkdownStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The append-only streaming split: settled segments are rendered once and kept (same objects) while text grows. */
class MarkdownStreamTest {

    private static final String ANSWER = """
            ## Rollout plan

            Ship the **offline intent model** first, then route *complex* questions to the cloud.

            1. Measure `ttft` on the device
            2. Compare cost per 1,000 prompts

            ```java
            var policy = Policy.firstMatch(rules);

            policy.check();
            ```

            - Local answers stay private
              and cheap

            > Measure before you decide.

            Done.
            """;

    /** A rendered segment: its text and a serial number, compared by identity. */
    private static final class Segment {
        final String text;

        Segment(String text) {
            this.text = text;
        }
    }

    @Test
    void settledSegmentsAreRenderedOnceAndKeptAsTheTextGrows() {
        List<String> rendered = new ArrayList<>();
        MarkdownStream<Segment> stream = new MarkdownStream<>(s -> {
            rendered.add(s);
            return new Segment(s);
        });
        List<Segment> seen = new ArrayList<>();
        for (int i = 0; i <= ANSWER.length(); i += 3) { // a few characters per token
            MarkdownStream.Update<Segment> u = stream.update(ANSWER.substring(0, i));
            assertThat(u.reset()).isFalse();
            seen.addAll(u.added());
            // every segment rendered so far is still there, the very same object, in order
            assertThat(stream.settled()).containsExactlyElementsOf(seen);
            for (int k = 0; k < seen.size(); k++) {
                assertThat(stream.settled().get(k)).isSameAs(seen.get(k));
            }
            assertThat(String.join("", rendered) + u.tail()).isEqualTo(ANSWER.substring(0, i));
        }
        stream.update(ANSWER);
        // each part was rendered exactly once: the renderer saw the answer's text once, in order
        assertThat(String.join("", rendered)).isEqualTo(ANSWER.substring(0, stream.settledLength()));
        assertThat(rendered).hasSize(stream.settled().size());
        assertThat(stream.settled().get(0).text).isEqualTo("## Rollout plan\n\n");
        // the fenced block with a blank line inside stays one segment
        assertThat(rendered).anySatisfy(s -> assertThat(s).startsWith("```java").contains("policy.check();\n```"));
    }

    @Test
    void incrementalCutsMatchTheWholeTextScanAtEveryLength() {
        MarkdownStream<String> stream = new MarkdownStream<>(s -> s);
        for (int i = 0; i <= ANSWER.length(); i++) {
            String prefix = ANSWER.substring(0, i);
            stream.update(prefix);
            assertThat(stream.settledLength()).as("cut after %d chars", i).isEqualTo(MarkdownBlocks.settledCut(prefix));
        }
    }

    @Test
    void aTextThatDoesNotExtendThePreviousOneStartsOver() {
        List<String> rendered = new ArrayList<>();
        MarkdownStream<String> stream = new MarkdownStream<>(s -> {
            rendered.add(s);
            return s;
        });
        stream.update("# One\n\nSecond paragraph\n\nThird");
        // what settled in one update is one segment
        assertThat(stream.settled()).containsExactly("# One\n\nSecond paragraph\n\n");
        MarkdownStream.Update<String> u = stream.update("Another answer\n\nwith more");
        assertThat(u.reset()).isTrue();
        assertThat(u.added()).containsExactly("Another answer\n\n");
        assertThat(u.tail()).isEqualTo("with more");
        assertThat(stream.settled()).containsExactly("Another answer\n\n");
        assertThat(stream.update("").reset()).isTrue();
        assertThat(stream.settled()).isEmpty();
    }
}
