package dev.switchyard.workspace.repo;

import dev.switchyard.workspace.db.Database;
import dev.switchyard.workspace.db.Sql;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Providers. The auth reference is checked to be a reference ({@code env:…}/{@code keyring:…}), never a key. */
public final class ProviderRepository extends Repository {

    private static final String COLS = "id, uid, kind, name, base_url, auth_ref, preset_id, created_at";

    public ProviderRepository(Database db) {
        super(db);
    }

    /** Stores a new provider (uid and creation time assigned unless set) and returns it with its id. */
    public Provider insert(Provider p) {
        validate(p);
        String uid = uidOr(p.uid());
        var created = nowOr(p.createdAt());
        long id = db.insert("INSERT INTO providers (uid, kind, name, base_url, auth_ref, preset_id, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", uid, p.kind(), p.name(), p.baseUrl(), p.authRef(), p.presetId(), created);
        return new Provider(id, uid, p.kind(), p.name(), p.baseUrl(), p.authRef(), p.presetId(), created);
    }

    /** Changes kind, name, base URL, auth reference and preset of the provider with {@code p.id()}. */
    public Provider update(Provider p) {
        validate(p);
        int n = db.update("UPDATE providers SET kind = ?, name = ?, base_url = ?, auth_ref = ?, preset_id = ? WHERE id = ?",
                p.kind(), p.name(), p.baseUrl(), p.authRef(), p.presetId(), p.id());
        if (n == 0) {
            throw notFound("provider " + p.id());
        }
        return get(p.id()).orElseThrow();
    }

    public Optional<Provider> get(long id) {
        return db.queryOne("SELECT " + COLS + " FROM providers WHERE id = ?", ProviderRepository::map, id);
    }

    public Optional<Provider> findByUid(String uid) {
        return db.queryOne("SELECT " + COLS + " FROM providers WHERE uid = ?", ProviderRepository::map, uid);
    }

    public List<Provider> list() {
        return db.query("SELECT " + COLS + " FROM providers ORDER BY name, id", ProviderRepository::map);
    }

    /** Deletes a provider that has no models left. */
    public void delete(long id) {
        db.write(c -> {
            if (!Database.list(c, "SELECT 1 FROM models WHERE provider_id = ? LIMIT 1", rs -> 1, id).isEmpty()) {
                throw conflict("provider " + id + " still has models; delete them first");
            }
            return Database.update(c, "DELETE FROM providers WHERE id = ?", id);
        });
    }

    private void validate(Provider p) {
        require("provider kind", p.kind());
        requireText("provider name", p.name());
        if (!Provider.isReference(p.authRef())) {
            throw invalid("the auth reference must look like env:OPENAI_API_KEY or keyring:switchyard/openai"
                    + " (the key itself is never stored in the workspace)");
        }
    }

    static Provider map(ResultSet rs) throws SQLException {
        return new Provider(rs.getLong("id"), rs.getString("uid"), ProviderKind.of(rs.getString("kind")),
                rs.getString("name"), rs.getString("base_url"), rs.getString("auth_ref"), rs.getString("preset_id"),
                Sql.instant(rs, "created_at"));
    }
}
