package dev.switchyard.workspace.db;

import dev.switchyard.workspace.WorkspaceException;
import dev.switchyard.workspace.WorkspaceException.Kind;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Maps SQLite failures to a {@link WorkspaceException} with one sentence a user can act on. */
public final class Errors {

    private Errors() {
    }

    /** The user sentence for a kind; {@code detail} fills kinds that need one (may be null). */
    public static String sentence(Kind kind, Path file, String detail) {
        String f = String.valueOf(file);
        return switch (kind) {
            case NOT_SQLITE -> "The file " + f + " is not a Switchyard workspace (it is not an SQLite database);"
                    + " choose a .switchyard file or create a new workspace.";
            case NOT_A_WORKSPACE -> "The file " + f + " is an SQLite database of another application;"
                    + " choose a .switchyard file or create a new workspace.";
            case LOCKED -> "The workspace " + f + " is locked by another program (another Switchyard window?);"
                    + " close it there and try again.";
            case READ_ONLY -> "The workspace " + f + " cannot be written (" + (detail == null ? "read-only" : detail)
                    + "); make the file and its folder writable or copy the workspace to a writable folder.";
            case CORRUPT -> "The workspace " + f + " is damaged (" + (detail == null ? "database disk image is malformed" : detail)
                    + "); restore it from a backup or export what is readable into a new workspace.";
            case DISK_FULL -> "The disk holding the workspace " + f + " is full; free some space and try again"
                    + " (nothing was lost, the last change was not saved).";
            case NEWER_SCHEMA -> "The workspace " + f + " was written by a newer Switchyard (" + detail
                    + "); update Switchyard to open it. The file was not changed.";
            case MIGRATION_FAILED -> "Upgrading the workspace " + f + " failed (" + detail
                    + "); it was left at its previous version, please report this problem.";
            case CANNOT_OPEN -> "The workspace " + f + " cannot be opened (" + (detail == null ? "cannot open file" : detail)
                    + "); check that the path exists and is a file you may access.";
            case INVALID_INPUT -> "Invalid value for the workspace " + f + ": " + detail + ".";
            case NOT_FOUND -> "Not found in the workspace " + f + ": " + detail + ".";
            case CONFLICT -> "Already present in the workspace " + f + ": " + detail + ".";
            case CLOSED -> "The workspace " + f + " is closed; open it again.";
            case UNEXPECTED -> "The workspace " + f + " reported an unexpected error (" + detail
                    + "); try again, and report it if it persists.";
        };
    }

    public static WorkspaceException of(Kind kind, Path file, String detail) {
        return new WorkspaceException(kind, file, sentence(kind, file, detail));
    }

    public static WorkspaceException of(Kind kind, Path file, String detail, Throwable cause) {
        return new WorkspaceException(kind, file, sentence(kind, file, detail), cause);
    }

    /** Classifies a JDBC failure by SQLite's (extended) result code, falling back to the message text. */
    public static WorkspaceException classify(Path file, SQLException e) {
        Kind kind = kindOf(e);
        String detail = shortDetail(e);
        if (kind == Kind.CONFLICT && detail.contains("FOREIGN KEY")) {
            kind = Kind.NOT_FOUND;
            detail = "a referenced row does not exist";
        }
        return of(kind, file, detail, e);
    }

    static Kind kindOf(SQLException e) {
        if (e instanceof SQLiteException se) {
            SQLiteErrorCode code = se.getResultCode();
            int primary = code.code & 0xff;
            Kind k = byPrimary(primary);
            if (k != null) {
                return k;
            }
        }
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("not a database") || m.contains("file is encrypted")) {
            return Kind.NOT_SQLITE;
        }
        if (m.contains("malformed") || m.contains("corrupt")) {
            return Kind.CORRUPT;
        }
        if (m.contains("database is locked") || m.contains("busy")) {
            return Kind.LOCKED;
        }
        if (m.contains("readonly") || m.contains("read-only")) {
            return Kind.READ_ONLY;
        }
        if (m.contains("database or disk is full")) {
            return Kind.DISK_FULL;
        }
        return Kind.UNEXPECTED;
    }

    private static Kind byPrimary(int primary) {
        return switch (primary) {
            case 5, 6 -> Kind.LOCKED;          // SQLITE_BUSY, SQLITE_LOCKED
            case 8 -> Kind.READ_ONLY;          // SQLITE_READONLY
            case 11 -> Kind.CORRUPT;           // SQLITE_CORRUPT
            case 13 -> Kind.DISK_FULL;         // SQLITE_FULL
            case 14 -> Kind.CANNOT_OPEN;       // SQLITE_CANTOPEN
            case 19 -> Kind.CONFLICT;          // SQLITE_CONSTRAINT
            case 26 -> Kind.NOT_SQLITE;        // SQLITE_NOTADB
            default -> null;
        };
    }

    /** SQLite's own message: "[SQLITE_X] description (sqlite message)" → "sqlite message". */
    private static String shortDetail(SQLException e) {
        String m = String.valueOf(e.getMessage()).trim();
        if (m.startsWith("[") && m.contains("] ")) {
            m = m.substring(m.indexOf("] ") + 2);
            int open = m.lastIndexOf(" (");
            if (open >= 0 && m.endsWith(")")) {
                m = m.substring(open + 2, m.length() - 1);
            }
        }
        m = m.replace('(', '[').replace(')', ']').replace(';', ',');
        return m.length() > 160 ? m.substring(0, 160) + "…" : m;
    }
}
