package dev.switchyard.ui.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppPreferencesTest {

    @TempDir
    Path dir;

    @Test
    void themeIsLightByDefaultAndTheToggleIsRemembered() {
        MemoryPreferenceStore store = new MemoryPreferenceStore();
        AppPreferences prefs = new AppPreferences(store);
        assertThat(prefs.themeProperty().get()).isEqualTo(Theme.LIGHT);

        prefs.toggleTheme();

        assertThat(store.snapshot()).containsEntry(AppPreferences.THEME, "dark");
        assertThat(new AppPreferences(store).themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(Theme.DARK.extraStylesheet()).isEqualTo("/assets/css/theme-dark.css");
        assertThat(Theme.LIGHT.extraStylesheet()).isNull();
    }

    @Test
    void aPanelShownOrHiddenIsRememberedAndNonsenseFallsBack() {
        MemoryPreferenceStore store = new MemoryPreferenceStore();
        AppPreferences prefs = new AppPreferences(store);
        assertThat(prefs.shown("compare.library", true)).isTrue();
        assertThat(prefs.shown("compare.library", false)).isFalse();

        prefs.rememberShown("compare.library", false);
        assertThat(store.snapshot()).containsEntry("panel.compare.library", "false");
        assertThat(new AppPreferences(store).shown("compare.library", true)).isFalse();

        store.put("panel.compare.library", "maybe");
        assertThat(new AppPreferences(store).shown("compare.library", true)).isTrue();
    }

    @Test
    void windowBoundsRoundTripAndNonsenseIsIgnored() {
        MemoryPreferenceStore store = new MemoryPreferenceStore();
        AppPreferences prefs = new AppPreferences(store);
        assertThat(prefs.window()).isEmpty();

        prefs.rememberWindow(new AppPreferences.WindowBounds(10, 20, 1200, 800, true));
        assertThat(new AppPreferences(store).window()).contains(new AppPreferences.WindowBounds(10, 20, 1200, 800, true));

        store.put("window.width", "oops");
        assertThat(new AppPreferences(store).window()).isEmpty();
        store.put("window.width", "50");
        assertThat(new AppPreferences(store).window()).isEmpty();
    }

    @Test
    void splitPositionsAreKeptPerIdWithinSaneBounds() {
        AppPreferences prefs = new AppPreferences(new MemoryPreferenceStore());
        prefs.rememberSplit("history", 0.61);
        prefs.rememberSplit("models", 0.99);

        assertThat(prefs.split("history", 0.5)).isEqualTo(0.61);
        assertThat(prefs.split("models", 0.3)).isEqualTo(0.3);
        assertThat(prefs.split("other", 0.4)).isEqualTo(0.4);
    }

    @Test
    void lastWorkspaceIsOfferedOnlyWhileTheFileExists() throws Exception {
        AppPreferences prefs = new AppPreferences(new MemoryPreferenceStore());
        Path file = Files.createFile(dir.resolve("w.switchyard"));
        prefs.rememberWorkspace(file);
        assertThat(prefs.lastWorkspace()).contains(file.toAbsolutePath());

        Files.delete(file);
        assertThat(prefs.lastWorkspace()).isEmpty();
    }

    @Test
    void javaPreferencesStoreReadsWhatItWrote() throws Exception {
        var node = java.util.prefs.Preferences.userRoot().node("/dev/switchyard/test-" + System.nanoTime());
        try {
            JavaPreferenceStore store = new JavaPreferenceStore(node);
            store.put("k", "v");
            store.putDouble("d", 0.25);
            assertThat(store.get("k")).contains("v");
            assertThat(store.getDouble("d", 0)).isEqualTo(0.25);
            store.remove("k");
            assertThat(store.get("k")).isEmpty();
        } finally {
            node.removeNode();
        }
    }
}
