package dev.switchyard.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.switchyard.ui.prefs.AppPreferences;
import dev.switchyard.ui.prefs.MemoryPreferenceStore;
import dev.switchyard.ui.task.DirectTaskRunner;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.SplitPane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Compare's divider between the prompt and the answers comes back where the user left it (toolkit, no window). */
class CompareSplitTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void theDividerComesBackWhereItWasLeft() throws Exception {
        AppPreferences prefs = new AppPreferences(new MemoryPreferenceStore());
        prefs.rememberSplit("compare", 0.22);
        WaitForAsyncUtils.asyncFx(() -> {
            CompareView view = new CompareView(new CompareViewModel(new DirectTaskRunner(), System::nanoTime, Runnable::run,
                    new Random(1)), id -> { });
            view.rememberSplit(prefs);
            SplitPane split = (SplitPane) view.getCenter();
            assertThat(split.getDividerPositions()[0]).isCloseTo(0.22, within(1e-9));
            return null;
        }).get(30, TimeUnit.SECONDS);
        // saving where the user drags it is WindowMemory's, checked with a real drag by WindowMemoryWindowTest
    }

    @Test
    void theSavedPromptsSidebarStaysHiddenOnceHidden() throws Exception {
        AppPreferences prefs = new AppPreferences(new MemoryPreferenceStore());
        WaitForAsyncUtils.asyncFx(() -> {
            CompareView view = view();
            view.rememberLibrary(prefs);
            assertThat(view.getLeft()).as("shown the first time").isInstanceOf(PromptLibraryView.class);
            ((javafx.scene.control.ToggleButton) view.lookup("#toggle-library")).fire();
            assertThat(view.getLeft()).isNull();
            return null;
        }).get(30, TimeUnit.SECONDS);
        assertThat(prefs.shown(CompareView.LIBRARY_PANEL, true)).isFalse();
        WaitForAsyncUtils.asyncFx(() -> {
            CompareView next = view(); // the next start
            next.rememberLibrary(prefs);
            assertThat(next.getLeft()).isNull();
            assertThat(((javafx.scene.control.ToggleButton) next.lookup("#toggle-library")).isSelected()).isFalse();
            return null;
        }).get(30, TimeUnit.SECONDS);
    }

    /** A view in a scene (not shown), styled so that its split pane's items are in the scene graph for lookups. */
    private static CompareView view() {
        CompareView view = new CompareView(new CompareViewModel(new DirectTaskRunner(), System::nanoTime, Runnable::run,
                new Random(1)), id -> { });
        new javafx.scene.Scene(view);
        view.applyCss();
        return view;
    }
}
