package dev.switchyard.workspace.repo;

import dev.switchyard.workspace.db.Database;
import dev.switchyard.workspace.db.Sql;
import dev.switchyard.workspace.model.Replay;
import dev.switchyard.workspace.model.ReplayItem;
import dev.switchyard.workspace.model.ReplayItemStatus;
import dev.switchyard.workspace.model.ReplayMode;
import dev.switchyard.workspace.model.ReplayStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Replays of a policy version over a dataset, and their per-item outcomes (resumable). */
public final class ReplayRepository extends Repository {

    private static final String COLS = "id, uid, policy_version_id, dataset_id, mode, status, created_at, finished_at,"
            + " summary_json";
    private static final String ICOLS = "id, uid, replay_id, dataset_item_id, decision_json, route_taken_json, answer,"
            + " cost_usd, latency_ms, grade_json, status";

    public ReplayRepository(Database db) {
        super(db);
    }

    /** Starts a replay in state RUNNING. */
    public Replay start(long policyVersionId, long datasetId, ReplayMode mode) {
        return insert(new Replay(0, null, policyVersionId, datasetId, mode, ReplayStatus.RUNNING, null, null, null));
    }

    public Replay insert(Replay r) {
        require("replay mode", r.mode());
        require("replay status", r.status());
        requireJson("replay summary", r.summaryJson());
        String uid = uidOr(r.uid());
        Instant created = nowOr(r.createdAt());
        long id = db.insert("INSERT INTO replays (uid, policy_version_id, dataset_id, mode, status, created_at,"
                + " finished_at, summary_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", uid, r.policyVersionId(), r.datasetId(),
                r.mode(), r.status(), created, r.finishedAt(), r.summaryJson());
        return new Replay(id, uid, r.policyVersionId(), r.datasetId(), r.mode(), r.status(), created, r.finishedAt(),
                r.summaryJson());
    }

    /** Changes the status (e.g. PAUSED, or RUNNING again on resume). */
    public void setStatus(long replayId, ReplayStatus status) {
        if (db.update("UPDATE replays SET status = ? WHERE id = ?", require("replay status", status), replayId) == 0) {
            throw notFound("replay " + replayId);
        }
    }

    /** Ends a replay with its final status and summary JSON. */
    public Replay finish(long replayId, ReplayStatus status, String summaryJson) {
        requireJson("replay summary", summaryJson);
        if (db.update("UPDATE replays SET status = ?, summary_json = ?, finished_at = ? WHERE id = ?",
                require("replay status", status), summaryJson, now(), replayId) == 0) {
            throw notFound("replay " + replayId);
        }
        return get(replayId).orElseThrow();
    }

    public Optional<Replay> get(long id) {
        return db.queryOne("SELECT " + COLS + " FROM replays WHERE id = ?", ReplayRepository::map, id);
    }

    public Optional<Replay> findByUid(String uid) {
        return db.queryOne("SELECT " + COLS + " FROM replays WHERE uid = ?", ReplayRepository::map, uid);
    }

    /** All replays, newest first. */
    public List<Replay> list() {
        return db.query("SELECT " + COLS + " FROM replays ORDER BY created_at DESC, id DESC", ReplayRepository::map);
    }

    /**
     * Stores the outcome of one dataset item, replacing an earlier outcome of the same item in this replay (so a
     * retried item never duplicates) together with its run list.
     */
    public ReplayItem saveItem(ReplayItem item) {
        return saveItems(List.of(item)).get(0);
    }

