package dev.switchyard.cloud.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchyard.cloud.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Price rows from {@code assets/cloud/prices.json}. A missing row means "price unknown", never 0. */
public final class PriceTable {

    private static final Pattern DATED_SUFFIX = Pattern.compile("-(\\d{4}-\\d{2}-\\d{2}|\\d{8}|\\d{4}|latest)$");
    private final List<Price> rows;

    private PriceTable(List<Price> rows) {
        this.rows = rows;
    }

    /** Parses prices.json (the stream is read, not closed). */
    public static PriceTable load(InputStream pricesJson) throws IOException {
        List<Price> rows = new ArrayList<>();
        int i = 0;
        for (JsonNode p : CloudCatalog.array(Json.MAPPER.readTree(pricesJson), "prices", "prices.json")) {
            i++;
            String where = "prices.json entry " + i;
            String provider = CloudCatalog.required(p, "provider", where);
            String model = CloudCatalog.required(p, "model", where);
            rows.add(new Price(provider, model, number(p, "input", where), optional(p, "cachedInput"),
                    optional(p, "cacheWrite"), number(p, "output", where),
                    p.path("currency").asText("USD"), Json.text(p, "source"), Json.text(p, "asOf")));
        }
        return new PriceTable(List.copyOf(rows));
    }

    public List<Price> rows() {
        return rows;
    }

    /**
     * The row for a preset and model. A model name the server reported with a date or "-latest" suffix
     * ({@code gpt-4o-mini-2024-07-18}) falls back to the undated row when no exact row exists.
     */
    public Optional<Price> find(String provider, String model) {
        Optional<Price> exact = exact(provider, model);
        if (exact.isPresent() || model == null) {
            return exact;
        }
        String undated = DATED_SUFFIX.matcher(model).replaceFirst("");
        while (!undated.equals(model)) {
            Optional<Price> p = exact(provider, undated);
            if (p.isPresent()) {
                return p;
            }
            model = undated;
            undated = DATED_SUFFIX.matcher(model).replaceFirst("");
        }
        return Optional.empty();
    }

    private Optional<Price> exact(String provider, String model) {
        return rows.stream().filter(r -> r.provider().equals(provider) && r.model().equals(model)).findFirst();
    }

    private static double number(JsonNode p, String field, String where) {
        JsonNode v = p.get(field);
        if (v == null || !v.isNumber() || v.asDouble() < 0) {
            throw new IllegalArgumentException(where + ": '" + field + "' must be a non-negative number");
        }
        return v.asDouble();
    }

    private static Double optional(JsonNode p, String field) {
        JsonNode v = p.get(field);
        return v != null && v.isNumber() ? v.asDouble() : null;
    }
}
