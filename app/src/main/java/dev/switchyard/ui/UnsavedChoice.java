package dev.switchyard.ui;

/** What the user chose when asked about unsaved changes before they would be lost. */
public enum UnsavedChoice {
    /** Save the changes, then go on. */
    SAVE,
    /** Throw the changes away and go on. */
    DISCARD,
    /** Stay where the changes are. */
    CANCEL
}
