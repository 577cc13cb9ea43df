-- 0014: site settings an administrator changes in the UI (the fee
-- schedule, …), one JSON value per key.
CREATE TABLE settings (
	key        TEXT PRIMARY KEY,
	value      BLOB NOT NULL,
	updated_by INTEGER REFERENCES users (id),
	updated_at TEXT NOT NULL
);
