package dev.switchyard.workspace.db;

import dev.switchyard.workspace.WorkspaceException;
import dev.switchyard.workspace.WorkspaceException.Kind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The open SQLite file: one writer connection (every change runs in a transaction under a lock) and one
 * reader connection for queries from other threads; WAL lets the reader run while the writer commits.
 * A thread inside {@link #write} reads through the writer so it sees its own uncommitted rows.
 */
public final class Database implements AutoCloseable {

    /** A unit of JDBC work. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Path file;
    private final Connection writer;
    private final Connection reader;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock readLock = new ReentrantLock();
    private volatile boolean closed;

    public Database(Path file, Connection writer, Connection reader) {
        this.file = file;
        this.writer = writer;
        this.reader = reader;
    }

    public Path file() {
        return file;
    }

    /** Runs {@code work} in one transaction (joins the caller's transaction when nested). */
    public <T> T write(Work<T> work) {
        ensureOpen();
        writeLock.lock();
        try {
            if (writeLock.getHoldCount() > 1) {
                return work.apply(writer);
            }
            writer.setAutoCommit(false);
            try {
                T result = work.apply(writer);
                writer.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(e);
                throw e;
            } finally {
                restoreAutoCommit(writer);
            }
        } catch (SQLException e) {
            throw Errors.classify(file, e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs read-only {@code work} outside any transaction of another thread. */
    public <T> T read(Work<T> work) {
        ensureOpen();
        if (writeLock.isHeldByCurrentThread()) {
            try {
                return work.apply(writer);
            } catch (SQLException e) {
                throw Errors.classify(file, e);
            }
        }
        readLock.lock();
        try {
            return work.apply(reader);
        } catch (SQLException e) {
            throw Errors.classify(file, e);
        } finally {
            readLock.unlock();
        }
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        return read(c -> list(c, sql, mapper, args));
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) {
        List<T> rows = query(sql, mapper, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public long queryLong(String sql, Object... args) {
        return queryOne(sql, rs -> rs.getLong(1), args).orElse(0L);
    }

    /** Executes one change in its own (or the caller's) transaction; returns the changed row count. */
    public int update(String sql, Object... args) {
        return write(c -> update(c, sql, args));
    }

    /** Inserts one row and returns its rowid. */
    public long insert(String sql, Object... args) {
        return write(c -> insert(c, sql, args));
    }

    public static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... args)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        }
    }

    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, args);
            return ps.executeUpdate();
        }
    }

    public static long insert(Connection c, String sql, Object... args) throws SQLException {
        update(c, sql, args);
        try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Back to autocommit. When SQLite already ended the transaction itself (SQLITE_FULL, SQLITE_IOERR roll it
     * back), the driver reports "no transaction is active" but does switch back; that must not hide the cause.
     */
    static void restoreAutoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException ignored) {
            // see above: the connection is in autocommit mode again either way
        }
    }

    private void rollbackQuietly(Throwable cause) {
        try {
            writer.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw Errors.of(Kind.CLOSED, file, null);
        }
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        writeLock.lock();
        readLock.lock();
        try {
            closed = true;
            closeQuietly(reader);
            closeQuietly(writer);
        } finally {
            readLock.unlock();
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing is best effort; the WAL is checkpointed by the last connection that closes cleanly
        }
    }

    /** Wraps a failure outside JDBC (used by callers that need the same message style). */
    public WorkspaceException error(Kind kind, String detail) {
        return Errors.of(kind, file, detail);
    }
}
