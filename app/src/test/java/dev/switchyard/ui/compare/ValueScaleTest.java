package dev.switchyard.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** A chart's value axis: ticks of 1, 2 or 5 × 10ⁿ whose labels fit side by side. */
class ValueScaleTest {

    /** 7 px a character, as a small UI font. */
    private static final ToDoubleFunction<String> SEVEN_PX = s -> 7.0 * s.length();

    @Test
    void aWideAxisGetsAboutTenTicks() {
        ValueScale s = ValueScale.fit(118, 600, SEVEN_PX);
        assertThat(s.step()).isEqualTo(20);
        assertThat(s.upper()).isEqualTo(140);
        assertThat(s.label(140)).isEqualTo("140");
    }

    @Test
    void aNarrowAxisGetsFewerTicksSoLabelsNeverTouch() {
        // 125 on 280 px: steps of 10 would put "130" every 20 px (the labels ran together: "90100110")
        ValueScale s = ValueScale.fit(125, 280, SEVEN_PX);
        double perTick = 280 / (s.upper() / s.step());
        assertThat(perTick).isGreaterThanOrEqualTo(SEVEN_PX.applyAsDouble(s.label(s.upper())) + ValueScale.GAP);
        assertThat(s.step()).isEqualTo(20);
        assertThat(s.upper()).isEqualTo(140);
        assertThat(ValueScale.fit(125, 150, SEVEN_PX).step()).isEqualTo(50);
        // a very narrow one ends with one interval, whatever fits
        ValueScale tiny = ValueScale.fit(12_345, 20, SEVEN_PX);
        assertThat(tiny.upper() / tiny.step()).isEqualTo(1);
        assertThat(tiny.upper()).isGreaterThanOrEqualTo(12_345);
        assertThat(tiny.label(tiny.upper())).isEqualTo("20,000");
    }

    @Test
    void smallValuesGetTheDecimalsTheirStepNeeds() {
        ValueScale cost = ValueScale.fit(0.000034, 600, SEVEN_PX);
        assertThat(cost.step()).isEqualTo(0.000005, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(cost.decimals()).isEqualTo(6);
        assertThat(cost.label(0.000035)).isEqualTo("0.000035");
        assertThat(ValueScale.fit(0.8, 600, SEVEN_PX).label(0.1)).isEqualTo("0.1");
    }

    @Test
    void nothingAboveZeroStillDrawsAnAxis() {
        ValueScale s = ValueScale.fit(0, 300, SEVEN_PX);
        assertThat(s.upper()).isEqualTo(1);
        assertThat(s.step()).isGreaterThan(0);
    }

    @Test
    void niceSteps() {
        assertThat(ValueScale.nice(7)).isEqualTo(10);
        assertThat(ValueScale.nice(10)).isEqualTo(10);
        assertThat(ValueScale.nice(11)).isEqualTo(20);
        assertThat(ValueScale.nice(0.03)).isEqualTo(0.05, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(ValueScale.nice(3000)).isEqualTo(5000);
    }
}
