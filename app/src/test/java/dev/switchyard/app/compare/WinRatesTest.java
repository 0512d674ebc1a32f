package dev.switchyard.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.Vote;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WinRatesTest {

    private static Run run(long id, long model) {
        return Run.created(model, "p", "{}").withId(id);
    }

    @Test
    void countsWinsTiesAndTheLatestVotePerComparison() {
        Map<Long, List<Run>> runs = Map.of(
                1L, List.of(run(11, 100), run(12, 200)),
                2L, List.of(run(21, 100), run(22, 200)),
                3L, List.of(run(31, 100), run(32, 300)));
        List<Vote> votes = List.of(
                new Vote(1, "a", 1, 11L, Instant.ofEpochMilli(1)),
                new Vote(2, "b", 2, 21L, Instant.ofEpochMilli(2)),
                new Vote(3, "c", 2, 22L, Instant.ofEpochMilli(3)),
                new Vote(4, "d", 3, null, Instant.ofEpochMilli(4)));

        List<WinRates.Row> rows = WinRates.compute(votes, runs::get);

        WinRates.Row m100 = rows.stream().filter(r -> r.modelId() == 100).findFirst().orElseThrow();
        WinRates.Row m200 = rows.stream().filter(r -> r.modelId() == 200).findFirst().orElseThrow();
        WinRates.Row m300 = rows.stream().filter(r -> r.modelId() == 300).findFirst().orElseThrow();
        assertThat(m100).isEqualTo(new WinRates.Row(100, 3, 1, 1));
        assertThat(m200).isEqualTo(new WinRates.Row(200, 2, 1, 0));
        assertThat(m300).isEqualTo(new WinRates.Row(300, 1, 0, 1));
        assertThat(m200.winRate()).isEqualTo(0.5);
        assertThat(rows.get(0).modelId()).isEqualTo(200);
    }
}
