package dev.switchyard.workspace.db;

import dev.switchyard.workspace.WorkspaceException;
import dev.switchyard.workspace.WorkspaceException.Kind;
import dev.switchyard.workspace.WorkspaceOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * Opens a workspace file: cheap pre-flight checks on the file itself, a read-only probe (so a file we
 * refuse is never written), then the writer connection, pending migrations, and the reader connection.
 * Opening never runs integrity_check: that is {@code Workspace.check()}'s job.
 */
public final class Opener {

    /** {@code PRAGMA application_id} of a Switchyard workspace ("SWYD"). */
    public static final int APPLICATION_ID = 0x53575944;
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    /**
     * Page size of a new workspace (existing files keep theirs: WAL fixes it at creation). 32 KiB instead of
     * SQLite's 4 KiB: bulk inserts write an eighth of the pages (fewer B-tree splits, WAL frames and syscalls);
     * see decision 9 in the module README.
     */
    public static final int NEW_PAGE_SIZE = 32_768;
    private static final Set<PosixFilePermission> WRITE_BITS = EnumSet.of(PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private Opener() {
    }

    public static Database open(Path file, WorkspaceOptions options, Migrator migrator) {
        preflight(file);
        boolean existing = size(file) > 0;
        if (existing) {
            probe(file, migrator.latestVersion());
        } else {
            create(file);
        }
        Connection writer = connect(file, options, false);
        try {
            int current = Migrator.userVersion(writer);
            if (current >= 1 && current < migrator.latestVersion()) {
                backup(writer, file, current);
            }
            migrator.migrate(writer, file);
            Connection reader = connect(file, options, true);
            return new Database(file, writer, reader);
        } catch (SQLException e) {
            closeQuietly(writer);
            throw Errors.classify(file, e);
        } catch (RuntimeException e) {
            closeQuietly(writer);
            throw e;
        }
    }

    static void preflight(Path file) {
        if (Files.isDirectory(file)) {
            throw Errors.of(Kind.CANNOT_OPEN, file, "it is a folder, not a file");
        }
        Path dir = file.getParent();
        try {
            Files.createDirectories(dir);
        } catch (AccessDeniedException e) {
            throw Errors.of(Kind.READ_ONLY, file, "the folder " + dir + " cannot be created", e);
        } catch (FileSystemException e) {
            String reason = e.getReason() == null ? "" : ": " + e.getReason();
            throw Errors.of(Kind.CANNOT_OPEN, file, "the folder " + dir + " cannot be created" + reason, e);
        } catch (IOException e) {
            throw Errors.of(Kind.CANNOT_OPEN, file, "the folder " + dir + " cannot be created", e);
        }
        if (!writable(dir)) {
            throw Errors.of(Kind.READ_ONLY, file, "the folder " + dir + " is read-only");
        }
        if (Files.exists(file)) {
            if (!writable(file)) {
                throw Errors.of(Kind.READ_ONLY, file, "the file is read-only");
            }
            if (size(file) > 0 && !hasSqliteHeader(file)) {
                throw Errors.of(Kind.NOT_SQLITE, file, null);
            }
        }
    }

    /** Writable for this process and not marked read-only for everybody (root ignores permission bits). */
    private static boolean writable(Path p) {
        if (!Files.isWritable(p)) {
            return false;
        }
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
        if (view == null) {
            return true;
        }
        try {
            Set<PosixFilePermission> perms = view.readAttributes().permissions();
            return perms.stream().anyMatch(WRITE_BITS::contains);
        } catch (IOException e) {
            return true;
        }
    }

    private static boolean hasSqliteHeader(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        } catch (IOException e) {
            throw Errors.of(Kind.CANNOT_OPEN, file, "it cannot be read: " + e.getMessage(), e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Reads version and application id through a read-only connection, so a refused file stays untouched. */
    private static void probe(Path file, int latest) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(2000);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            int version = intPragma(st, "PRAGMA user_version");
            int appId = intPragma(st, "PRAGMA application_id");
            int tables = intPragma(st, "SELECT count(*) FROM sqlite_master");
            if (version > latest) {
                throw Errors.of(Kind.NEWER_SCHEMA, file, "schema version " + version
                        + ", this build knows up to version " + latest);
            }
            if (appId != APPLICATION_ID && (appId != 0 || tables > 0)) {
                throw Errors.of(Kind.NOT_A_WORKSPACE, file, null);
            }
        } catch (SQLException e) {
            throw Errors.classify(file, e);
        }
    }

    /** Starts a new file with {@link #NEW_PAGE_SIZE}: the page size must be set before WAL mode writes the header. */
    private static void create(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        try (Connection c = config.createConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA page_size = " + NEW_PAGE_SIZE);
            st.execute("PRAGMA journal_mode = WAL");
        } catch (SQLException e) {
            throw Errors.classify(file, e);
        }
    }

    private static int intPragma(Statement st, String sql) throws SQLException {
        try (var rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    static Connection connect(Path file, WorkspaceOptions options, boolean queryOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, options.busyTimeout().toMillis()));
        config.enforceForeignKeys(true);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setCacheSize(-16_000);
        try {
            Connection c = config.createConnection("jdbc:sqlite:" + file);
            try (Statement st = c.createStatement()) {
                if (options.maxPageCount() > 0 && !queryOnly) {
                    st.execute("PRAGMA max_page_count = " + options.maxPageCount());
                }
                if (queryOnly) {
                    st.execute("PRAGMA query_only = 1");
                }
            } catch (SQLException e) {
                closeQuietly(c);
                throw e;
            }
            return c;
        } catch (SQLException e) {
            throw Errors.classify(file, e);
        }
    }

    /** Copies the workspace before its first pending migration ({@code VACUUM INTO}, consistent and compact). */
    private static void backup(Connection c, Path file, int version) throws SQLException {
        Path target = file.resolveSibling(file.getFileName() + ".v" + version + "-" + System.currentTimeMillis() + ".bak");
        try (Statement st = c.createStatement()) {
            st.execute("VACUUM INTO '" + target.toString().replace("'", "''") + "'");
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the open failed already; the original error is what matters
        }
    }

    /** For callers that want the same classification outside an open (e.g. tests). */
    public static WorkspaceException classify(Path file, SQLException e) {
        return Errors.classify(file, e);
    }
}
