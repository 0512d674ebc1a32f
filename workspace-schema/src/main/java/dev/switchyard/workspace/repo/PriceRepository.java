package dev.switchyard.workspace.repo;

import dev.switchyard.workspace.db.Database;
import dev.switchyard.workspace.db.Sql;
import dev.switchyard.workspace.model.PriceRow;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Price history. Rows are only ever inserted (a trigger refuses updates); the newest as-of date wins. */
public final class PriceRepository extends Repository {

    private static final String COLS = "id, uid, model_id, input_per_mtok, cached_input_per_mtok, output_per_mtok,"
            + " currency, source, as_of, created_at";

    public PriceRepository(Database db) {
        super(db);
    }

    public PriceRow insert(PriceRow p) {
        requireText("price source", p.source());
        require("as-of date", p.asOf());
        nonNegative("input price", p.inputPerMTok());
        nonNegative("output price", p.outputPerMTok());
        if (p.cachedInputPerMTok() != null) {
            nonNegative("cached input price", p.cachedInputPerMTok());
        }
        String uid = uidOr(p.uid());
        var created = nowOr(p.createdAt());
        long id = db.insert("INSERT INTO prices (uid, model_id, input_per_mtok, cached_input_per_mtok, output_per_mtok,"
                + " currency, source, as_of, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", uid, p.modelId(),
                p.inputPerMTok(), p.cachedInputPerMTok(), p.outputPerMTok(), p.currency(), p.source(), p.asOf(), created);
        return new PriceRow(id, uid, p.modelId(), p.inputPerMTok(), p.cachedInputPerMTok(), p.outputPerMTok(),
                p.currency(), p.source(), p.asOf(), created);
    }

    public Optional<PriceRow> get(long id) {
        return db.queryOne("SELECT " + COLS + " FROM prices WHERE id = ?", PriceRepository::map, id);
    }

    public Optional<PriceRow> findByUid(String uid) {
        return db.queryOne("SELECT " + COLS + " FROM prices WHERE uid = ?", PriceRepository::map, uid);
    }

    /** The row in force on {@code day}: the newest as-of date not after it (the later insert wins a tie). */
    public Optional<PriceRow> inForce(long modelId, LocalDate day) {
        return db.queryOne("SELECT " + COLS + " FROM prices WHERE model_id = ? AND as_of <= ?"
                + " ORDER BY as_of DESC, id DESC LIMIT 1", PriceRepository::map, modelId, day);
    }

    /** The row in force at instant {@code t} (its UTC date), e.g. a run's creation time. */
    public Optional<PriceRow> inForce(long modelId, Instant t) {
        return inForce(modelId, LocalDate.ofInstant(t, ZoneOffset.UTC));
    }

    /** All rows of a model, newest as-of first. */
    public List<PriceRow> history(long modelId) {
        return db.query("SELECT " + COLS + " FROM prices WHERE model_id = ? ORDER BY as_of DESC, id DESC",
                PriceRepository::map, modelId);
    }

    public List<PriceRow> list() {
        return db.query("SELECT " + COLS + " FROM prices ORDER BY model_id, as_of, id", PriceRepository::map);
    }

    private void nonNegative(String field, BigDecimal v) {
        if (v == null || v.signum() < 0) {
            throw invalid(field + " must be zero or more USD per 1M tokens");
        }
    }

    static PriceRow map(ResultSet rs) throws SQLException {
        return new PriceRow(rs.getLong("id"), rs.getString("uid"), rs.getLong("model_id"),
                Sql.decimal(rs, "input_per_mtok"), Sql.decimal(rs, "cached_input_per_mtok"),
                Sql.decimal(rs, "output_per_mtok"), rs.getString("currency"), rs.getString("source"),
                Sql.date(rs, "as_of"), Sql.instant(rs, "created_at"));
    }
}
