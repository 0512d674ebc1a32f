package dev.switchyard.workspace.repo;

import dev.switchyard.workspace.WorkspaceException;
import dev.switchyard.workspace.db.Database;
import dev.switchyard.workspace.db.Sql;
import dev.switchyard.workspace.model.Page;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunQuery;
import dev.switchyard.workspace.model.RunStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs: insert (one or a batch in one transaction), update while streaming and at the end, and the history
 * page query (filters, sort, paging, total). Text search goes through the FTS5 index {@code runs_fts}.
 */
public final class RunRepository extends Repository {

    private static final String SELECT = "SELECT " + RunRows.SELECT_COLS + " FROM runs";

    public RunRepository(Database db) {
        super(db);
    }

    /** Stores a run (uid and creation time assigned unless set) and returns it with its id. */
    public Run insert(Run run) {
        return insertAll(List.of(run)).get(0);
    }

    /**
     * Stores many runs in one transaction (all or none) and returns them with ids, in order. The rows go in through
     * reused prepared statements ({@link #insertRows}); the text index and the per-model counts are then brought up
     * to date once for the whole batch (one {@code INSERT ... SELECT} into FTS5, one upsert per model and status).
     * JSON texts shared by the runs of a batch are checked once, uids come from one call to the secure generator.
     */
    public List<Run> insertAll(List<Run> runs) {
        List<Run> prepared = new ArrayList<>(runs.size());
        Set<String> validJson = new HashSet<>();
        int missingUids = 0;
        for (Run r : runs) {
            validate(r, validJson);
            if (r.uid() == null || r.uid().isBlank()) {
                missingUids++;
            }
        }
        String[] uids = missingUids == 0 ? new String[0] : Sql.newUids(missingUids);
        int nextUid = 0;
        Instant now = null;
        for (Run r : runs) {
            String uid = r.uid() == null || r.uid().isBlank() ? uids[nextUid++] : r.uid();
            Instant created = r.createdAt();
            if (created == null) {
                created = now == null ? (now = now()) : now;
            }
            prepared.add(r.withUid(uid, created));
        }
        Map<Map.Entry<Long, String>, Long> counts = new LinkedHashMap<>();
        for (Run r : prepared) {
            counts.merge(Map.entry(r.modelId(), r.status().code()), 1L, Long::sum);
        }
        return db.write(c -> {
            insertRows(c, prepared);
            long last = Database.list(c, "SELECT last_insert_rowid()", rs -> rs.getLong(1)).get(0);
            long first = last - prepared.size() + 1;
            Database.update(c, "INSERT INTO runs_fts (rowid, prompt_text, output_text)"
                    + " SELECT id, prompt_text, output_text FROM runs WHERE id BETWEEN ? AND ?", first, last);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_counts (model_id, status, n) VALUES (?, ?, ?)"
                    + " ON CONFLICT (model_id, status) DO UPDATE SET n = n + excluded.n")) {
                for (Map.Entry<Map.Entry<Long, String>, Long> e : counts.entrySet()) {
                    Sql.bind(ps, e.getKey().getKey(), e.getKey().getValue(), e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            List<Run> out = new ArrayList<>(prepared.size());
            for (int i = 0; i < prepared.size(); i++) {
                out.add(prepared.get(i).withId(first + i));
            }
            return out;
        });
    }

    /**
     * Inserts the rows in order (so their ids are consecutive). Runs with the same null columns share one prepared
     * statement that names only their non-null columns; a batch usually needs one or two of them.
     */
    private static void insertRows(Connection c, List<Run> runs) throws SQLException {
        Map<Long, PreparedStatement> statements = new HashMap<>();
        try {
            PreparedStatement current = null;
            for (Run r : runs) {
                Object[] args = RunRows.insertArgs(r);
                long columns = RunRows.columnsOf(args);
                PreparedStatement ps = statements.get(columns);
                if (ps == null) {
                    ps = c.prepareStatement(RunRows.insert(columns));
                    statements.put(columns, ps);
                }
                if (ps != current && current != null) {
                    current.executeBatch();
                }
                current = ps;
                RunRows.bindInsert(ps, args, columns);
                ps.addBatch();
            }
            if (current != null) {
                current.executeBatch();
            }
        } finally {
            for (PreparedStatement ps : statements.values()) {
                ps.close();
            }
        }
    }

    /**
     * Marks the runs that a process left CREATED or STREAMING and that process has ended (the app crashed, was
     * killed or the machine went down mid-answer) as interrupted: INCOMPLETE with the text received so far, or FAILED
     * when none had arrived, error kind {@code interrupted}. Runs of processes still running, or of another machine
     * sharing the file, are left alone. {@link dev.switchyard.workspace.Workspace#open} calls it. Returns how many.
     */
    public int markInterrupted() {
        List<Long> ended = db.query("SELECT id, owner FROM runs WHERE status IN ('CREATED', 'STREAMING') AND owner IS NOT NULL",
                        rs -> RunOwner.ended(rs.getString("owner")) ? rs.getLong("id") : null).stream()
                .filter(java.util.Objects::nonNull).toList();
        if (ended.isEmpty()) {
            return 0;
        }
        return db.write(c -> {
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET status = CASE WHEN output_text = '' THEN"
                    + " 'FAILED' ELSE 'INCOMPLETE' END, error_kind = 'interrupted', error_message = CASE WHEN output_text"
                    + " = '' THEN ? ELSE ? END, owner = NULL WHERE id = ? AND status IN ('CREATED', 'STREAMING')")) {
                for (long id : ended) {
                    Sql.bind(ps, INTERRUPTED + " No text had arrived.", INTERRUPTED + " The text received until then is kept.", id);
                    n += ps.executeUpdate();
                }
            }
            return n;
        });
    }

    /** The message of a run {@link #markInterrupted} marks (the sentence before what was kept). */
    static final String INTERRUPTED = "Switchyard stopped while this run was streaming (the app was closed or crashed, or"
            + " the computer went down).";

    /** Streaming progress: status and the text received so far. */
    public void updateProgress(long id, RunStatus status, String outputText, String reasoningText) {
        RunStatus s = require("run status", status);
        int n = db.update("UPDATE runs SET status = ?, output_text = ?, reasoning_text = ?, owner = COALESCE(?, owner)"
                        + " WHERE id = ?", s, outputText == null ? "" : outputText, reasoningText,
                s.isTerminal() ? null : RunOwner.CURRENT, id);
        if (n == 0) {
            throw notFound("run " + id);
        }
    }

    /**
     * Stores the mutable part of {@code run} (texts, status, error, metrics, cost, price row, flags, route, finish
     * time) on the row with {@code run.id()}.
     */
    public Run update(Run run) {
        validate(run);
        if (db.update(RunRows.UPDATE, RunRows.updateArgs(run)) == 0) {
            throw notFound("run " + run.id());
        }
        return get(run.id()).orElseThrow();
    }

    public Optional<Run> get(long id) {
        return db.queryOne(SELECT + " WHERE id = ?", RunRows::map, id);
    }

    public Optional<Run> findByUid(String uid) {
        return db.queryOne(SELECT + " WHERE uid = ?", RunRows::map, uid);
    }

    /** The runs of one comparison, by model then repeat. */
    public List<Run> byComparison(long comparisonId) {
        return db.query(SELECT + " WHERE comparison_id = ? ORDER BY model_id, repeat_index, id", RunRows::map,
                comparisonId);
    }

    /** Streams every run in id order to {@code sink} (used by export; holds the read connection meanwhile). */
    public void forEach(Consumer<Run> sink) {
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY id")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(RunRows.map(rs));
                    }
                }
            }
            return null;
        });
    }

    /**
     * Streams the COMPLETED runs of these models in id order (oldest first, so a caller keeping the last run per
     * prompt keeps the newest); used by replay to find stored runs of the same prompt, model and parameters.
     */
    public void forEachCompleted(java.util.Collection<Long> modelIds, Consumer<Run> sink) {
        if (modelIds.isEmpty()) {
            return;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(modelIds.size(), "?"));
        List<Object> args = new ArrayList<>(modelIds);
        args.add(RunStatus.COMPLETED);
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE model_id IN (" + marks + ") AND status = ?"
                    + " ORDER BY id")) {
                Sql.bind(ps, args.toArray());
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(RunRows.map(rs));
                    }
                }
            }
            return null;
        });
    }

    /** The runs with these ids (missing ids are left out), keyed by id. */
    public java.util.Map<Long, Run> getAll(java.util.Collection<Long> ids) {
        java.util.Map<Long, Run> out = new java.util.HashMap<>();
        List<Long> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += 500) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            db.query(SELECT + " WHERE id IN (" + marks + ")", RunRows::map, chunk.toArray())
                    .forEach(r -> out.put(r.id(), r));
        }
        return out;
    }

    /**
     * Rebuilds the text-search index and the per-model counts from the runs (the repair when {@code check()}
     * reports them out of step, e.g. after rows were written around this repository).
     */
    public void rebuildIndexes() {
        db.write(c -> {
            Database.update(c, "INSERT INTO runs_fts (runs_fts) VALUES ('rebuild')");
            Database.update(c, "DELETE FROM run_counts");
            return Database.update(c, "INSERT INTO run_counts (model_id, status, n)"
                    + " SELECT model_id, status, count(*) FROM runs GROUP BY model_id, status");
        });
    }

    /** Problems of the derived run data (text index, counts), as sentences; empty when in step. */
    public List<String> verifyIndexes() {
        List<String> problems = new ArrayList<>();
        try {
            db.update("INSERT INTO runs_fts (runs_fts, rank) VALUES ('integrity-check', 1)");
        } catch (WorkspaceException e) {
            if (e.kind() != WorkspaceException.Kind.CORRUPT) {
                throw e;
            }
            problems.add("The text-search index of the runs is out of step with the runs; rebuild it"
                    + " (runs().rebuildIndexes()).");
        }
        long drift = db.queryLong("SELECT count(*) FROM (SELECT model_id, status, count(*) AS n FROM runs"
                + " GROUP BY model_id, status EXCEPT SELECT model_id, status, n FROM run_counts WHERE n <> 0)");
        long stale = db.queryLong("SELECT count(*) FROM run_counts rc WHERE n <> (SELECT count(*) FROM runs r"
                + " WHERE r.model_id = rc.model_id AND r.status = rc.status)");
        if (drift + stale > 0) {
            problems.add("The run counts are out of step with the runs; rebuild them (runs().rebuildIndexes()).");
        }
        return problems;
    }

    /** Number of runs (from the maintained per-model counts, so it is instant at any size). */
    public long count() {
        return db.queryLong("SELECT coalesce(sum(n), 0) FROM run_counts");
    }

    /**
     * One page of the history plus the number of matching runs. Without a text filter the page walks one of the
     * time indexes; the total comes from {@code run_counts} (model and status filters) or, with a date filter, from
     * counting at most {@value RunSearch#COUNT_CAP} rows past the page (more: {@link Page#totalExact()} is false).
     * With a text filter see {@link RunSearch}. All statements of a page read the same snapshot.
     */
    public Page<Run> page(RunQuery q) {
        RunFilter filter = RunFilter.of(q);
        return db.read(c -> snapshot(c, () -> filter.words().isEmpty() ? plainPage(c, q, filter)
                : RunSearch.page(c, q, filter)));
    }

    private static Page<Run> plainPage(Connection c, RunQuery q, RunFilter filter) throws SQLException {
        List<Object> args = new ArrayList<>(filter.args());
        args.add(q.limit());
        args.add(q.offset());
        List<Run> rows = Database.list(c, "SELECT " + RunRows.SELECT_COLS + " FROM runs" + filter.where()
                + RunFilter.orderBy(q) + " LIMIT ? OFFSET ?", RunRows::map, args.toArray());
        if (rows.size() < q.limit() && (q.offset() == 0 || !rows.isEmpty())) {
            return new Page<>(rows, q.offset() + rows.size(), q.offset(), q.limit());
        }
        if (filter.countable()) {
            long total = Database.list(c, "SELECT coalesce(sum(n), 0) FROM run_counts" + filter.where(),
                    rs -> rs.getLong(1), filter.args().toArray()).get(0);
            return new Page<>(rows, total, q.offset(), q.limit());
        }
        long cap = Math.max(RunSearch.COUNT_CAP, (long) q.offset() + q.limit());
        List<Object> countArgs = new ArrayList<>(filter.args());
        countArgs.add(cap + 1);
        long n = Database.list(c, "SELECT count(*) FROM (SELECT 1 FROM runs" + filter.where() + " LIMIT ?)",
                rs -> rs.getLong(1), countArgs.toArray()).get(0);
        return n > cap ? new Page<>(rows, cap, false, q.offset(), q.limit()) : new Page<>(rows, n, q.offset(), q.limit());
    }

    /** A unit of work on a connection the caller provides. */
    @FunctionalInterface
    private interface SqlWork<T> {
        T get() throws SQLException;
    }

    /** Runs {@code work} in one read transaction unless the connection is already inside one (a writer's). */
    private static <T> T snapshot(Connection c, SqlWork<T> work) throws SQLException {
        if (!c.getAutoCommit()) {
            return work.get();
        }
        c.setAutoCommit(false);
        try {
            return work.get();
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Deletes a run (and, through the schema, its votes and replay links). */
    public void delete(long id) {
        db.update("DELETE FROM runs WHERE id = ?", id);
    }

    private void validate(Run r) {
        validate(r, null);
    }

    /** {@code validJson}: JSON texts already checked in this batch (runs of a batch mostly share their parameters). */
    private void validate(Run r, Set<String> validJson) {
        require("run status", r.status());
        for (String[] json : new String[][] {{"run parameters", r.parametersJson()}, {"run route", r.routeJson()},
            {"run outcome", r.outcomeJson()}, {"run time limits", r.limitsJson()}}) {
            if (json[1] != null && (validJson == null || !validJson.contains(json[1]))) {
                requireJson(json[0], json[1]);
                if (validJson != null) {
                    validJson.add(json[1]);
                }
            }
        }
        if (r.cost().usd() != null && r.cost().kind() == null) {
            throw invalid("a run cost needs its kind (api or device)");
        }
    }
}
