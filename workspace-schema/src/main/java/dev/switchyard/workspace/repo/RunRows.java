package dev.switchyard.workspace.repo;

import dev.switchyard.workspace.db.Sql;
import dev.switchyard.workspace.model.CostKind;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunCost;
import dev.switchyard.workspace.model.RunError;
import dev.switchyard.workspace.model.RunMetrics;
import dev.switchyard.workspace.model.RunStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Column lists and row mapping of the runs table (kept apart so RunRepository stays about queries). */
final class RunRows {

    static final String INSERT_COLS = "uid, prompt_version_id, model_id, comparison_id, repeat_index, parameters_json,"
            + " prompt_text, system_text, output_text, reasoning_text, status, error_kind, error_message, queue_ms, ttft_ms,"
            + " total_ms, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, decode_tps, prefill_tps, load_ms,"
            + " peak_memory_bytes, cost_usd, cost_kind, price_id, tokens_estimated, http_attempts, route_json,"
            + " outcome_json, created_at, finished_at, owner, limits_json";
    static final String SELECT_COLS = "id, " + INSERT_COLS;
    static final String UPDATE = "UPDATE runs SET output_text = ?, reasoning_text = ?, status = ?, error_kind = ?,"
            + " error_message = ?, queue_ms = ?, ttft_ms = ?, total_ms = ?, input_tokens = ?, cached_input_tokens = ?,"
            + " output_tokens = ?, reasoning_tokens = ?, decode_tps = ?, prefill_tps = ?, load_ms = ?,"
            + " peak_memory_bytes = ?, cost_usd = ?, cost_kind = ?, price_id = ?, tokens_estimated = ?,"
            + " http_attempts = ?, route_json = ?, outcome_json = ?, finished_at = ? WHERE id = ?";

    private static final String[] INSERT_COLUMNS = INSERT_COLS.split(",\\s*");
    /** Columns that are NOT NULL: always bound, so a missing value fails as the constraint says. */
    private static final long ALWAYS_BOUND = bits("uid", "model_id", "repeat_index", "parameters_json", "prompt_text",
            "output_text", "status", "tokens_estimated", "http_attempts", "created_at");

    private RunRows() {
    }

    private static long bits(String... columns) {
        long mask = 0;
        for (String c : columns) {
            int i = java.util.Arrays.asList(INSERT_COLUMNS).indexOf(c);
            if (i < 0) {
                throw new IllegalStateException("no column " + c);
            }
            mask |= 1L << i;
        }
        return mask;
    }

    /**
     * Which insert columns {@code args} (from {@link #insertArgs}) binds: every NOT NULL column and every nullable
     * one that has a value. A nullable column left out of the INSERT is NULL, so binding only these gives the same
     * row with a third fewer JNI calls for a typical run (no error, no reasoning, no route, half the metrics).
     */
    static long columnsOf(Object[] args) {
        long mask = ALWAYS_BOUND;
        for (int i = 0; i < args.length; i++) {
            if (args[i] != null) {
                mask |= 1L << i;
            }
        }
        return mask;
    }

    /** The INSERT naming exactly the columns of {@code mask} (see {@link #columnsOf}). */
    static String insert(long mask) {
        StringBuilder cols = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < INSERT_COLUMNS.length; i++) {
            if ((mask & (1L << i)) != 0) {
                cols.append(cols.length() == 0 ? "" : ", ").append(INSERT_COLUMNS[i]);
                marks.append(marks.length() == 0 ? "?" : ", ?");
            }
        }
        return "INSERT INTO runs (" + cols + ") VALUES (" + marks + ")";
    }

    /** Binds the values of {@code args} for the columns of {@code mask}, in order. */
    static void bindInsert(PreparedStatement ps, Object[] args, long mask) throws SQLException {
        int p = 1;
        for (int i = 0; i < args.length; i++) {
            if ((mask & (1L << i)) != 0) {
                Sql.bindOne(ps, p++, args[i]);
            }
        }
    }

    static Object[] insertArgs(Run r) {
        RunMetrics m = r.metrics();
        RunError e = r.error();
        RunCost c = r.cost();
        return new Object[] {r.uid(), r.promptVersionId(), r.modelId(), r.comparisonId(), r.repeatIndex(),
            r.parametersJson(), r.promptText(), r.systemText(), r.outputText(), r.reasoningText(), r.status(),
            e == null ? null : e.kind(), e == null ? null : e.message(), m.queueMs(), m.ttftMs(), m.totalMs(),
            m.inputTokens(), m.cachedInputTokens(), m.outputTokens(), m.reasoningTokens(), m.decodeTps(),
            m.prefillTps(), m.loadMs(), m.peakMemoryBytes(), c.usd(), c.kind(), c.priceId(), r.tokensEstimated(),
            r.httpAttempts(), r.routeJson(), r.outcomeJson(), r.createdAt(), r.finishedAt(),
            r.status().isTerminal() ? null : RunOwner.CURRENT, r.limitsJson()};
    }

    static Object[] updateArgs(Run r) {
        RunMetrics m = r.metrics();
        RunError e = r.error();
        RunCost c = r.cost();
        return new Object[] {r.outputText(), r.reasoningText(), r.status(), e == null ? null : e.kind(),
            e == null ? null : e.message(), m.queueMs(), m.ttftMs(), m.totalMs(), m.inputTokens(),
            m.cachedInputTokens(), m.outputTokens(), m.reasoningTokens(), m.decodeTps(), m.prefillTps(), m.loadMs(),
            m.peakMemoryBytes(), c.usd(), c.kind(), c.priceId(), r.tokensEstimated(), r.httpAttempts(), r.routeJson(),
            r.outcomeJson(), r.finishedAt(), r.id()};
    }

    static Run map(ResultSet rs) throws SQLException {
        String errorKind = rs.getString("error_kind");
        String errorMessage = rs.getString("error_message");
        RunError error = errorKind == null && errorMessage == null ? null : new RunError(errorKind, errorMessage);
        RunMetrics metrics = new RunMetrics(Sql.longOrNull(rs, "queue_ms"), Sql.longOrNull(rs, "ttft_ms"),
                Sql.longOrNull(rs, "total_ms"), Sql.longOrNull(rs, "input_tokens"),
                Sql.longOrNull(rs, "cached_input_tokens"), Sql.longOrNull(rs, "output_tokens"),
                Sql.longOrNull(rs, "reasoning_tokens"), Sql.doubleOrNull(rs, "decode_tps"),
                Sql.doubleOrNull(rs, "prefill_tps"), Sql.longOrNull(rs, "load_ms"),
                Sql.longOrNull(rs, "peak_memory_bytes"));
        String costKind = rs.getString("cost_kind");
        RunCost cost = new RunCost(Sql.doubleOrNull(rs, "cost_usd"), costKind == null ? null : CostKind.of(costKind),
                Sql.longOrNull(rs, "price_id"));
        return new Run(rs.getLong("id"), rs.getString("uid"), Sql.longOrNull(rs, "prompt_version_id"),
                rs.getLong("model_id"), Sql.longOrNull(rs, "comparison_id"), rs.getInt("repeat_index"),
                rs.getString("parameters_json"), rs.getString("prompt_text"), rs.getString("system_text"),
                rs.getString("output_text"), rs.getString("reasoning_text"), RunStatus.of(rs.getString("status")), error, metrics, cost,
                Sql.bool(rs, "tokens_estimated"), rs.getInt("http_attempts"), rs.getString("route_json"),
                rs.getString("outcome_json"), rs.getString("limits_json"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "finished_at"));
    }
}
