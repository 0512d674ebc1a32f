package dev.switchyard.workspace.db;

import dev.switchyard.workspace.WorkspaceException;
import dev.switchyard.workspace.WorkspaceException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies the migration resources listed in {@code migrations/index.txt}, in version order, each in
 * one transaction that also bumps {@code PRAGMA user_version} and records version, file name,
 * SHA-256 checksum and time in {@code schema_migrations}. Forward only: nothing is ever undone.
 */
public final class Migrator {

    static final String RESOURCE_DIR = "/dev/switchyard/workspace/migrations/";
    private static final List<Migration> BUILT_IN = load();

    private final List<Migration> migrations;

    public Migrator() {
        this(BUILT_IN);
    }

    Migrator(List<Migration> migrations) {
        this.migrations = List.copyOf(migrations);
    }

    public List<Migration> migrations() {
        return migrations;
    }

    public int latestVersion() {
        return migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
    }

    public static int userVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); var rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Applies every pending migration; returns the number applied. */
    public int migrate(Connection c, Path file) throws SQLException {
        int current = userVersion(c);
        int applied = 0;
        for (Migration m : migrations) {
            if (m.version() <= current) {
                continue;
            }
            apply(c, file, m);
            applied++;
        }
        return applied;
    }

    private void apply(Connection c, Path file, Migration m) throws SQLException {
        long start = System.nanoTime();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
                    + " file_name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at INTEGER NOT NULL,"
                    + " duration_ms INTEGER NOT NULL)");
            for (String sql : m.statements()) {
                st.executeUpdate(sql);
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            Database.update(c, "INSERT INTO schema_migrations (version, file_name, checksum, applied_at, duration_ms)"
                    + " VALUES (?, ?, ?, ?, ?)", m.version(), m.fileName(), m.checksum(), System.currentTimeMillis(), ms);
            st.executeUpdate("PRAGMA user_version = " + m.version());
            c.commit();
        } catch (SQLException e) {
            rollbackQuietly(c, e);
            WorkspaceException we = Errors.classify(file, e);
            if (we.kind() == Kind.UNEXPECTED || we.kind() == Kind.CONFLICT || we.kind() == Kind.NOT_FOUND) {
                throw Errors.of(Kind.MIGRATION_FAILED, file, m.fileName() + ": " + e.getMessage(), e);
            }
            throw we;
        } finally {
            Database.restoreAutoCommit(c);
        }
    }

    private static void rollbackQuietly(Connection c, SQLException cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Problems with the applied migrations (changed checksum, unknown or missing rows), as sentences. */
    public List<String> verify(Connection c) throws SQLException {
        List<String> problems = new ArrayList<>();
        Map<Integer, String[]> applied = new TreeMap<>();
        for (String[] row : Database.list(c, "SELECT version, file_name, checksum FROM schema_migrations ORDER BY version",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})) {
            applied.put(Integer.parseInt(row[0]), row);
        }
        int userVersion = userVersion(c);
        for (Migration m : migrations) {
            if (m.version() > userVersion) {
                problems.add("Migration " + m.fileName() + " has not been applied.");
                continue;
            }
            String[] row = applied.remove(m.version());
            if (row == null) {
                problems.add("Migration " + m.fileName() + " is not recorded in schema_migrations.");
            } else if (!row[2].equals(m.checksum())) {
                problems.add("Migration " + m.fileName() + " was changed after it was applied (checksum "
                        + abbreviate(row[2]) + " recorded, " + abbreviate(m.checksum()) + " now).");
            }
        }
        for (String[] row : applied.values()) {
            problems.add("Migration " + row[1] + " is recorded but unknown to this Switchyard.");
        }
        return problems;
    }

    private static String abbreviate(String checksum) {
        return checksum.length() > 12 ? checksum.substring(0, 12) : checksum;
    }

    private static List<Migration> load() {
        String index = resource("index.txt");
        List<Migration> out = new ArrayList<>();
        for (String line : index.split("\n")) {
            String name = line.trim();
            if (!name.isEmpty() && !name.startsWith("#")) {
                out.add(Migration.parse(name, resource(name)));
            }
        }
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).version() != i + 1) {
                throw new IllegalStateException("migrations must be numbered 1, 2, 3… without gaps: " + out.get(i).fileName());
            }
        }
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = Migrator.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + RESOURCE_DIR + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
