package dev.switchyard.local.generate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StopMatcherTest {
    @Test
    void stopsBeforeAStopStringSplitAcrossChunks() {
        StopMatcher m = new StopMatcher(List.of("\nUser:"));
        StringBuilder out = new StringBuilder();
        for (String chunk : List.of("Hello", " there", "\nUs", "er", ": more")) {
            out.append(m.accept(chunk));
            if (m.stopped()) {
                break;
            }
        }
        assertThat(m.stopped()).isTrue();
        assertThat(out.toString()).isEqualTo("Hello there");
    }

    @Test
    void holdsBackOnlyWhatCouldStartAStopStringAndReleasesItOtherwise() {
        StopMatcher m = new StopMatcher(List.of("END"));
        assertThat(m.accept("abcE")).isEqualTo("abc");
        assertThat(m.accept("N")).isEmpty();
        assertThat(m.accept("x")).isEqualTo("ENx");
        assertThat(m.accept("E")).isEmpty();
        assertThat(m.flush()).isEqualTo("E");
        assertThat(m.stopped()).isFalse();
    }

    @Test
    void noStopStringsPassEverythingThrough() {
        StopMatcher m = new StopMatcher(List.of());
        assertThat(m.accept("anything")).isEqualTo("anything");
    }
}
