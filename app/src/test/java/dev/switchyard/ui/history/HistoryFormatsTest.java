package dev.switchyard.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunCost;
import dev.switchyard.workspace.model.RunMetrics;
import dev.switchyard.workspace.model.RunStatus;
import org.junit.jupiter.api.Test;

/** The detail's figures line breaks only after the dot between two figures, never inside one. */
class HistoryFormatsTest {

    @Test
    void aFigureItsNameAndItsUnitStayTogetherAndALineEndsWithTheDot() {
        RunMetrics m = new RunMetrics(0L, 625L, 2630L, 48L, null, 77L, null, 38.7, null, null, null);
        Run r = Run.created(1, "p", "{}").finished(RunStatus.COMPLETED, null, m, RunCost.api(0.001299, 1), false, 1, null);

        String line = Formats.metrics(r);

        assertThat(line.replace('\u00a0', ' ')).isEqualTo("TTFT 625 ms  ·  total 2.63 s  ·  in 48  ·  out 77  ·  decode 38.7 "
                + "tok/s  ·  cost $0.001299");
        // where a wrapping label may break: only at the plain spaces after a dot
        assertThat(line.split(Formats.SEPARATOR)).hasSize(6).noneMatch(figure -> figure.contains(" "));
        assertThat(Formats.SEPARATOR).startsWith("\u00a0").endsWith(" ");
    }
}
