package dev.switchyard.app.compare;

import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.Vote;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Per-model results of blind votes. A model takes part in a vote when it has a run in the voted comparison;
 * win rate = wins / votes taken part in (ties count as taken part, not won). When a comparison was voted
 * on more than once, its latest vote counts.
 */
public final class WinRates {

    /** One model's record. */
    public record Row(long modelId, int votes, int wins, int ties) {
        public double winRate() {
            return votes == 0 ? 0 : (double) wins / votes;
        }
    }

    private WinRates() {
    }

    /** Rows sorted by win rate (then wins), best first. */
    public static List<Row> compute(List<Vote> votes, Function<Long, List<Run>> runsOfComparison) {
        Map<Long, Vote> latest = new LinkedHashMap<>();
        votes.stream().sorted(Comparator.comparing(Vote::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparingLong(Vote::id))
                .forEach(v -> latest.put(v.comparisonId(), v));
        Map<Long, int[]> tally = new LinkedHashMap<>();
        for (Vote vote : latest.values()) {
            List<Run> runs = runsOfComparison.apply(vote.comparisonId());
            Set<Long> models = new LinkedHashSet<>();
            Long winnerModel = null;
            for (Run r : runs) {
                models.add(r.modelId());
                if (vote.winnerRunId() != null && r.id() == vote.winnerRunId()) {
                    winnerModel = r.modelId();
                }
            }
            for (long m : models) {
                int[] t = tally.computeIfAbsent(m, k -> new int[3]);
                t[0]++;
                if (vote.isTie()) {
                    t[2]++;
                } else if (winnerModel != null && winnerModel == m) {
                    t[1]++;
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        tally.forEach((m, t) -> rows.add(new Row(m, t[0], t[1], t[2])));
        rows.sort(Comparator.comparingDouble(Row::winRate).reversed().thenComparing(Comparator.comparingInt(Row::wins).reversed()));
        return rows;
    }
}
