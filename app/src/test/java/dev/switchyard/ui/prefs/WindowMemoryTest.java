package dev.switchyard.ui.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** The first window size: most of the screen, within 1100 x 720 .. 1440 x 900, never larger than the screen. */
class WindowMemoryTest {

    @Test
    void firstSizeFollowsTheScreen() {
        assertThat(WindowMemory.firstSize(new Rectangle2D(0, 0, 1920, 1050))).containsExactly(1440, 900);
        double[] laptop = WindowMemory.firstSize(new Rectangle2D(0, 0, 1366, 728));
        assertThat(laptop[0]).isCloseTo(1229.4, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(laptop[1]).isEqualTo(720);
        assertThat(WindowMemory.firstSize(new Rectangle2D(0, 0, 1280, 800))).containsExactly(1152, 720);
        assertThat(WindowMemory.firstSize(new Rectangle2D(0, 0, 1024, 600))).containsExactly(1024, 600);
    }
}
