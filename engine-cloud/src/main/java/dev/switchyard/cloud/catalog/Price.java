package dev.switchyard.cloud.catalog;

import dev.switchyard.cloud.Usage;

/**
 * One price row, per 1M tokens.
 *
 * @param provider    preset id
 * @param model       model id
 * @param input       price of uncached input tokens
 * @param cachedInput price of cache-read input tokens; null = not offered (charged as input)
 * @param cacheWrite  price of cache-write input tokens (Anthropic); null = charged as input
 * @param output      price of output tokens, reasoning included
 * @param currency    ISO currency, "USD"
 * @param source      URL of the published price list
 * @param asOf        date (yyyy-MM or yyyy-MM-dd) the row was taken from the source
 */
public record Price(String provider, String model, double input, Double cachedInput, Double cacheWrite, double output,
                    String currency, String source, String asOf) {

    /**
     * DESIGN.md's formula: (input − cached − written) × in + cached × cachedIn + written × write + output × out,
     * divided by 1M.
     */
    public double cost(Usage u) {
        int cached = u.cachedInputTokens();
        int written = u.cacheWriteInputTokens();
        int plain = Math.max(0, u.inputTokens() - cached - written);
        double c = plain * input
                + cached * (cachedInput != null ? cachedInput : input)
                + written * (cacheWrite != null ? cacheWrite : input)
                + (double) u.outputTokens() * output;
        return c / 1_000_000.0;
    }
}
