package dev.switchyard.workspace.repo;

import dev.switchyard.workspace.db.Database;
import dev.switchyard.workspace.db.Sql;
import dev.switchyard.workspace.model.Dataset;
import dev.switchyard.workspace.model.DatasetItem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Datasets and their ordered items. */
public final class DatasetRepository extends Repository {

    private static final String COLS = "id, uid, name, description, created_at";
    private static final String ICOLS = "id, uid, dataset_id, position, prompt, system_text, variables_json,"
            + " reference_answer, tags_json";

    public DatasetRepository(Database db) {
        super(db);
    }

    public Dataset create(String name, String description) {
        return insert(new Dataset(0, null, name, description, null));
    }

    public Dataset insert(Dataset d) {
        requireText("dataset name", d.name());
        String uid = uidOr(d.uid());
        var created = nowOr(d.createdAt());
        long id = db.insert("INSERT INTO datasets (uid, name, description, created_at) VALUES (?, ?, ?, ?)", uid,
                d.name(), d.description(), created);
        return new Dataset(id, uid, d.name(), d.description(), created);
    }

    public List<Dataset> list() {
        return db.query("SELECT " + COLS + " FROM datasets ORDER BY name, id", DatasetRepository::map);
    }

    public Optional<Dataset> get(long id) {
        return db.queryOne("SELECT " + COLS + " FROM datasets WHERE id = ?", DatasetRepository::map, id);
    }

    /** The newest dataset with this name (names are not unique). */
    public Optional<Dataset> findByName(String name) {
        return db.queryOne("SELECT " + COLS + " FROM datasets WHERE name = ? ORDER BY id DESC LIMIT 1",
                DatasetRepository::map, name);
    }

    /** Replaces the prompt, system text, variables, reference and tags of a stored item (position unchanged). */
    public DatasetItem updateItem(DatasetItem i) {
        requireText("dataset prompt", i.prompt());
        requireJson("dataset item variables", i.variablesJson());
        requireJson("dataset item tags", i.tagsJson());
        if (db.update("UPDATE dataset_items SET prompt = ?, system_text = ?, variables_json = ?, reference_answer = ?,"
                + " tags_json = ? WHERE id = ?", i.prompt(), i.system(), i.variablesJson(), i.referenceAnswer(),
                i.tagsJson(), i.id()) == 0) {
            throw notFound("dataset item " + i.id());
        }
        return item(i.id()).orElseThrow();
    }

    /** Deletes an item that no replay refers to (replay outcomes keep their items: a CONFLICT otherwise). */
    public void deleteItem(long itemId) {
        db.write(c -> {
            if (!Database.list(c, "SELECT 1 FROM replay_items WHERE dataset_item_id = ? LIMIT 1", rs -> 1, itemId)
                    .isEmpty()) {
                throw invalid("dataset item " + itemId + " is part of a stored replay and cannot be deleted");
            }
            return Database.update(c, "DELETE FROM dataset_items WHERE id = ?", itemId);
        });
    }

    public Optional<Dataset> findByUid(String uid) {
        return db.queryOne("SELECT " + COLS + " FROM datasets WHERE uid = ?", DatasetRepository::map, uid);
    }

    /** Appends items after the last position, in one transaction; returns them stored. */
    public List<DatasetItem> addItems(long datasetId, List<DatasetItem> items) {
        return db.write(c -> {
            int next = Database.list(c, "SELECT coalesce(max(position), -1) + 1 FROM dataset_items WHERE dataset_id = ?",
                    rs -> rs.getInt(1), datasetId).get(0);
            List<DatasetItem> out = new ArrayList<>(items.size());
            for (DatasetItem i : items) {
                out.add(insertItem(new DatasetItem(0, i.uid(), datasetId, next++, i.prompt(), i.system(),
                        i.variablesJson(), i.referenceAnswer(), i.tagsJson())));
            }
            return out;
        });
    }

    /** Stores an item exactly as given, position included (used by import). */
    public DatasetItem insertItem(DatasetItem i) {
        requireText("dataset prompt", i.prompt());
        requireJson("dataset item variables", i.variablesJson());
        requireJson("dataset item tags", i.tagsJson());
        String uid = uidOr(i.uid());
        long id = db.insert("INSERT INTO dataset_items (uid, dataset_id, position, prompt, system_text, variables_json,"
                + " reference_answer, tags_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", uid, i.datasetId(), i.position(),
                i.prompt(), i.system(), i.variablesJson(), i.referenceAnswer(), i.tagsJson());
        return new DatasetItem(id, uid, i.datasetId(), i.position(), i.prompt(), i.system(), i.variablesJson(),
                i.referenceAnswer(), i.tagsJson());
    }

    /** Items of a dataset in position order. */
    public List<DatasetItem> items(long datasetId) {
        return db.query("SELECT " + ICOLS + " FROM dataset_items WHERE dataset_id = ? ORDER BY position",
                DatasetRepository::mapItem, datasetId);
    }

    public Optional<DatasetItem> item(long itemId) {
        return db.queryOne("SELECT " + ICOLS + " FROM dataset_items WHERE id = ?", DatasetRepository::mapItem, itemId);
    }

    public Optional<DatasetItem> findItemByUid(String uid) {
        return db.queryOne("SELECT " + ICOLS + " FROM dataset_items WHERE uid = ?", DatasetRepository::mapItem, uid);
    }

    public long itemCount(long datasetId) {
        return db.queryLong("SELECT count(*) FROM dataset_items WHERE dataset_id = ?", datasetId);
    }

    static Dataset map(ResultSet rs) throws SQLException {
        return new Dataset(rs.getLong("id"), rs.getString("uid"), rs.getString("name"), rs.getString("description"),
                Sql.instant(rs, "created_at"));
    }

    static DatasetItem mapItem(ResultSet rs) throws SQLException {
        return new DatasetItem(rs.getLong("id"), rs.getString("uid"), rs.getLong("dataset_id"), rs.getInt("position"),
                rs.getString("prompt"), rs.getString("system_text"), rs.getString("variables_json"),
                rs.getString("reference_answer"), rs.getString("tags_json"));
    }
}
