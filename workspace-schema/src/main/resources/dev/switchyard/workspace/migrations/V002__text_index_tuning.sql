-- Text index tuning for large histories (issue #2 benchmark targets; decisions 10 and 11 in the module README).
--
-- FTS5 keeps the terms of the rows inserted in a transaction in memory and writes them as one new
-- segment when the transaction ends, or earlier each time that buffer exceeds 'hashsize' (default
-- 1 MiB). A batch of 100,000 runs overflowed it again and again: small segments, merged while the
-- batch was still being inserted (7 segments were left). With 16 MiB it becomes a single segment.
INSERT INTO runs_fts (runs_fts, rank) VALUES ('hashsize', 16777216);

-- The terms of the text index with their document counts. The history search expands a word typed
-- as a prefix ("kane") into the indexed words that start with it ("kane" OR "kanelo" OR ...): FTS5
-- reads exact terms lazily and from any rowid on, but collects every match of a prefix query first.
CREATE VIRTUAL TABLE runs_fts_vocab USING fts5vocab(runs_fts, row);

-- Runs of one model by id: a text search with a model filter checks each text match against it
-- (a few index pages) instead of reading the run's row or walking the model's whole time index.
CREATE INDEX runs_model_id ON runs (model_id, id);

-- Merge the segments written so far into one: every term of a query is looked up in every segment
-- (a workspace built in batches had 14; a twelve-word OR then costs 2-3x more). About 3 s for 1M runs.
INSERT INTO runs_fts (runs_fts) VALUES ('optimize');
