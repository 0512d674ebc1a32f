package dev.switchyard.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowNamesTest {

    @Test
    void keysReadAsWordsSingularForOne() {
        assertThat(RowNames.plural("policyVersions")).isEqualTo("policy versions");
        assertThat(RowNames.count(1, "policyVersions")).isEqualTo("1 policy version");
        assertThat(RowNames.count(1, "policies")).isEqualTo("1 policy");
        assertThat(RowNames.count(2, "policies")).isEqualTo("2 policies");
        assertThat(RowNames.count(1, "prices")).isEqualTo("1 price");
        assertThat(RowNames.count(1_234, "datasetItems")).isEqualTo("1,234 dataset items");
        assertThat(RowNames.count(0, "runs")).isEqualTo("0 runs");
    }

    @Test
    void anImportReportSaysWhatItAddedInWords() {
        ImportReport r = new ImportReport(true, Map.of("models", 1, "intentSets", 2, "runs", 0),
                Map.of("replayItems", 152), List.of());
        assertThat(r.lines()).containsExactly("added: 2 intent sets, 1 model", "already present: 152 replay items");
    }
}
