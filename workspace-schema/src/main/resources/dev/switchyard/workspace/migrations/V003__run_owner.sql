-- The process that is streaming a run (decision 12 in the module README): "<machine>/<pid>/<process start ms>",
-- written while the run is CREATED or STREAMING. A workspace opened later marks the runs whose process has ended
-- as interrupted (INCOMPLETE with the text received so far, or FAILED without any), instead of leaving them
-- "streaming" for ever after a crash or a killed app. Adding a nullable column does not rewrite the table.
ALTER TABLE runs ADD COLUMN owner TEXT;
