package dev.switchyard.app.run;

import dev.switchyard.workspace.model.PriceRow;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Cost of a run from the price row in force (DESIGN.md):
 * {@code (input − cached) × price_in + cached × price_cached + output × price_out}, prices per 1M tokens.
 * A cached-input price that is absent falls back to the input price (the provider bills cached tokens
 * as ordinary input). Local runs cost busy seconds × the device's $/hour.
 */
public final class Pricing {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private Pricing() {
    }

    /** USD for the given token counts; null counts count as zero. */
    public static double apiCost(PriceRow price, Long inputTokens, Long cachedInputTokens, Long outputTokens) {
        long input = nz(inputTokens);
        long cached = Math.min(nz(cachedInputTokens), input);
        long output = nz(outputTokens);
        BigDecimal cachedPrice = price.cachedInputPerMTok() != null ? price.cachedInputPerMTok() : price.inputPerMTok();
        BigDecimal total = price.inputPerMTok().multiply(BigDecimal.valueOf(input - cached))
                .add(cachedPrice.multiply(BigDecimal.valueOf(cached)))
                .add(price.outputPerMTok().multiply(BigDecimal.valueOf(output)));
        return total.divide(MILLION, MathContext.DECIMAL64).doubleValue();
    }

    /** USD for a local run: busy time × the user's device cost per hour (0 by default). */
    public static double deviceCost(long busyMillis, double usdPerHour) {
        return busyMillis / 3_600_000.0 * usdPerHour;
    }

    private static long nz(Long v) {
        return v == null ? 0 : Math.max(0, v);
    }
}
