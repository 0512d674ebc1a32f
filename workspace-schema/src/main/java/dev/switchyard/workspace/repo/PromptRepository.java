package dev.switchyard.workspace.repo;

import dev.switchyard.workspace.db.Database;
import dev.switchyard.workspace.db.Sql;
import dev.switchyard.workspace.model.Prompt;
import dev.switchyard.workspace.model.PromptVersion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Prompts and their numbered, immutable versions. */
public final class PromptRepository extends Repository {

    private static final String VCOLS = "id, uid, prompt_id, version, system_text, user_text, variables_json,"
            + " parameters_json, created_at";

    public PromptRepository(Database db) {
        super(db);
    }

    public Prompt create(String name) {
        return insert(new Prompt(0, null, name, null));
    }

    public Prompt insert(Prompt p) {
        requireText("prompt name", p.name());
        String uid = uidOr(p.uid());
        var created = nowOr(p.createdAt());
        long id = db.insert("INSERT INTO prompts (uid, name, created_at) VALUES (?, ?, ?)", uid, p.name(), created);
        return new Prompt(id, uid, p.name(), created);
    }

    public void rename(long promptId, String name) {
        requireText("prompt name", name);
        if (db.update("UPDATE prompts SET name = ? WHERE id = ?", name, promptId) == 0) {
            throw notFound("prompt " + promptId);
        }
    }

    /** Adds the next version (1, 2, …) of a prompt. */
    public PromptVersion addVersion(long promptId, String system, String user, String variablesJson,
                                    String parametersJson) {
        return db.write(c -> {
            int next = Database.list(c, "SELECT coalesce(max(version), 0) + 1 FROM prompt_versions WHERE prompt_id = ?",
                    rs -> rs.getInt(1), promptId).get(0);
            return insertVersion(new PromptVersion(0, null, promptId, next, system, user, variablesJson, parametersJson,
                    null));
        });
    }

    /** Stores a version exactly as given (used by import; {@link #addVersion} numbers versions itself). */
    public PromptVersion insertVersion(PromptVersion v) {
        require("prompt user text", v.user());
        requireJson("prompt variables", v.variablesJson());
        requireJson("prompt parameters", v.parametersJson());
        String uid = uidOr(v.uid());
        var created = nowOr(v.createdAt());
        long id = db.insert("INSERT INTO prompt_versions (uid, prompt_id, version, system_text, user_text, variables_json,"
                + " parameters_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", uid, v.promptId(), v.version(),
                v.system(), v.user(), v.variablesJson(), v.parametersJson(), created);
        return new PromptVersion(id, uid, v.promptId(), v.version(), v.system(), v.user(), v.variablesJson(),
                v.parametersJson(), created);
    }

    public Optional<Prompt> get(long id) {
        return db.queryOne("SELECT id, uid, name, created_at FROM prompts WHERE id = ?", PromptRepository::map, id);
    }

    public Optional<Prompt> findByUid(String uid) {
        return db.queryOne("SELECT id, uid, name, created_at FROM prompts WHERE uid = ?", PromptRepository::map, uid);
    }

    public Optional<Prompt> findByName(String name) {
        return db.queryOne("SELECT id, uid, name, created_at FROM prompts WHERE name = ? ORDER BY id LIMIT 1",
                PromptRepository::map, name);
    }

    public List<Prompt> list() {
        return db.query("SELECT id, uid, name, created_at FROM prompts ORDER BY name, id", PromptRepository::map);
    }

    /** Versions of a prompt, oldest first. */
    public List<PromptVersion> versions(long promptId) {
        return db.query("SELECT " + VCOLS + " FROM prompt_versions WHERE prompt_id = ? ORDER BY version",
                PromptRepository::mapVersion, promptId);
    }

    public Optional<PromptVersion> latestVersion(long promptId) {
        return db.queryOne("SELECT " + VCOLS + " FROM prompt_versions WHERE prompt_id = ? ORDER BY version DESC LIMIT 1",
                PromptRepository::mapVersion, promptId);
    }

    public Optional<PromptVersion> getVersion(long versionId) {
        return db.queryOne("SELECT " + VCOLS + " FROM prompt_versions WHERE id = ?", PromptRepository::mapVersion,
                versionId);
    }

    public Optional<PromptVersion> findVersionByUid(String uid) {
        return db.queryOne("SELECT " + VCOLS + " FROM prompt_versions WHERE uid = ?", PromptRepository::mapVersion, uid);
    }

    static Prompt map(ResultSet rs) throws SQLException {
        return new Prompt(rs.getLong("id"), rs.getString("uid"), rs.getString("name"), Sql.instant(rs, "created_at"));
    }

    static PromptVersion mapVersion(ResultSet rs) throws SQLException {
        return new PromptVersion(rs.getLong("id"), rs.getString("uid"), rs.getLong("prompt_id"), rs.getInt("version"),
                rs.getString("system_text"), rs.getString("user_text"), rs.getString("variables_json"),
                rs.getString("parameters_json"), Sql.instant(rs, "created_at"));
    }
}
