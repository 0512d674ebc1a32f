package dev.switchyard.workspace.repo;

import dev.switchyard.workspace.db.Database;
import dev.switchyard.workspace.db.Sql;
import dev.switchyard.workspace.model.Capabilities;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Models of providers; (provider, api model id) is unique. */
public final class ModelRepository extends Repository {

    private static final String COLS = "id, uid, provider_id, api_model_id, display_name, kind, context_window,"
            + " cap_streaming, cap_system, cap_temperature, cap_reasoning, settings_json, created_at";

    public ModelRepository(Database db) {
        super(db);
    }

    public Model insert(Model m) {
        validate(m);
        String uid = uidOr(m.uid());
        var created = nowOr(m.createdAt());
        Capabilities cap = m.capabilities();
        long id = db.insert("INSERT INTO models (uid, provider_id, api_model_id, display_name, kind, context_window,"
                + " cap_streaming, cap_system, cap_temperature, cap_reasoning, settings_json, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", uid, m.providerId(), m.apiModelId(), m.displayName(),
                m.kind(), m.contextWindow(), cap.streaming(), cap.systemPrompt(), cap.temperature(), cap.reasoning(),
                m.settingsJson(), created);
        return new Model(id, uid, m.providerId(), m.apiModelId(), m.displayName(), m.kind(), m.contextWindow(), cap,
                m.settingsJson(), created);
    }

    /** Changes everything but the provider, uid and creation time of the model with {@code m.id()}. */
    public Model update(Model m) {
        validate(m);
        Capabilities cap = m.capabilities();
        int n = db.update("UPDATE models SET api_model_id = ?, display_name = ?, kind = ?, context_window = ?,"
                + " cap_streaming = ?, cap_system = ?, cap_temperature = ?, cap_reasoning = ?, settings_json = ?"
                + " WHERE id = ?", m.apiModelId(), m.displayName(), m.kind(), m.contextWindow(), cap.streaming(),
                cap.systemPrompt(), cap.temperature(), cap.reasoning(), m.settingsJson(), m.id());
        if (n == 0) {
            throw notFound("model " + m.id());
        }
        return get(m.id()).orElseThrow();
    }

    public Optional<Model> get(long id) {
        return db.queryOne("SELECT " + COLS + " FROM models WHERE id = ?", ModelRepository::map, id);
    }

    public Optional<Model> findByUid(String uid) {
        return db.queryOne("SELECT " + COLS + " FROM models WHERE uid = ?", ModelRepository::map, uid);
    }

    public Optional<Model> find(long providerId, String apiModelId) {
        return db.queryOne("SELECT " + COLS + " FROM models WHERE provider_id = ? AND api_model_id = ?",
                ModelRepository::map, providerId, apiModelId);
    }

    public List<Model> list() {
        return db.query("SELECT " + COLS + " FROM models ORDER BY display_name, id", ModelRepository::map);
    }

    public List<Model> byProvider(long providerId) {
        return db.query("SELECT " + COLS + " FROM models WHERE provider_id = ? ORDER BY display_name, id",
                ModelRepository::map, providerId);
    }

    /** Deletes a model that no run and no price row refers to. */
    public void delete(long id) {
        db.write(c -> {
            boolean used = !Database.list(c, "SELECT 1 FROM runs WHERE model_id = ? UNION ALL"
                    + " SELECT 1 FROM prices WHERE model_id = ? LIMIT 1", rs -> 1, id, id).isEmpty();
            if (used) {
                throw conflict("model " + id + " has runs or prices; it is kept so history stays readable");
            }
            return Database.update(c, "DELETE FROM models WHERE id = ?", id);
        });
    }

    private void validate(Model m) {
        requireText("api model id", m.apiModelId());
        requireText("display name", m.displayName());
        require("model kind", m.kind());
        requireJson("model settings", m.settingsJson());
        if (m.contextWindow() != null && m.contextWindow() <= 0) {
            throw invalid("context window must be positive");
        }
    }

    static Model map(ResultSet rs) throws SQLException {
        Capabilities cap = new Capabilities(Sql.bool(rs, "cap_streaming"), Sql.bool(rs, "cap_system"),
                Sql.bool(rs, "cap_temperature"), Sql.bool(rs, "cap_reasoning"));
        return new Model(rs.getLong("id"), rs.getString("uid"), rs.getLong("provider_id"), rs.getString("api_model_id"),
                rs.getString("display_name"), ModelKind.of(rs.getString("kind")), Sql.intOrNull(rs, "context_window"),
                cap, rs.getString("settings_json"), Sql.instant(rs, "created_at"));
    }
}
