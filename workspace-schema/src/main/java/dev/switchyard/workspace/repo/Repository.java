package dev.switchyard.workspace.repo;

import dev.switchyard.workspace.WorkspaceException;
import dev.switchyard.workspace.WorkspaceException.Kind;
import dev.switchyard.workspace.db.Database;
import dev.switchyard.workspace.db.Errors;
import dev.switchyard.workspace.db.Json;
import dev.switchyard.workspace.db.Sql;
import java.time.Instant;

/** What every repository shares: the database, uid/time defaults and input checks. */
abstract class Repository {

    protected final Database db;

    Repository(Database db) {
        this.db = db;
    }

    protected static String uidOr(String uid) {
        return uid == null || uid.isBlank() ? Sql.newUid() : uid;
    }

    protected static Instant nowOr(Instant t) {
        return t == null ? Sql.millis(Instant.now()) : t;
    }

    protected static Instant now() {
        return Sql.millis(Instant.now());
    }

    protected WorkspaceException invalid(String detail) {
        return Errors.of(Kind.INVALID_INPUT, db.file(), detail);
    }

    protected WorkspaceException notFound(String detail) {
        return Errors.of(Kind.NOT_FOUND, db.file(), detail);
    }

    protected WorkspaceException conflict(String detail) {
        return Errors.of(Kind.CONFLICT, db.file(), detail);
    }

    protected String requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " must not be empty");
        }
        return value;
    }

    protected <T> T require(String field, T value) {
        if (value == null) {
            throw invalid(field + " is required");
        }
        return value;
    }

    protected void requireJson(String field, String json) {
        Json.require(db.file(), field, json);
    }
}
