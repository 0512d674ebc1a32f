package dev.switchyard.workspace.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants are stored with millisecond precision; records truncate so a stored row equals its record. */
final class Times {
    private Times() {
    }

    static Instant ms(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MILLIS);
    }

    static String json(String value, String empty) {
        return value == null || value.isBlank() ? empty : value;
    }
}
