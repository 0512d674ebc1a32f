package dev.switchyard.ui.prefs;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** {@link java.util.prefs} under the user node {@value #NODE}. Failures to persist are logged, never thrown. */
public final class JavaPreferenceStore implements PreferenceStore {

    /** The user preferences node the desktop app writes. */
    public static final String NODE = "/dev/switchyard/desktop";

    private static final Logger LOG = Logger.getLogger(JavaPreferenceStore.class.getName());
    private final Preferences node;

    public JavaPreferenceStore(Preferences node) {
        this.node = node;
    }

    public static JavaPreferenceStore user() {
        return new JavaPreferenceStore(Preferences.userRoot().node(NODE));
    }

    @Override
    public Optional<String> get(String key) {
        try {
            return Optional.ofNullable(node.get(key, null));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, String value) {
        node.put(key, value);
    }

    @Override
    public void remove(String key) {
        node.remove(key);
    }

    @Override
    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            LOG.log(Level.FINE, "could not save preferences", e);
        }
    }
}
