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
}
