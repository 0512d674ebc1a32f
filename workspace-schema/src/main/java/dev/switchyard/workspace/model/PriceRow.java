package dev.switchyard.workspace.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A model's price per 1M tokens from {@code asOf} on. Rows are never updated; the row in force at a time
 * is the newest {@code asOf} not after it. {@code cachedInputPerMTok} null means cached input is billed as
 * input.
 */
public record PriceRow(long id, String uid, long modelId, BigDecimal inputPerMTok, BigDecimal cachedInputPerMTok,
                       BigDecimal outputPerMTok, String currency, String source, LocalDate asOf, Instant createdAt) {

    public PriceRow {
        currency = currency == null ? "USD" : currency;
        createdAt = Times.ms(createdAt);
    }

    public static PriceRow of(long modelId, BigDecimal input, BigDecimal cachedInput, BigDecimal output,
                              String source, LocalDate asOf) {
        return new PriceRow(0, null, modelId, input, cachedInput, output, "USD", source, asOf, null);
    }
}
