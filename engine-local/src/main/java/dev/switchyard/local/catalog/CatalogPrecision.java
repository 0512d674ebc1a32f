package dev.switchyard.local.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One downloadable precision of a model (its ONNX file(s), external data included).
 *
 * @param id              short id used in APIs and folder names: {@code q4}, {@code int8}, {@code fp32}, {@code int4-cpu} …
 * @param label           human description
 * @param recommended     true for the precision suggested for CPUs
 * @param approxSizeBytes rounded total size of the precision's files as listed on the hub, or null
 * @param files           the precision-specific files
 */
public record CatalogPrecision(String id, String label, boolean recommended, Long approxSizeBytes,
                               List<CatalogFile> files) {

    public CatalogPrecision {
        Objects.requireNonNull(id, "id");
        label = label == null ? id : label;
        files = List.copyOf(files);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("precision '" + id + "' lists no files");
        }
    }
}
