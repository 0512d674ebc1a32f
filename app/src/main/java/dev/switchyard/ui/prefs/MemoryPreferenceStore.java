package dev.switchyard.ui.prefs;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Preferences kept in memory only (tests, screenshots). */
public final class MemoryPreferenceStore implements PreferenceStore {

    private final Map<String, String> values = new ConcurrentHashMap<>();

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public void put(String key, String value) {
        values.put(key, value);
    }

    @Override
    public void remove(String key) {
        values.remove(key);
    }

    /** A copy of everything stored. */
    public Map<String, String> snapshot() {
        return Map.copyOf(values);
    }
}
