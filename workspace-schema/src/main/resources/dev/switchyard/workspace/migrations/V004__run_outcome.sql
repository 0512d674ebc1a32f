-- How the engine ended a run (decision 13 in the module README): a JSON object with the finish reason ("stop",
-- "length" when the max-tokens limit cut the answer, "no_confident_match"…) and the engine's own facts (the intent
-- model's intent, confidence and top three; the model a gateway actually served; a local decoder's stop reason).
-- Adding a nullable column does not rewrite the table; runs stored before it have none.
ALTER TABLE runs ADD COLUMN outcome_json TEXT;
