package dev.switchyard.app.models;

import dev.switchyard.workspace.model.ProviderKind;
import java.math.BigDecimal;

/**
 * A cloud model given on the command line instead of configured in the workspace.
 *
 * @param kind        wire protocol
 * @param baseUrl     endpoint base URL
 * @param apiModel    model name as the endpoint expects it
 * @param keyEnv      environment variable holding the key, null for a server without auth
 * @param priceIn     USD per 1M input tokens, null = take the shipped price if any
 * @param priceCached USD per 1M cached input tokens, null = billed as input
 * @param priceOut    USD per 1M output tokens
 */
public record InlineCloudModel(ProviderKind kind, String baseUrl, String apiModel, String keyEnv,
                               BigDecimal priceIn, BigDecimal priceCached, BigDecimal priceOut) {

    public boolean hasPrice() {
        return priceIn != null && priceOut != null;
    }
}
