package dev.switchyard.ui.prefs;

/** The colour themes: the base sheet alone (light) or the base sheet plus the dark variable overrides. */
public enum Theme {
    LIGHT,
    DARK;

    /** The stylesheet added after the base sheet, or null. */
    public String extraStylesheet() {
        return this == DARK ? "/assets/css/theme-dark.css" : null;
    }
}
