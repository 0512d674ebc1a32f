-- Switchyard workspace schema, version 1.
-- Conventions: every aggregate row has id INTEGER PRIMARY KEY and a stable uid (UUID text) used by
-- export/import; instants are epoch milliseconds; JSON columns hold text validated by the caller.
-- Statement splitting: a statement ends with ';' at the end of a line; a trigger ends with a line 'END;'.

PRAGMA application_id = 1398233412;

CREATE TABLE providers (
    id          INTEGER PRIMARY KEY,
    uid         TEXT    NOT NULL UNIQUE,
    kind        TEXT    NOT NULL CHECK (kind IN ('openai-compatible', 'anthropic', 'local')),
    name        TEXT    NOT NULL,
    base_url    TEXT,
    auth_ref    TEXT    CHECK (auth_ref IS NULL OR auth_ref LIKE 'env:%' OR auth_ref LIKE 'keyring:%'
                                OR auth_ref LIKE 'session:%'),
    preset_id   TEXT,
    created_at  INTEGER NOT NULL
);

CREATE TABLE models (
    id              INTEGER PRIMARY KEY,
    uid             TEXT    NOT NULL UNIQUE,
    provider_id     INTEGER NOT NULL REFERENCES providers(id) ON DELETE RESTRICT,
    api_model_id    TEXT    NOT NULL,
    display_name    TEXT    NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('cloud', 'local-generative', 'local-intent')),
    context_window  INTEGER,
    cap_streaming   INTEGER NOT NULL DEFAULT 1,
    cap_system      INTEGER NOT NULL DEFAULT 1,
    cap_temperature INTEGER NOT NULL DEFAULT 1,
    cap_reasoning   INTEGER NOT NULL DEFAULT 0,
    settings_json   TEXT    NOT NULL DEFAULT '{}',
    created_at      INTEGER NOT NULL,
    UNIQUE (provider_id, api_model_id)
);

-- Price rows are never updated: a new row with a newer as_of date supersedes the old one.
CREATE TABLE prices (
    id                      INTEGER PRIMARY KEY,
    uid                     TEXT    NOT NULL UNIQUE,
    model_id                INTEGER NOT NULL REFERENCES models(id) ON DELETE RESTRICT,
    input_per_mtok          TEXT    NOT NULL,
    cached_input_per_mtok   TEXT,
    output_per_mtok         TEXT    NOT NULL,
    currency                TEXT    NOT NULL DEFAULT 'USD',
    source                  TEXT    NOT NULL,
    as_of                   TEXT    NOT NULL,
    created_at              INTEGER NOT NULL
);
CREATE INDEX prices_model_as_of ON prices (model_id, as_of, id);

CREATE TRIGGER prices_are_history BEFORE UPDATE ON prices
BEGIN
    SELECT RAISE(ABORT, 'price rows are never updated; insert a newer row');
END;

CREATE TABLE prompts (
    id          INTEGER PRIMARY KEY,
    uid         TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);

CREATE TABLE prompt_versions (
    id              INTEGER PRIMARY KEY,
    uid             TEXT    NOT NULL UNIQUE,
    prompt_id       INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
    version         INTEGER NOT NULL,
    system_text     TEXT,
    user_text       TEXT    NOT NULL,
    variables_json  TEXT    NOT NULL DEFAULT '{}',
    parameters_json TEXT    NOT NULL DEFAULT '{}',
    created_at      INTEGER NOT NULL,
    UNIQUE (prompt_id, version)
);

CREATE TABLE comparisons (
    id                  INTEGER PRIMARY KEY,
    uid                 TEXT    NOT NULL UNIQUE,
    prompt_version_id   INTEGER REFERENCES prompt_versions(id) ON DELETE SET NULL,
    repeat_count        INTEGER NOT NULL DEFAULT 1,
    blind               INTEGER NOT NULL DEFAULT 0,
    created_at          INTEGER NOT NULL
);
CREATE INDEX comparisons_created ON comparisons (created_at);

