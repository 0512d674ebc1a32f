package dev.switchyard.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.ui.compare.markdown.MarkdownBlocks;
import org.junit.jupiter.api.Test;

class MarkdownBlocksTest {

    @Test
    void settlesAtTheStartOfANewTopLevelBlock() {
        String t = "# Title\n\nFirst paragraph.\n\nSecond";
        assertThat(t.substring(MarkdownBlocks.settledCut(t))).isEqualTo("Second");
        assertThat(MarkdownBlocks.settledCut("no blank line yet")).isZero();
    }

    @Test
    void neverSplitsInsideACodeFenceOrAnIndentedContinuation() {
        String code = "Intro\n\n```\nline\n\nstill code\n";
        assertThat(code.substring(MarkdownBlocks.settledCut(code))).startsWith("```");
        String list = "1. one\n\n   more of one\n";
        assertThat(MarkdownBlocks.settledCut(list)).isZero();
    }
}
