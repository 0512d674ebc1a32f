package dev.switchyard.app.history;

import java.util.Locale;

/** The file formats history can be exported to. */
public enum ExportFormat {
    CSV("csv"),
    JSON("json");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** "csv" or "json" (any case); an {@link IllegalArgumentException} with a sentence otherwise. */
    public static ExportFormat parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Unknown export format '" + text + "'; use csv or json.");
        }
    }
}