CREATE TABLE runs (
    id                  INTEGER PRIMARY KEY,
    uid                 TEXT    NOT NULL UNIQUE,
    prompt_version_id   INTEGER REFERENCES prompt_versions(id) ON DELETE SET NULL,
    model_id            INTEGER NOT NULL REFERENCES models(id) ON DELETE RESTRICT,
    comparison_id       INTEGER REFERENCES comparisons(id) ON DELETE SET NULL,
    repeat_index        INTEGER NOT NULL DEFAULT 0,
    parameters_json     TEXT    NOT NULL DEFAULT '{}',
    prompt_text         TEXT    NOT NULL DEFAULT '',
    output_text         TEXT    NOT NULL DEFAULT '',
    reasoning_text      TEXT,
    status              TEXT    NOT NULL CHECK (status IN
                            ('CREATED', 'STREAMING', 'COMPLETED', 'INCOMPLETE', 'CANCELLED', 'FAILED')),
    error_kind          TEXT,
    error_message       TEXT,
    queue_ms            INTEGER,
    ttft_ms             INTEGER,
    total_ms            INTEGER,
    input_tokens        INTEGER,
    cached_input_tokens INTEGER,
    output_tokens       INTEGER,
    reasoning_tokens    INTEGER,
    decode_tps          REAL,
    prefill_tps         REAL,
    load_ms             INTEGER,
    peak_memory_bytes   INTEGER,
    cost_usd            REAL,
    cost_kind           TEXT    CHECK (cost_kind IS NULL OR cost_kind IN ('api', 'device')),
    price_id            INTEGER REFERENCES prices(id) ON DELETE RESTRICT,
    tokens_estimated    INTEGER NOT NULL DEFAULT 0,
    http_attempts       INTEGER NOT NULL DEFAULT 0,
    route_json          TEXT,
    created_at          INTEGER NOT NULL,
    finished_at         INTEGER
);
CREATE INDEX runs_created ON runs (created_at, id);
CREATE INDEX runs_model_created ON runs (model_id, created_at, id);
CREATE INDEX runs_status_created ON runs (status, created_at, id);
CREATE INDEX runs_comparison ON runs (comparison_id) WHERE comparison_id IS NOT NULL;
CREATE INDEX runs_prompt_version ON runs (prompt_version_id) WHERE prompt_version_id IS NOT NULL;
CREATE INDEX runs_price ON runs (price_id) WHERE price_id IS NOT NULL;

-- Full-text index over the prompt and the answer (external content: the text lives in runs only).
-- New rows are indexed by RunRepository with one INSERT ... SELECT per batch, inside the inserting
-- transaction: an AFTER INSERT trigger would make FTS5 flush its pending terms at every statement
-- (measured ~4x slower on bulk inserts). Updates and deletes are single rows and use triggers.
-- detail=none: only rowids per term (words and word prefixes are searched, never phrases), a smaller index.
CREATE VIRTUAL TABLE runs_fts USING fts5(prompt_text, output_text, content='runs', content_rowid='id',
    detail=none);

CREATE TRIGGER runs_fts_delete AFTER DELETE ON runs
BEGIN
    INSERT INTO runs_fts (runs_fts, rowid, prompt_text, output_text)
        VALUES ('delete', old.id, old.prompt_text, old.output_text);
END;

CREATE TRIGGER runs_fts_update AFTER UPDATE OF prompt_text, output_text ON runs
BEGIN
    INSERT INTO runs_fts (runs_fts, rowid, prompt_text, output_text)
        VALUES ('delete', old.id, old.prompt_text, old.output_text);
    INSERT INTO runs_fts (rowid, prompt_text, output_text) VALUES (new.id, new.prompt_text, new.output_text);
END;

-- Run counts per (model, status), so the history's total needs no scan when only those filters are set.
-- Batches are added by RunRepository (one GROUP BY per batch); status changes and deletes by triggers.
CREATE TABLE run_counts (
    model_id    INTEGER NOT NULL,
    status      TEXT    NOT NULL,
    n           INTEGER NOT NULL,
    PRIMARY KEY (model_id, status)
) WITHOUT ROWID;

CREATE TRIGGER run_counts_update AFTER UPDATE OF model_id, status ON runs
    WHEN old.model_id IS NOT new.model_id OR old.status IS NOT new.status
BEGIN
    UPDATE run_counts SET n = n - 1 WHERE model_id = old.model_id AND status = old.status;
    INSERT INTO run_counts (model_id, status, n) VALUES (new.model_id, new.status, 1)
        ON CONFLICT (model_id, status) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER run_counts_delete AFTER DELETE ON runs
BEGIN
    UPDATE run_counts SET n = n - 1 WHERE model_id = old.model_id AND status = old.status;
END;

