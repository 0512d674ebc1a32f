package dev.switchyard.ui.prefs;

import dev.switchyard.ui.main.MainView;
import dev.switchyard.ui.main.MainViewModel;
import dev.switchyard.ui.net.NetworkIndicator;
import dev.switchyard.ui.net.NetworkStatus;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/**
 * App-wide chrome around the main view: the theme (View menu toggle), remembered window bounds and last
 * workspace, and the network indicator in the status bar. Kept out of {@code SwitchyardApp} and
 * {@code MainView} so that their edits stay one call.
 */
public final class AppChrome {

    /** System property: "memory" keeps preferences in memory only (window tests, screenshots). */
    public static final String PREFS_PROPERTY = "switchyard.prefs";

    /** Rules of the workspace screens and the chrome (variables only). */
    public static final String SCREENS_CSS = "/assets/css/screens.css";

    private AppChrome() {
    }

    /** The user's preference store, or an in-memory one when {@value #PREFS_PROPERTY}=memory. */
    public static AppPreferences preferences() {
        boolean memory = "memory".equalsIgnoreCase(System.getProperty(PREFS_PROPERTY));
        return new AppPreferences(memory ? new MemoryPreferenceStore() : JavaPreferenceStore.user());
    }

    public static void install(Stage stage, Scene scene, MainView view, MainViewModel model, AppPreferences prefs,
                               NetworkStatus network) {
        scene.getStylesheets().add(java.util.Objects.requireNonNull(AppChrome.class.getResource(SCREENS_CSS)).toExternalForm());
        ThemeBinder.bind(scene, prefs);
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setId("menu-dark-theme");
        dark.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+D"));
        dark.setSelected(prefs.themeProperty().get() == Theme.DARK);
        dark.selectedProperty().addListener((obs, old, now) -> prefs.themeProperty().set(now ? Theme.DARK : Theme.LIGHT));
        prefs.themeProperty().addListener((obs, old, now) -> dark.setSelected(now == Theme.DARK));
        view.addMenu(new Menu("View", null, dark));
        view.addStatusItem(new NetworkIndicator(network));
        WindowMemory.attach(stage, prefs);
        model.workspaceProperty().addListener((obs, old, ws) -> {
            if (ws != null) {
                prefs.rememberWorkspace(ws.file());
            }
        });
    }
}
