package dev.switchyard.local.catalog;

/**
 * A failure of the model catalog, downloader or store. The message is one sentence a user can act on
 * and names the file, URL or folder concerned; {@link #subject()} holds that name alone.
 */
public final class CatalogException extends Exception {

    /** What went wrong; the table in INTENT-AND-CATALOG.md gives the user-facing sentence for each. */
    public enum Kind {
        /** catalog.json is not valid JSON or breaks the format rules */
        INVALID_CATALOG,
        /** no catalog entry with that id */
        UNKNOWN_MODEL,
        /** the catalog entry has no such precision */
        UNKNOWN_PRECISION,
        /** connection failed or dropped (after the retries); the .part file is kept for resuming */
        NETWORK,
        /** the server answered 404 for a required file */
        NOT_FOUND,
        /** the server answered 401/403 (gated repository or missing token) */
        ACCESS_DENIED,
        /** any other unexpected HTTP status */
        HTTP_ERROR,
        /** the downloaded bytes do not have the catalog's SHA-256; the part file was deleted */
        CHECKSUM_MISMATCH,
        /** the downloaded file does not have the catalog's size; the part file was deleted */
        SIZE_MISMATCH,
        /** not enough usable space on the target file store */
        INSUFFICIENT_SPACE,
        /** the user cancelled; part files are kept for resuming */
        CANCELLED,
        /** local file system error */
        IO,
        /** a model folder failed validation (missing or unparseable files, deep check failed) */
        INVALID_MODEL_FOLDER,
        /** the model store has no model with that id */
        UNKNOWN_STORED_MODEL
    }

    private final Kind kind;
    private final String subject;

    public CatalogException(Kind kind, String subject, String message) {
        this(kind, subject, message, null);
    }

    public CatalogException(Kind kind, String subject, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.subject = subject;
    }

    public Kind kind() {
        return kind;
    }

    /** The file, URL, folder or id the error is about (may be null). */
    public String subject() {
        return subject;
    }
}