CREATE TABLE votes (
    id              INTEGER PRIMARY KEY,
    uid             TEXT    NOT NULL UNIQUE,
    comparison_id   INTEGER NOT NULL REFERENCES comparisons(id) ON DELETE CASCADE,
    winner_run_id   INTEGER REFERENCES runs(id) ON DELETE CASCADE,
    created_at      INTEGER NOT NULL
);
CREATE INDEX votes_comparison ON votes (comparison_id);
CREATE INDEX votes_winner ON votes (winner_run_id) WHERE winner_run_id IS NOT NULL;

CREATE TABLE policies (
    id          INTEGER PRIMARY KEY,
    uid         TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL UNIQUE,
    created_at  INTEGER NOT NULL
);

CREATE TABLE policy_versions (
    id          INTEGER PRIMARY KEY,
    uid         TEXT    NOT NULL UNIQUE,
    policy_id   INTEGER NOT NULL REFERENCES policies(id) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    body_json   TEXT    NOT NULL,
    note        TEXT,
    created_at  INTEGER NOT NULL,
    UNIQUE (policy_id, version)
);

CREATE TABLE datasets (
    id          INTEGER PRIMARY KEY,
    uid         TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL,
    description TEXT,
    created_at  INTEGER NOT NULL
);

CREATE TABLE dataset_items (
    id                  INTEGER PRIMARY KEY,
    uid                 TEXT    NOT NULL UNIQUE,
    dataset_id          INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    position            INTEGER NOT NULL,
    prompt              TEXT    NOT NULL,
    system_text         TEXT,
    variables_json      TEXT    NOT NULL DEFAULT '{}',
    reference_answer    TEXT,
    tags_json           TEXT    NOT NULL DEFAULT '[]',
    UNIQUE (dataset_id, position)
);

CREATE TABLE replays (
    id                  INTEGER PRIMARY KEY,
    uid                 TEXT    NOT NULL UNIQUE,
    policy_version_id   INTEGER NOT NULL REFERENCES policy_versions(id) ON DELETE RESTRICT,
    dataset_id          INTEGER NOT NULL REFERENCES datasets(id) ON DELETE RESTRICT,
    mode                TEXT    NOT NULL CHECK (mode IN ('live', 'cached')),
    status              TEXT    NOT NULL CHECK (status IN ('RUNNING', 'PAUSED', 'COMPLETED', 'CANCELLED', 'FAILED')),
    created_at          INTEGER NOT NULL,
    finished_at         INTEGER,
    summary_json        TEXT
);
CREATE INDEX replays_policy_version ON replays (policy_version_id);
CREATE INDEX replays_dataset ON replays (dataset_id);

CREATE TABLE replay_items (
    id                  INTEGER PRIMARY KEY,
    uid                 TEXT    NOT NULL UNIQUE,
    replay_id           INTEGER NOT NULL REFERENCES replays(id) ON DELETE CASCADE,
    dataset_item_id     INTEGER NOT NULL REFERENCES dataset_items(id) ON DELETE RESTRICT,
    decision_json       TEXT,
    route_taken_json    TEXT,
    answer              TEXT,
    cost_usd            REAL,
    latency_ms          INTEGER,
    grade_json          TEXT,
    status              TEXT    NOT NULL CHECK (status IN ('PENDING', 'DONE', 'FAILED', 'SKIPPED')),
    UNIQUE (replay_id, dataset_item_id)
);
CREATE INDEX replay_items_dataset_item ON replay_items (dataset_item_id);

CREATE TABLE replay_item_runs (
    replay_item_id  INTEGER NOT NULL REFERENCES replay_items(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    run_id          INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    PRIMARY KEY (replay_item_id, position)
);
CREATE INDEX replay_item_runs_run ON replay_item_runs (run_id);

CREATE TABLE intent_sets (
    id          INTEGER PRIMARY KEY,
    uid         TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL UNIQUE,
    description TEXT,
    created_at  INTEGER NOT NULL
);

CREATE TABLE intents (
    id                  INTEGER PRIMARY KEY,
    uid                 TEXT    NOT NULL UNIQUE,
    intent_set_id       INTEGER NOT NULL REFERENCES intent_sets(id) ON DELETE CASCADE,
    name                TEXT    NOT NULL,
    examples_json       TEXT    NOT NULL DEFAULT '[]',
    response_template   TEXT,
    position            INTEGER NOT NULL,
    UNIQUE (intent_set_id, name)
);

CREATE TABLE settings (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  INTEGER NOT NULL
);
