package dev.switchyard.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The charts name each model in at most 24 characters, one name per model. */
class ChartsLabelsTest {

    @Test
    void longNamesAreCutAndNamesThatComeOutTheSameStayApart() {
        List<String> labels = ChartsView.labels(List.of(
                "smollm2-135m-shape random weights (int4, nonsense output, for benchmarks)",
                "smollm2-135m-shape random weights (fp32, nonsense output, for benchmarks)",
                "Intent model (customer-support)", "gpt-4o-mini", "gpt-4o-mini"));
        assertThat(labels).containsExactly("smollm2-135m-shape rand…", "smollm2-135m-shape rand… #2",
                "Intent model (customer-…", "gpt-4o-mini", "gpt-4o-mini #2");
        assertThat(labels.get(2)).hasSize(ChartsView.LABEL_CHARS);
    }
}