    /** {@link #saveItem} for many items in one transaction (all or none), statements prepared once. */
    public List<ReplayItem> saveItems(List<ReplayItem> items) {
        for (ReplayItem item : items) {
            requireJson("replay decision", item.decisionJson());
            requireJson("replay route taken", item.routeTakenJson());
            requireJson("replay grade", item.gradeJson());
        }
        return db.write(c -> {
            List<ReplayItem> out = new java.util.ArrayList<>(items.size());
            try (var find = c.prepareStatement("SELECT uid FROM replay_items WHERE replay_id = ? AND dataset_item_id = ?");
                 var delete = c.prepareStatement("DELETE FROM replay_items WHERE replay_id = ? AND dataset_item_id = ?");
                 var insert = c.prepareStatement("INSERT INTO replay_items (uid, replay_id, dataset_item_id,"
                         + " decision_json, route_taken_json, answer, cost_usd, latency_ms, grade_json, status)"
                         + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 var rowid = c.prepareStatement("SELECT last_insert_rowid()");
                 var link = c.prepareStatement("INSERT INTO replay_item_runs (replay_item_id, position, run_id)"
                         + " VALUES (?, ?, ?)")) {
                for (ReplayItem item : items) {
                    Sql.bind(find, item.replayId(), item.datasetItemId());
                    String existing = null;
                    try (ResultSet rs = find.executeQuery()) {
                        if (rs.next()) {
                            existing = rs.getString(1);
                        }
                    }
                    String uid = existing != null ? existing : uidOr(item.uid());
                    if (existing != null) {
                        Sql.bind(delete, item.replayId(), item.datasetItemId());
                        delete.executeUpdate();
                    }
                    Sql.bind(insert, uid, item.replayId(), item.datasetItemId(), item.decisionJson(),
                            item.routeTakenJson(), item.answer(), item.costUsd(), item.latencyMs(), item.gradeJson(),
                            item.status());
                    insert.executeUpdate();
                    long id;
                    try (ResultSet rs = rowid.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                    int position = 0;
                    for (Long runId : item.runIds()) {
                        Sql.bind(link, id, position++, runId);
                        link.addBatch();
                    }
                    link.executeBatch();
                    out.add(new ReplayItem(id, uid, item.replayId(), item.datasetItemId(), item.decisionJson(),
                            item.routeTakenJson(), item.runIds(), item.answer(), item.costUsd(), item.latencyMs(),
                            item.gradeJson(), item.status()));
                }
            }
            return out;
        });
    }

    /** Outcomes of a replay in dataset order. */
    public List<ReplayItem> items(long replayId) {
        return db.read(c -> {
            Map<Long, List<Long>> runs = Database.list(c, "SELECT r.replay_item_id, r.run_id FROM replay_item_runs r"
                    + " JOIN replay_items i ON i.id = r.replay_item_id WHERE i.replay_id = ? ORDER BY r.position",
                    rs -> new long[] {rs.getLong(1), rs.getLong(2)}, replayId).stream()
                    .collect(Collectors.groupingBy(p -> p[0], Collectors.mapping(p -> p[1], Collectors.toList())));
            return Database.list(c, "SELECT i.id, i.uid, i.replay_id, i.dataset_item_id, i.decision_json,"
                    + " i.route_taken_json, i.answer, i.cost_usd, i.latency_ms, i.grade_json, i.status FROM replay_items i"
                    + " JOIN dataset_items d ON d.id = i.dataset_item_id WHERE i.replay_id = ? ORDER BY d.position",
                    rs -> mapItem(rs, runs.getOrDefault(rs.getLong("id"), List.of())), replayId);
        });
    }

    public Optional<ReplayItem> findItemByUid(String uid) {
        return db.read(c -> {
            List<ReplayItem> found = Database.list(c, "SELECT " + ICOLS + " FROM replay_items WHERE uid = ?",
                    rs -> mapItem(rs, runIds(c, rs.getLong("id"))), uid);
            return found.stream().findFirst();
        });
    }

    /** Dataset item ids whose outcome is final (DONE, FAILED or SKIPPED): a resumed replay skips these. */
    public Set<Long> finishedItemIds(long replayId) {
        return new LinkedHashSet<>(db.query("SELECT dataset_item_id FROM replay_items WHERE replay_id = ? AND status <> ?"
                + " ORDER BY dataset_item_id", rs -> rs.getLong(1), replayId, ReplayItemStatus.PENDING));
    }

    private static List<Long> runIds(Connection c, long itemId) throws SQLException {
        return Database.list(c, "SELECT run_id FROM replay_item_runs WHERE replay_item_id = ? ORDER BY position",
                rs -> rs.getLong(1), itemId);
    }

    static Replay map(ResultSet rs) throws SQLException {
        return new Replay(rs.getLong("id"), rs.getString("uid"), rs.getLong("policy_version_id"), rs.getLong("dataset_id"),
                ReplayMode.of(rs.getString("mode")), ReplayStatus.of(rs.getString("status")),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "finished_at"), rs.getString("summary_json"));
    }

    static ReplayItem mapItem(ResultSet rs, List<Long> runIds) throws SQLException {
        return new ReplayItem(rs.getLong("id"), rs.getString("uid"), rs.getLong("replay_id"),
                rs.getLong("dataset_item_id"), rs.getString("decision_json"), rs.getString("route_taken_json"), runIds,
                rs.getString("answer"), Sql.doubleOrNull(rs, "cost_usd"), Sql.longOrNull(rs, "latency_ms"),
                rs.getString("grade_json"), ReplayItemStatus.of(rs.getString("status")));
    }
}
