package dev.switchyard.workspace.repo;

import dev.switchyard.workspace.db.Database;
import dev.switchyard.workspace.db.Json;
import dev.switchyard.workspace.db.Sql;
import dev.switchyard.workspace.model.Intent;
import dev.switchyard.workspace.model.IntentSet;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Intent sets (unique names) and their ordered intents, used by the local intent model. */
public final class IntentSetRepository extends Repository {

    private static final String COLS = "id, uid, name, description, created_at";
    private static final String ICOLS = "id, uid, intent_set_id, name, examples_json, response_template, position";

    public IntentSetRepository(Database db) {
        super(db);
    }

    public IntentSet create(String name, String description) {
        return insert(new IntentSet(0, null, name, description, null));
    }

    public IntentSet insert(IntentSet s) {
        requireText("intent set name", s.name());
        return db.write(c -> {
            if (!Database.list(c, "SELECT 1 FROM intent_sets WHERE name = ?", rs -> 1, s.name()).isEmpty()) {
                throw conflict("an intent set named \"" + s.name() + "\"");
            }
            String uid = uidOr(s.uid());
            var created = nowOr(s.createdAt());
            long id = Database.insert(c, "INSERT INTO intent_sets (uid, name, description, created_at) VALUES (?, ?, ?, ?)",
                    uid, s.name(), s.description(), created);
            return new IntentSet(id, uid, s.name(), s.description(), created);
        });
    }

    public List<IntentSet> list() {
        return db.query("SELECT " + COLS + " FROM intent_sets ORDER BY name", IntentSetRepository::map);
    }

    public Optional<IntentSet> get(long id) {
        return db.queryOne("SELECT " + COLS + " FROM intent_sets WHERE id = ?", IntentSetRepository::map, id);
    }

    public Optional<IntentSet> findByName(String name) {
        return db.queryOne("SELECT " + COLS + " FROM intent_sets WHERE name = ?", IntentSetRepository::map, name);
    }

    public Optional<IntentSet> findByUid(String uid) {
        return db.queryOne("SELECT " + COLS + " FROM intent_sets WHERE uid = ?", IntentSetRepository::map, uid);
    }

    /** Appends an intent at the end of a set. */
    public Intent addIntent(long setId, Intent intent) {
        return db.write(c -> {
            int next = Database.list(c, "SELECT coalesce(max(position), -1) + 1 FROM intents WHERE intent_set_id = ?",
                    rs -> rs.getInt(1), setId).get(0);
            return insertIntent(new Intent(0, intent.uid(), setId, intent.name(), intent.examples(),
                    intent.responseTemplate(), next));
        });
    }

    /** Stores an intent exactly as given, position included (used by import). */
    public Intent insertIntent(Intent i) {
        requireText("intent name", i.name());
        String uid = uidOr(i.uid());
        long id = db.insert("INSERT INTO intents (uid, intent_set_id, name, examples_json, response_template, position)"
                + " VALUES (?, ?, ?, ?, ?, ?)", uid, i.intentSetId(), i.name(), Json.strings(i.examples()),
                i.responseTemplate(), i.position());
        return new Intent(id, uid, i.intentSetId(), i.name(), i.examples(), i.responseTemplate(), i.position());
    }

    /** Changes name, examples, response template and position of the intent with {@code i.id()}. */
    public Intent updateIntent(Intent i) {
        requireText("intent name", i.name());
        int n = db.update("UPDATE intents SET name = ?, examples_json = ?, response_template = ?, position = ?"
                + " WHERE id = ?", i.name(), Json.strings(i.examples()), i.responseTemplate(), i.position(), i.id());
        if (n == 0) {
            throw notFound("intent " + i.id());
        }
        return i;
    }

    public void deleteIntent(long intentId) {
        db.update("DELETE FROM intents WHERE id = ?", intentId);
    }

    /** Intents of a set in order. */
    public List<Intent> intents(long setId) {
        return db.query("SELECT " + ICOLS + " FROM intents WHERE intent_set_id = ? ORDER BY position, id", this::mapIntent,
                setId);
    }

    public Optional<Intent> findIntentByUid(String uid) {
        return db.queryOne("SELECT " + ICOLS + " FROM intents WHERE uid = ?", this::mapIntent, uid);
    }

    static IntentSet map(ResultSet rs) throws SQLException {
        return new IntentSet(rs.getLong("id"), rs.getString("uid"), rs.getString("name"), rs.getString("description"),
                Sql.instant(rs, "created_at"));
    }

    private Intent mapIntent(ResultSet rs) throws SQLException {
        return new Intent(rs.getLong("id"), rs.getString("uid"), rs.getLong("intent_set_id"), rs.getString("name"),
                Json.strings(db.file(), rs.getString("examples_json")), rs.getString("response_template"),
                rs.getInt("position"));
    }
}
