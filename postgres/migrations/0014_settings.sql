-- 0014: site settings an administrator changes in the UI (the fee
-- schedule, …), one JSON value per key.
CREATE TABLE settings (
	key        TEXT PRIMARY KEY,
	value      BYTEA NOT NULL,
	updated_by BIGINT REFERENCES users (id),
	updated_at TIMESTAMPTZ NOT NULL
);
