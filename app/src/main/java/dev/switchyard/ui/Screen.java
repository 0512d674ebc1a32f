package dev.switchyard.ui;

import javafx.scene.Node;

/**
 * One screen of the main window (Compare, History, Models…): a title for the navigation bar and the
 * view it shows. Screens are built once by the composition root ({@link SwitchyardApp}) and follow
 * the open workspace through {@code MainViewModel.workspaceProperty()}.
 */
public interface Screen {

    /** Stable id, also the CSS id of the navigation button ({@code nav-<id>}). */
    String id();

    /** Title in the navigation bar. */
    String title();

    /** The screen's view (built once, reused). */
    Node view();

    /** Shows the part of the screen named {@code section} (a tab, say); screens without parts ignore it. */
    default void focus(String section) {
    }

    /**
     * The window got the keyboard focus back while this screen shows — the user returns from a terminal where the CLI
     * wrote to the same workspace, say: a screen that lists what another process may add re-reads it (off the FX
     * thread, as File → Refresh does). Screens that read afresh each time they are shown ignore it.
     */
    default void windowFocused() {
    }

    /**
     * What the screen holds that is not saved and would be lost if the workspace closed now ("the intent
     * lights_on"), null when nothing: the window asks before quitting or opening another workspace.
     */
    default String unsavedWork() {
        return null;
    }
}
