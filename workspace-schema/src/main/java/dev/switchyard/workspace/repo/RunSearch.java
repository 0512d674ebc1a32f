package dev.switchyard.workspace.repo;

import dev.switchyard.workspace.db.Database;
import dev.switchyard.workspace.model.Page;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunQuery;
import dev.switchyard.workspace.model.RunSort;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A history page with a text filter (decision 11 in the module README).
 *
 * <p>Every typed word must occur as a prefix. FTS5 answers a prefix query ({@code "kane"*}) only by collecting every
 * match first (230,000 rowids for a common word in a 1M-run workspace), so each ASCII word is expanded through the
 * vocabulary table {@code runs_fts_vocab} into the indexed words it starts ({@code "kane" OR "kanelo" OR ...}): exact
 * terms are read lazily, newest first, from any rowid on. A word with more than {@value #MAX_EXPANSION}
 * continuations (one or two typed letters) or with non-ASCII letters stays a prefix query.
 *
 * <p>The newest {@value #PROBE} matches then estimate how many there are, and the plan that reads least is taken:
 * <ul>
 * <li>sorted by time, many matches: walk the time index of the model/status filter in chunks and test each chunk
 * against the text index read only within the chunk's rowid range ({@link #walk});</li>
 * <li>otherwise one query over all matches ({@link #byIds}): each match fetched by rowid, or checked in the
 * model's {@code (model_id, id)} index, or the time index walked against the set of matches.</li>
 * </ul>
 * Totals are exact up to {@value #COUNT_CAP} matches (or the end of the page, when deeper); above that the page says
 * "more than {@value #COUNT_CAP}" ({@link Page#totalExact()} false). With the text as the only filter the text index
 * counts its matches by itself and the plan stops at the end of the page.
 */
final class RunSearch {

    /** Totals above this are reported as a lower bound ("1,000+") when counting them needs a scan. */
    static final int COUNT_CAP = 1_000;
    /** Newest text matches read to choose the plan (about 1 ms for a twelve-word OR). */
    private static final int PROBE = 1_000;
    /** Continuations of a typed word looked up in the vocabulary before falling back to a prefix query. */
    private static final int MAX_EXPANSION = 32;
    /** Fetching a row by rowid costs about this many steps along an index (measured: ~2.3 µs vs ~0.12 µs). */
    private static final int LOOKUP_STEPS = 20;
    /** Checking a rowid in the model's (model_id, id) index: about this many steps (~1.2 µs). */
    private static final int SEEK_STEPS = 10;
    private static final int MIN_CHUNK = 256;
    private static final int MAX_CHUNK = 65_536;
    private static final Pattern ASCII_WORD = Pattern.compile("[A-Za-z0-9]+");
    private static final String SELECT = "SELECT " + RunRows.SELECT_COLS;

    private final Connection c;
    private final RunQuery q;
    private final RunFilter f;
    /** Matches counted for the total: a total up to {@code need - 1} is exact, more is reported as more. */
    private final long need;
    /**
     * Matches a plan finds in page order: the page and, when other filters apply, the count; with the text as the
     * only filter the text index counts by itself, so the plan stops at the page.
     */
    private final long target;

    private RunSearch(Connection c, RunQuery q, RunFilter f) {
        this.c = c;
        this.q = q;
        this.f = f;
        this.need = Math.max(COUNT_CAP, (long) q.offset() + q.limit()) + 1;
        this.target = f.conds().isEmpty() ? (long) q.offset() + q.limit() : need;
    }

    /** What a plan found: the ids of the page, in order, and the matches it counted (up to {@link #target}). */
    private record Found(List<Long> pageIds, long counted) {
    }

    /** The FTS5 query of the typed words; {@code lazy}: only exact terms, so FTS5 streams it and seeks by rowid. */
    record Match(String expression, boolean lazy) {
    }

    static Page<Run> page(Connection c, RunQuery q, RunFilter f) throws SQLException {
        return new RunSearch(c, q, f).page();
    }

    private Page<Run> page() throws SQLException {
        Match m = match(c, f.words());
        // the newest PROBE matches: fewer means all are known; else their rowid span tells how common the text is
        long[] probe = Database.list(c, "SELECT count(*), min(rowid) FROM (SELECT rowid FROM runs_fts WHERE runs_fts MATCH ?"
                + " ORDER BY rowid DESC LIMIT ?)", rs -> new long[] {rs.getLong(1), rs.getLong(2)},
                m.expression(), PROBE).get(0);
        if (probe[0] == 0) {
            return new Page<>(List.of(), 0, q.offset(), q.limit());
        }
        Found found = find(m, probe);
        long counted = found.counted();
        if (target < need) {
            counted = probe[0] < PROBE ? probe[0]
                    : one("SELECT count(*) FROM (SELECT 1 FROM runs_fts WHERE runs_fts MATCH ? LIMIT ?)", m.expression(), need);
        }
        List<Run> rows = rows(found.pageIds());
        if (counted >= need) {
            return new Page<>(rows, need - 1, false, q.offset(), q.limit());
        }
        return new Page<>(rows, counted, q.offset(), q.limit());
    }

    private Found find(Match m, long[] probe) throws SQLException {
        Drive d = Drive.of(q);
        long all = one("SELECT coalesce(sum(n), 0) FROM run_counts");
        long driving = one("SELECT coalesce(sum(n), 0) FROM run_counts" + d.counts().text(), d.counts().args().toArray());
        String time = q.sort() == RunSort.CREATED_AT ? " INDEXED BY " + d.index() : "";
        long matches = probe[0];
        double rate = 1.0;
        if (matches >= PROBE) {
            long newest = one("SELECT coalesce(max(id), 0) FROM runs");
            rate = Math.min(1.0, (double) PROBE / Math.max(1, newest - probe[1] + 1));
            matches = Math.max(PROBE, (long) (rate * all));
        }
        // index steps of each way to find `target` matches in page order
        long walkAll = matches + Math.min(driving, target * all / matches);
        long lookups = matches * LOOKUP_STEPS;
        long seeks = q.modelId() == null ? Long.MAX_VALUE : matches * SEEK_STEPS;
        long best = Math.min(walkAll, Math.min(lookups, seeks));
        if (m.lazy() && q.sort() == RunSort.CREATED_AT && probe[0] >= PROBE) {
            long entries = Math.min(driving, (long) (target / rate));
            long chunked = 2 * entries + target * all / Math.max(1, driving);
            if (chunked < best) {
                return walk(m, d, rate);
            }
        }
        if (best == seeks) {
            return byIds(m, " INDEXED BY runs_model_id");
        }
        return byIds(m, best == lookups ? " NOT INDEXED" : time);
    }

    static Match match(Connection c, List<String> words) throws SQLException {
        List<String> parts = new ArrayList<>();
        boolean lazy = true;
        for (String word : words) {
            if (!ASCII_WORD.matcher(word).matches()) {
                parts.add(quote(word) + "*");
                lazy = false;
                continue;
            }
            String term = word.toLowerCase(Locale.ROOT);
            List<String> longer = Database.list(c, "SELECT term FROM runs_fts_vocab WHERE term >= ? AND term < ? LIMIT ?",
                    rs -> rs.getString(1), term + "\u0001", successor(term), MAX_EXPANSION + 1);
            if (longer.size() > MAX_EXPANSION) {
                parts.add(quote(term) + "*");
                lazy = false;
            } else {
                StringBuilder any = new StringBuilder(quote(term));
                longer.forEach(t -> any.append(" OR ").append(quote(t)));
                parts.add(longer.isEmpty() ? any.toString() : "(" + any + ")");
            }
        }
        return new Match(String.join(" AND ", parts), lazy);
    }

    /** The smallest ASCII string above every string that starts with {@code term}. */
    private static String successor(String term) {
        return term.substring(0, term.length() - 1) + (char) (term.charAt(term.length() - 1) + 1);
    }

    private static String quote(String word) {
        return "\"" + word.replace("\"", "\"\"") + "\"";
    }

    /**
     * One query over all matches: the ids of the first {@link #target} matching runs in page order ({@code access}
     * names how runs are reached: " NOT INDEXED" = by rowid from the text matches, an index = walking it in time
     * order, "" = SQLite's choice).
     */
    private Found byIds(Match m, String access) throws SQLException {
        List<Object> args = new ArrayList<>(f.args());
        args.add(m.expression());
        args.add(target);
        List<Long> ids = Database.list(c, "SELECT id FROM runs" + access
                + f.where("id IN (SELECT rowid FROM runs_fts WHERE runs_fts MATCH ?)") + RunFilter.orderBy(q) + " LIMIT ?",
                rs -> rs.getLong(1), args.toArray());
        int from = (int) Math.min(ids.size(), q.offset());
        int to = (int) Math.min(ids.size(), (long) q.offset() + q.limit());
        return new Found(ids.subList(from, to), ids.size());
    }

    /**
     * Many matches, sorted by time: walks the driving index in chunks (newest first when descending). For each chunk
     * the text index is read only between the smallest and largest rowid of the chunk, which stays narrow as long as
     * runs are stored roughly in time order (always the case for runs recorded by the app; imported runs only widen
     * the range, the result stays exact).
     */
    private Found walk(Match m, Drive d, double rate) throws SQLException {
        boolean desc = q.descending();
        String dir = desc ? " DESC" : " ASC";
        String order = " ORDER BY created_at" + dir + ", id" + dir;
        String base = " FROM runs INDEXED BY " + d.index();
        String hit = "id IN (SELECT rowid FROM runs_fts WHERE runs_fts MATCH ? AND rowid BETWEEN ? AND ?)";
        Long lo = q.from() == null ? null : q.from().toEpochMilli();
        Long hi = q.to() == null ? null : q.to().toEpochMilli();
        List<Long> pageIds = new ArrayList<>();
        long wanted = (long) q.offset() + q.limit();
        long hits = 0;
        long walked = 0;
        long chunk = chunkFor(target, rate);
        while (true) {
            // the chunk: the next `chunk` index entries from the cursor, widened to whole milliseconds
            Sql ahead = d.where(lo, hi);
            List<Long> edgeRow = Database.list(c, "SELECT created_at" + base + ahead.text() + order + " LIMIT 1 OFFSET ?",
                    rs -> rs.getLong(1), ahead.with(chunk - 1));
            boolean last = edgeRow.isEmpty();
            Long chunkLo = desc && !last ? edgeRow.get(0) : lo;
            Long chunkHi = !desc && !last ? Long.valueOf(edgeRow.get(0) + 1) : hi;
            Sql span = d.where(chunkLo, chunkHi);
            long[] head = Database.list(c, "SELECT count(*), min(id), max(id)" + base + span.text(),
                    rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, span.args().toArray()).get(0);
            if (head[0] == 0) {
                break;
            }
            long minId = head[1];
            long maxId = head[2];
            walked += head[0];
            Sql range = d.where(chunkLo, chunkHi).and(d.residual()).and(hit, m.expression(), minId, maxId);
            long inChunk;
            if (hits < wanted) {
                // the page starts or ends in this chunk: its matches in order
                List<Long> ids = Database.list(c, "SELECT id" + base + range.text() + order, rs -> rs.getLong(1),
                        range.args().toArray());
                inChunk = ids.size();
                int from = (int) Math.min(inChunk, Math.max(0, q.offset() - hits));
                int to = (int) Math.min(inChunk, wanted - hits);
                pageIds.addAll(ids.subList(from, to));
            } else {
                inChunk = one("SELECT count(*)" + base + range.text(), range.args().toArray());
            }
            hits += inChunk;
            if (hits >= target || last) {
                break;
            }
            if (desc) {
                hi = chunkLo;
            } else {
                lo = chunkHi;
            }
            chunk = chunkFor(target - hits, hits == 0 ? rate / 4 : (double) hits / walked);
        }
        return new Found(pageIds, hits);
    }

    /** Entries to walk to find {@code matches} more at this rate, with a margin. */
    private static long chunkFor(long matches, double rate) {
        return Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, (long) (matches / Math.max(rate, 1e-6) * 1.2)));
    }

    /** The runs with these ids, in the order given. */
    private List<Run> rows(List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        Map<Long, Run> byId = new HashMap<>();
        for (Run r : Database.list(c, SELECT + " FROM runs WHERE id IN (" + marks + ")", RunRows::map, ids.toArray())) {
            byId.put(r.id(), r);
        }
        return ids.stream().map(byId::get).toList();
    }

    private long one(String sql, Object... args) throws SQLException {
        return Database.list(c, sql, rs -> rs.getLong(1), args).get(0);
    }

    /** A conjunction of SQL conditions ({@code cond}, "" = none) and their arguments. */
    record Sql(String cond, List<Object> args) {
        static final Sql NONE = new Sql("", List.of());

        /** " WHERE …", or "" without conditions. */
        String text() {
            return cond.isEmpty() ? "" : " WHERE " + cond;
        }

        Sql and(Sql other) {
            return other.cond().isEmpty() ? this : and(other.cond(), other.args().toArray());
        }

        Sql and(String more, Object... moreArgs) {
            List<Object> all = new ArrayList<>(args);
            all.addAll(List.of(moreArgs));
            return new Sql(cond.isEmpty() ? more : cond + " AND " + more, all);
        }

        Object[] with(Object... more) {
            List<Object> all = new ArrayList<>(args);
            all.addAll(List.of(more));
            return all.toArray();
        }
    }

    /**
     * The index a time-sorted walk follows and the filters it implies: the model's time index, else the status's
     * (one status), else the global one; a filter the index does not cover is checked on the rows (residual).
     */
    record Drive(String index, Sql key, Sql residual, Sql counts) {

        static Drive of(RunQuery q) {
            Sql none = Sql.NONE;
            Sql statuses = q.statuses().isEmpty() ? none
                    : none.and(RunFilter.statusIn(q), RunFilter.statusCodes(q).toArray());
            if (q.modelId() != null) {
                return new Drive("runs_model_created", none.and("model_id = ?", q.modelId()), statuses,
                        none.and("model_id = ?", q.modelId()).and(statuses));
            }
            if (q.statuses().size() == 1) {
                return new Drive("runs_status_created", statuses, none, statuses);
            }
            return new Drive("runs_created", none, statuses, statuses);
        }

        /** The index key condition plus a half-open time range [lo, hi) (null = unbounded). */
        Sql where(Long lo, Long hi) {
            Sql w = key;
            if (lo != null) {
                w = w.and("created_at >= ?", lo);
            }
            if (hi != null) {
                w = w.and("created_at < ?", hi);
            }
            return w;
        }
    }
}
