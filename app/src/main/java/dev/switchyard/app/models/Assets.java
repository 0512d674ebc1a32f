package dev.switchyard.app.models;

import dev.switchyard.cloud.catalog.CloudCatalog;
import dev.switchyard.cloud.catalog.PriceTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The data shipped in {@code assets/} (packed into the app jar under {@code /assets}). */
public final class Assets {

    private Assets() {
    }

    public static InputStream open(String path) {
        InputStream in = Assets.class.getResourceAsStream("/assets/" + path);
        if (in == null) {
            throw new IllegalStateException("The app jar is missing /assets/" + path + "; rebuild with 'mvn package'.");
        }
        return in;
    }

    /** Provider presets and the known cloud models. */
    public static CloudCatalog cloudCatalog() {
        try (InputStream providers = open("cloud/providers.json"); InputStream models = open("cloud/models.json")) {
            return CloudCatalog.load(providers, models);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the shipped cloud catalog", e);
        }
    }

    /** The shipped price table. */
    public static PriceTable priceTable() {
        try (InputStream prices = open("cloud/prices.json")) {
            return PriceTable.load(prices);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the shipped price table", e);
        }
    }
}
