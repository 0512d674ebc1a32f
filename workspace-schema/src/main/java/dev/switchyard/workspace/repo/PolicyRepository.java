package dev.switchyard.workspace.repo;

import dev.switchyard.workspace.db.Database;
import dev.switchyard.workspace.db.Sql;
import dev.switchyard.workspace.model.Policy;
import dev.switchyard.workspace.model.PolicyVersion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Routing policies (unique names) and their numbered, immutable JSON versions. */
public final class PolicyRepository extends Repository {

    private static final String VCOLS = "id, uid, policy_id, version, body_json, note, created_at";

    public PolicyRepository(Database db) {
        super(db);
    }

    public Policy create(String name) {
        return insert(new Policy(0, null, name, null));
    }

    public Policy insert(Policy p) {
        requireText("policy name", p.name());
        return db.write(c -> {
            if (!Database.list(c, "SELECT 1 FROM policies WHERE name = ?", rs -> 1, p.name()).isEmpty()) {
                throw conflict("a policy named \"" + p.name() + "\"");
            }
            String uid = uidOr(p.uid());
            var created = nowOr(p.createdAt());
            long id = Database.insert(c, "INSERT INTO policies (uid, name, created_at) VALUES (?, ?, ?)", uid, p.name(),
                    created);
            return new Policy(id, uid, p.name(), created);
        });
    }

    public List<Policy> list() {
        return db.query("SELECT id, uid, name, created_at FROM policies ORDER BY name", PolicyRepository::map);
    }

    public Optional<Policy> get(long id) {
        return db.queryOne("SELECT id, uid, name, created_at FROM policies WHERE id = ?", PolicyRepository::map, id);
    }

    public Optional<Policy> findByName(String name) {
        return db.queryOne("SELECT id, uid, name, created_at FROM policies WHERE name = ?", PolicyRepository::map, name);
    }

    public Optional<Policy> findByUid(String uid) {
        return db.queryOne("SELECT id, uid, name, created_at FROM policies WHERE uid = ?", PolicyRepository::map, uid);
    }

    /** Saves the next version (1, 2, …) of a policy; {@code bodyJson} must be valid JSON. */
    public PolicyVersion addVersion(long policyId, String bodyJson, String note) {
        return db.write(c -> {
            int next = Database.list(c, "SELECT coalesce(max(version), 0) + 1 FROM policy_versions WHERE policy_id = ?",
                    rs -> rs.getInt(1), policyId).get(0);
            return insertVersion(new PolicyVersion(0, null, policyId, next, bodyJson, note, null));
        });
    }

    /** Stores a version exactly as given (used by import). */
    public PolicyVersion insertVersion(PolicyVersion v) {
        requireText("policy body", v.bodyJson());
        requireJson("policy body", v.bodyJson());
        String uid = uidOr(v.uid());
        var created = nowOr(v.createdAt());
        long id = db.insert("INSERT INTO policy_versions (uid, policy_id, version, body_json, note, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", uid, v.policyId(), v.version(), v.bodyJson(), v.note(), created);
        return new PolicyVersion(id, uid, v.policyId(), v.version(), v.bodyJson(), v.note(), created);
    }

    /** Versions of a policy, oldest first. */
    public List<PolicyVersion> versions(long policyId) {
        return db.query("SELECT " + VCOLS + " FROM policy_versions WHERE policy_id = ? ORDER BY version",
                PolicyRepository::mapVersion, policyId);
    }

    public Optional<PolicyVersion> latest(long policyId) {
        return db.queryOne("SELECT " + VCOLS + " FROM policy_versions WHERE policy_id = ? ORDER BY version DESC LIMIT 1",
                PolicyRepository::mapVersion, policyId);
    }

    public Optional<PolicyVersion> version(long policyId, int version) {
        return db.queryOne("SELECT " + VCOLS + " FROM policy_versions WHERE policy_id = ? AND version = ?",
                PolicyRepository::mapVersion, policyId, version);
    }

    public Optional<PolicyVersion> getVersion(long versionId) {
        return db.queryOne("SELECT " + VCOLS + " FROM policy_versions WHERE id = ?", PolicyRepository::mapVersion,
                versionId);
    }

    public Optional<PolicyVersion> findVersionByUid(String uid) {
        return db.queryOne("SELECT " + VCOLS + " FROM policy_versions WHERE uid = ?", PolicyRepository::mapVersion, uid);
    }

    static Policy map(ResultSet rs) throws SQLException {
        return new Policy(rs.getLong("id"), rs.getString("uid"), rs.getString("name"), Sql.instant(rs, "created_at"));
    }

    static PolicyVersion mapVersion(ResultSet rs) throws SQLException {
        return new PolicyVersion(rs.getLong("id"), rs.getString("uid"), rs.getLong("policy_id"), rs.getInt("version"),
                rs.getString("body_json"), rs.getString("note"), Sql.instant(rs, "created_at"));
    }
}
