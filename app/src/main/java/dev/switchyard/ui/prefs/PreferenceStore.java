package dev.switchyard.ui.prefs;

import java.util.Optional;

/**
 * Where the desktop app remembers small per-user things (theme, window bounds, split positions, last
 * workspace). Never secrets. {@link JavaPreferenceStore} in production, {@link MemoryPreferenceStore} in tests.
 */
public interface PreferenceStore {

    Optional<String> get(String key);

    void put(String key, String value);

    void remove(String key);

    /** Writes pending changes (no-op for memory). */
    default void flush() {
    }

    default double getDouble(String key, double fallback) {
        try {
            return get(key).map(Double::parseDouble).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    default void putDouble(String key, double value) {
        put(key, Double.toString(value));
    }
}
