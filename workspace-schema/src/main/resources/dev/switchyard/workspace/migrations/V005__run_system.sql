-- The system message a run was sent (decision 14 in the module README), variables filled in: '' when it was sent
-- without one. prompt_text keeps the whole prompt as sent (system message, a blank line, user message) for search
-- and exports; this column says exactly where the system message ends. NULL for runs stored before it (not recorded).
-- Adding a nullable column does not rewrite the table.
ALTER TABLE runs ADD COLUMN system_text TEXT;
