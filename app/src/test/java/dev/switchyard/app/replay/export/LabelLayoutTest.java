package dev.switchyard.app.replay.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Chart names that would cover one another are moved apart, the others stay beside their points. */
class LabelLayoutTest {

    @Test
    void namesAtTheSameSpotStackAndNamesApartStay() {
        // three names at x = 10 wanting nearly the same row (points at $0 with pass rates 50%, 52%, 55%), one far off
        List<LabelLayout.Box> boxes = List.of(new LabelLayout.Box(10, 100, 80), new LabelLayout.Box(10, 104, 60),
                new LabelLayout.Box(10, 96, 70), new LabelLayout.Box(300, 100, 50));
        double[] top = LabelLayout.place(boxes, 14, 1, 0, 400);
        assertThat(top[2]).isEqualTo(96); // the highest keeps its place
        assertThat(top[0]).isEqualTo(96 + 15);
        assertThat(top[1]).isEqualTo(96 + 30);
        assertThat(top[3]).isEqualTo(100); // no overlap: where it wanted to be
    }

    @Test
    void namesNearTheBottomStackUpwards() {
        List<LabelLayout.Box> boxes = List.of(new LabelLayout.Box(10, 380, 80), new LabelLayout.Box(10, 384, 80));
        double[] top = LabelLayout.place(boxes, 14, 1, 0, 400);
        assertThat(top[1]).isEqualTo(384);
        assertThat(top[0]).isEqualTo(384 - 15);
    }

    @Test
    void aNameThatWouldCoverAnotherPointsDotMovesPastIt() {
        // a name right of its dot at x 0..10 runs over the policy's dot at x 40..54, on the same row
        List<LabelLayout.Box> boxes = List.of(new LabelLayout.Box(14, 100, 200));
        List<LabelLayout.Rect> dots = List.of(new LabelLayout.Rect(0, 102, 10, 10), new LabelLayout.Rect(40, 98, 14, 14));
        double[] top = LabelLayout.place(boxes, dots, 14, 1, 0, 400);
        assertThat(top[0]).isEqualTo(98 + 14 + 1);
        // without dots in the way it keeps its row
        assertThat(LabelLayout.place(boxes, List.of(dots.get(0)), 14, 1, 0, 400)[0]).isEqualTo(100);
    }
}
