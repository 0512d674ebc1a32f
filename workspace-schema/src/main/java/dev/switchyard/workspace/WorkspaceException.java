package dev.switchyard.workspace;

import java.nio.file.Path;

/**
 * The one failure type of the workspace module. {@link #getMessage()} is a single sentence a user can
 * act on and names the workspace file; {@link #kind()} lets callers branch without parsing text.
 */
public final class WorkspaceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, coarse enough for a caller to decide what to offer the user. */
    public enum Kind {
        /** The file exists but is not an SQLite database at all. */
        NOT_SQLITE,
        /** The file is an SQLite database, but not a Switchyard workspace. */
        NOT_A_WORKSPACE,
        /** Another process holds the write lock longer than the busy timeout. */
        LOCKED,
        /** The file or its directory cannot be written. */
        READ_ONLY,
        /** The file is damaged (integrity check fails or "database disk image is malformed"). */
        CORRUPT,
        /** The disk (or the configured size limit) is full. */
        DISK_FULL,
        /** The file was written by a newer Switchyard whose schema this build does not know. */
        NEWER_SCHEMA,
        /** Applying a migration failed; the workspace was left at its previous version. */
        MIGRATION_FAILED,
        /** The file or its directory cannot be created or opened. */
        CANNOT_OPEN,
        /** A value given to a repository is invalid (for example a secret where a reference belongs). */
        INVALID_INPUT,
        /** A row referenced by id or uid does not exist. */
        NOT_FOUND,
        /** A row with the same unique key already exists. */
        CONFLICT,
        /** The workspace was already closed. */
        CLOSED,
        /** Anything else (an I/O error or a bug); the message still names the file. */
        UNEXPECTED
    }

    private final Kind kind;
    private final transient Path file;

    public WorkspaceException(Kind kind, Path file, String message) {
        this(kind, file, message, null);
    }

    public WorkspaceException(Kind kind, Path file, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.file = file;
    }

    public Kind kind() {
        return kind;
    }

    /** The workspace file concerned, or null when the failure is not tied to a file. */
    public Path file() {
        return file;
    }
}
