package dev.switchyard.workspace.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants are stored with millisecond precision; records truncate so a stored row equals its record. */
final class Times {
    private Times() {
    }

    static Instant ms(Instant t) {
        // records are copied often (withId, withUid...): an instant already in whole milliseconds is kept as is
        return t == null || t.getNano() % 1_000_000 == 0 ? t : t.truncatedTo(ChronoUnit.MILLIS);
    }

    static String json(String value, String empty) {
        return value == null || value.isBlank() ? empty : value;
    }
}
