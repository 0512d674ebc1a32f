package dev.switchyard.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The metric strip's figures, written without String.format, read exactly as String.format writes them. */
class FormatsTest {

    private static List<Double> values() {
        List<Double> v = new ArrayList<>(List.of(0.0, -0.0, 0.05, 0.15, 0.25, 0.35, 0.45, 1.45, 2.675, 9.95, 9.995,
                99.95, 999.95, 1234.5, 12345.65, 0.000_005, 0.000_000_5, 0.004_999_95, 1e14 + 0.5, 1e16, -1.25,
                Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE, 123_456_789.125));
        Random r = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            double scale = Math.pow(10, r.nextInt(12) - 6);
            v.add(r.nextDouble() * scale);
            v.add(Math.round(r.nextDouble() * 100_000) / 1000.0 + 0.0005); // ties at the third decimal
            v.add(Math.round(r.nextDouble() * 10_000) / 100.0 + 0.05); // ties at the first decimal
        }
        return v;
    }

    @Test
    void fixedPointFiguresReadAsStringFormatWritesThem() {
        for (double v : values()) {
            for (int decimals : new int[] {1, 2, 4, 6}) {
                assertThat(Formats.fixed(v, decimals)).as("%s to %d places", v, decimals)
                        .isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", v));
            }
        }
    }

    @Test
    void groupedCountsAndMoneyReadAsStringFormatWritesThem() {
        Random r = new Random(7);
        List<Long> counts = new ArrayList<>(List.of(0L, 7L, 999L, 1000L, 999_999L, 1_000_000L, -1234L, Long.MAX_VALUE,
                Long.MIN_VALUE));
        for (int i = 0; i < 20_000; i++) {
            counts.add((long) (r.nextDouble() * Math.pow(10, r.nextInt(13))));
        }
        for (long n : counts) {
            assertThat(Formats.grouped(n)).isEqualTo(String.format(Locale.ROOT, "%,d", n));
        }
        for (double v : values()) {
            if (v >= 1 && v < 1e15) {
                assertThat(Formats.usd(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "$%,.2f", v));
            }
        }
        assertThat(Formats.usd(0.0123456)).isEqualTo("$0.0123");
        assertThat(Formats.usd(0.000_123_4)).isEqualTo("$0.000123");
        assertThat(Formats.ms(12_345)).isEqualTo("12.3 s");
        assertThat(Formats.ms(9_999.6)).isEqualTo("10,000 ms");
        assertThat(Formats.tps(41.25)).isEqualTo("41.3 tok/s");
        assertThat(Formats.tokens(12_345, true)).isEqualTo("~12,345");
        assertThat(Formats.elapsed(1_250)).isEqualTo("1.3 s");
    }
}
