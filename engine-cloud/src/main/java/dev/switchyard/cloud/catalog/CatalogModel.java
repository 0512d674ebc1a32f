package dev.switchyard.cloud.catalog;

import dev.switchyard.cloud.ModelCapabilities;
import dev.switchyard.cloud.Timeouts;
import java.util.List;

/**
 * A known cloud model from {@code assets/cloud/models.json}.
 *
 * @param id           model name as sent to the providers listed
 * @param providers    preset ids this entry applies to
 * @param displayName  readable name
 * @param capabilities request shaping and tokenizer
 * @param timeouts     {@link Timeouts#DEFAULT} or {@link Timeouts#REASONING}
 * @param notes        free text, may be null
 */
public record CatalogModel(String id, List<String> providers, String displayName, ModelCapabilities capabilities,
                           Timeouts timeouts, String notes) {

    public CatalogModel {
        providers = List.copyOf(providers);
    }
}
