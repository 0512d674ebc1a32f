package dev.switchyard.app.replay.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.replay.results.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML report's cost-versus-quality chart as the SVG a browser draws. */
class SvgChartsTest {

    /** The axes' lines in the SVG: the pass-rate axis at x = 70, the cost axis at y = 310 (viewBox 640 × 360). */
    private static final double PASS_RATE_AXIS_X = 70;
    private static final double COST_AXIS_Y = 310;
    private static final double TOP = 20;

    private static Point point(String name, String kind, double rate, double per1k) {
        return new Point(name, kind, 20, 20, (int) Math.round(rate * 20), rate, per1k / 50, per1k, 10, 20, 0.5, 0, 0);
    }

    /** Each circle as {cx, cy, r}. */
    private static List<double[]> circles(String svg) {
        Matcher m = Pattern.compile("<circle cx=\"([0-9.]+)\" cy=\"([0-9.]+)\" r=\"([0-9.]+)\"").matcher(svg);
        List<double[]> out = new ArrayList<>();
        while (m.find()) {
            out.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))});
        }
        return out;
    }

    private static List<String> costTicks(String svg) {
        Matcher m = Pattern.compile("<text [^>]*y=\"328\" class=\"tick\"[^>]*>([^<]*)</text>").matcher(svg);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /**
     * A point at $0 (an all-local baseline) and one at 0 % were centred on the axes' lines, half outside the axes; they
     * are drawn whole inside them now, and the cost ticks are round numbers from $0 (they were $0.550, $1.10 …).
     */
    @Test
    void pointsAtZeroCostOrZeroPassRateAreDrawnWholeInsideTheAxesAndTheTicksAreRound() {
        String svg = SvgCharts.costQuality(List.of(point("policy", "policy", 0.5, 1.0),
                point("all-local (tiny)", "baseline", 0.0, 0), point("all-local (other)", "baseline", 0.4, 0),
                point("all-cloud (gpt-x)", "baseline", 1.0, 2.0)));
        List<double[]> dots = circles(svg);
        assertThat(dots).hasSize(4);
        for (double[] c : dots) {
            assertThat(c[0] - c[2]).as("left edge of the circle at %s, %s", c[0], c[1]).isGreaterThan(PASS_RATE_AXIS_X);
            assertThat(c[1] + c[2]).as("bottom edge of the circle at %s, %s", c[0], c[1]).isLessThan(COST_AXIS_Y);
            assertThat(c[1] - c[2]).as("top edge of the circle at %s, %s", c[0], c[1]).isGreaterThanOrEqualTo(TOP);
        }
        assertThat(dots).anyMatch(c -> c[0] == SvgCharts.x(0, 1) && c[1] == SvgCharts.y(0)); // the ($0, 0 %) point
        assertThat(costTicks(svg)).containsExactly("$0", "$1", "$2", "$3", "$4", "$5");
    }

    @Test
    void smallCostsGetTicksThatReadExactly() {
        String svg = SvgCharts.costQuality(List.of(point("policy", "policy", 0.5, 0.0006),
                point("all-local (tiny)", "baseline", 0.3, 0)));
        assertThat(costTicks(svg)).containsExactly("$0", "$0.0002", "$0.0004", "$0.0006", "$0.0008", "$0.001");
    }

    @Test
    void withNoCostAboveZeroTheCostAxisHasNoTicks() {
        String svg = SvgCharts.costQuality(List.of(point("policy", "policy", 0.5, 0),
                point("all-local (tiny)", "baseline", 0.3, 0)));
        assertThat(costTicks(svg)).isEmpty();
        assertThat(circles(svg)).allMatch(c -> c[0] - c[2] > PASS_RATE_AXIS_X);
    }
}
