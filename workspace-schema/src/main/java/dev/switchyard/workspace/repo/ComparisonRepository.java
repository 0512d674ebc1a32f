package dev.switchyard.workspace.repo;

import dev.switchyard.workspace.db.Database;
import dev.switchyard.workspace.db.Sql;
import dev.switchyard.workspace.model.Comparison;
import dev.switchyard.workspace.model.Vote;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Comparisons (the runs of one click) and blind-mode votes on them. */
public final class ComparisonRepository extends Repository {

    private static final String COLS = "id, uid, prompt_version_id, repeat_count, blind, created_at";
    private static final String VCOLS = "id, uid, comparison_id, winner_run_id, created_at";

    public ComparisonRepository(Database db) {
        super(db);
    }

    public Comparison create(Long promptVersionId, int repeatCount, boolean blind) {
        return insert(new Comparison(0, null, promptVersionId, repeatCount, blind, null));
    }

    public Comparison insert(Comparison c) {
        if (c.repeatCount() < 1) {
            throw invalid("repeat count must be at least 1");
        }
        String uid = uidOr(c.uid());
        var created = nowOr(c.createdAt());
        long id = db.insert("INSERT INTO comparisons (uid, prompt_version_id, repeat_count, blind, created_at)"
                + " VALUES (?, ?, ?, ?, ?)", uid, c.promptVersionId(), c.repeatCount(), c.blind(), created);
        return new Comparison(id, uid, c.promptVersionId(), c.repeatCount(), c.blind(), created);
    }

    public Optional<Comparison> get(long id) {
        return db.queryOne("SELECT " + COLS + " FROM comparisons WHERE id = ?", ComparisonRepository::map, id);
    }

    public Optional<Comparison> findByUid(String uid) {
        return db.queryOne("SELECT " + COLS + " FROM comparisons WHERE uid = ?", ComparisonRepository::map, uid);
    }

    /** The newest comparisons first. */
    public List<Comparison> recent(int limit) {
        return db.query("SELECT " + COLS + " FROM comparisons ORDER BY created_at DESC, id DESC LIMIT ?",
                ComparisonRepository::map, limit);
    }

    /** Records a blind-mode verdict: the winning run (which must belong to the comparison) or a tie (null). */
    public Vote vote(long comparisonId, Long winnerRunId) {
        return insertVote(new Vote(0, null, comparisonId, winnerRunId, null));
    }

    public Vote insertVote(Vote v) {
        return db.write(c -> {
            if (v.winnerRunId() != null && Database.list(c, "SELECT 1 FROM runs WHERE id = ? AND comparison_id = ?",
                    rs -> 1, v.winnerRunId(), v.comparisonId()).isEmpty()) {
                throw invalid("run " + v.winnerRunId() + " is not part of comparison " + v.comparisonId());
            }
            String uid = uidOr(v.uid());
            var created = nowOr(v.createdAt());
            long id = Database.insert(c, "INSERT INTO votes (uid, comparison_id, winner_run_id, created_at)"
                    + " VALUES (?, ?, ?, ?)", uid, v.comparisonId(), v.winnerRunId(), created);
            return new Vote(id, uid, v.comparisonId(), v.winnerRunId(), created);
        });
    }

    /** Votes on a comparison, oldest first. */
    public List<Vote> votes(long comparisonId) {
        return db.query("SELECT " + VCOLS + " FROM votes WHERE comparison_id = ? ORDER BY created_at, id",
                ComparisonRepository::mapVote, comparisonId);
    }

    /** Every comparison, oldest first. */
    public List<Comparison> list() {
        return db.query("SELECT " + COLS + " FROM comparisons ORDER BY created_at, id", ComparisonRepository::map);
    }

    /** Every vote, oldest first. */
    public List<Vote> allVotes() {
        return db.query("SELECT " + VCOLS + " FROM votes ORDER BY created_at, id", ComparisonRepository::mapVote);
    }

    public Optional<Vote> findVoteByUid(String uid) {
        return db.queryOne("SELECT " + VCOLS + " FROM votes WHERE uid = ?", ComparisonRepository::mapVote, uid);
    }

    static Comparison map(ResultSet rs) throws SQLException {
        return new Comparison(rs.getLong("id"), rs.getString("uid"), Sql.longOrNull(rs, "prompt_version_id"),
                rs.getInt("repeat_count"), Sql.bool(rs, "blind"), Sql.instant(rs, "created_at"));
    }

    static Vote mapVote(ResultSet rs) throws SQLException {
        return new Vote(rs.getLong("id"), rs.getString("uid"), rs.getLong("comparison_id"),
                Sql.longOrNull(rs, "winner_run_id"), Sql.instant(rs, "created_at"));
    }
}
