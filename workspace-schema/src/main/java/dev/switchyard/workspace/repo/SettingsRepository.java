package dev.switchyard.workspace.repo;

import dev.switchyard.workspace.db.Database;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Small key/value settings of a workspace (never secrets). */
public final class SettingsRepository extends Repository {

    /** Name of the routing policy used when none is chosen. */
    public static final String DEFAULT_POLICY = "routing.defaultPolicy";
    /** The user's device cost in USD per hour, for local runs (default 0). */
    public static final String DEVICE_COST_PER_HOUR = "cost.deviceUsdPerHour";
    /** Budget period for "remaining budget" conditions: day, week or month. */
    public static final String BUDGET_PERIOD = "budget.period";

    public SettingsRepository(Database db) {
        super(db);
    }

    public Optional<String> get(String key) {
        return db.queryOne("SELECT value FROM settings WHERE key = ?", rs -> rs.getString(1), key);
    }

    public String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    /** A number setting; {@code fallback} when absent, INVALID_INPUT when the stored text is not a number. */
    public double getDouble(String key, double fallback) {
        Optional<String> v = get(key);
        try {
            return v.isEmpty() ? fallback : Double.parseDouble(v.get());
        } catch (NumberFormatException e) {
            throw invalid("setting " + key + " is \"" + v.get() + "\", expected a number");
        }
    }

    public void put(String key, String value) {
        requireText("setting key", key);
        require("setting value", value);
        db.update("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                key, value, now());
    }

    public void remove(String key) {
        db.update("DELETE FROM settings WHERE key = ?", key);
    }

    /** Every setting, sorted by key. */
    public Map<String, String> all() {
        Map<String, String> out = new LinkedHashMap<>();
        db.query("SELECT key, value FROM settings ORDER BY key", rs -> new String[] {rs.getString(1), rs.getString(2)})
                .forEach(kv -> out.put(kv[0], kv[1]));
        return out;
    }
}
