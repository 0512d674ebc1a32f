package dev.switchyard.app.replay.grade;

import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.Vote;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Human votes from blind comparisons: an answer passes when its run won a vote of its comparison or the vote
 * was a tie, fails when every vote went to another run, and is not graded when its comparison has no votes
 * (or the answer was not a stored comparison run). Votes are read once when the grader is built.
 */
public final class VoteGrader implements Grader {

    private final Workspace workspace;
    private final Map<Long, List<Vote>> votesByComparison;

    public VoteGrader(Workspace workspace) {
        this.workspace = workspace;
        this.votesByComparison = workspace.comparisons().allVotes().stream()
                .collect(Collectors.groupingBy(Vote::comparisonId));
    }

    @Override
    public GraderKind kind() {
        return GraderKind.VOTES;
    }

    @Override
    public Grade grade(GradeInput in) {
        if (in.runId() == null) {
            return Grade.ungraded(kind(), "no stored run to look up votes for");
        }
        Long comparison = workspace.runs().get(in.runId()).map(Run::comparisonId).orElse(null);
        List<Vote> votes = comparison == null ? List.of() : votesByComparison.getOrDefault(comparison, List.of());
        if (votes.isEmpty()) {
            return Grade.ungraded(kind(), "no blind vote on this answer");
        }
        long wins = votes.stream().filter(v -> in.runId().equals(v.winnerRunId())).count();
        long ties = votes.stream().filter(Vote::isTie).count();
        boolean ok = wins + ties > 0;
        return Grade.of(kind(), ok, count(wins, "win", "wins") + ", " + count(ties, "tie", "ties") + " in "
                + count(votes.size(), "vote", "votes"))
                .withScore((wins + 0.5 * ties) / votes.size());
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
