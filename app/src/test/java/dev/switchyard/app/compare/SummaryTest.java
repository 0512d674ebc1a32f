package dev.switchyard.app.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void percentilesUseNearestRank() {
        Summary s = Summary.of(List.of(4, 1, 3, 2));
        assertThat(s.n()).isEqualTo(4);
        assertThat(s.p50()).isEqualTo(2);
        assertThat(s.p95()).isEqualTo(4);
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.max()).isEqualTo(4);
        assertThat(s.mean()).isEqualTo(2.5);
    }

    @Test
    void p95OfTwentyValuesIsTheNineteenthSmallest() {
        List<Double> values = IntStream.rangeClosed(1, 20).mapToObj(i -> (double) i).toList();
        assertThat(Summary.of(values).p95()).isEqualTo(19);
        assertThat(Summary.of(values).p50()).isEqualTo(10);
    }

    @Test
    void everyPercentileIsAMeasuredValue() {
        Summary s = Summary.of(List.of(100, 300, 200));
        assertThat(List.of(100.0, 200.0, 300.0)).contains(s.p50(), s.p95());
        assertThat(s.p50()).isEqualTo(200);
        assertThat(Summary.percentile(List.of(5.0, 7.0), 0)).isEqualTo(5);
    }

    @Test
    void nullsAreLeftOutAndNothingGivesNull() {
        List<Long> withNulls = new ArrayList<>(Arrays.asList(null, 10L, null, 30L));
        assertThat(Summary.of(withNulls).n()).isEqualTo(2);
        assertThat(Summary.of(withNulls).p50()).isEqualTo(10);
        assertThat(Summary.of(Arrays.asList(null, null))).isNull();
        assertThat(Summary.of(List.of())).isNull();
    }

    @Test
    void percentileOutsideRangeIsRefused() {
        assertThatThrownBy(() -> Summary.percentile(List.of(1.0), 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Summary.percentile(List.of(), 50)).isInstanceOf(IllegalArgumentException.class);
    }
}
