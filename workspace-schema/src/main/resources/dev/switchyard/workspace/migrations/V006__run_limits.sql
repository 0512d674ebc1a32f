-- The time limits a run's engine was to stop it at (decision 15 in the module README), as the app writes them:
-- {"connectMs", "firstTokenMs", "idleMs", "totalMs"}; '{}' for an engine without time limits (a local model). The
-- model's row keeps only the limits in force now, so a comparison reopened later could only show those. NULL for runs
-- stored before it (not recorded). Adding a nullable column does not rewrite the table.
ALTER TABLE runs ADD COLUMN limits_json TEXT;
