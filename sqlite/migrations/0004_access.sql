-- 0004: break-the-glass grants, privacy alerts and API tokens.
CREATE TABLE break_glass (
	id         INTEGER PRIMARY KEY,
	user_id    INTEGER NOT NULL REFERENCES users (id),
	patient_id INTEGER NOT NULL REFERENCES patients (id),
	reason     TEXT NOT NULL,
	purpose    TEXT NOT NULL DEFAULT '',
	granted_at TEXT NOT NULL,
	expires_at TEXT NOT NULL
);
CREATE INDEX break_glass_user_patient ON break_glass (user_id, patient_id, expires_at);

CREATE TABLE alerts (
	id              INTEGER PRIMARY KEY,
	kind            TEXT NOT NULL,
	user_id         INTEGER,
	patient_id      INTEGER,
	detail          TEXT NOT NULL DEFAULT '',
	created_at      TEXT NOT NULL,
	acknowledged_by INTEGER,
	acknowledged_at TEXT
);
CREATE INDEX alerts_open ON alerts (acknowledged_at, id);

CREATE TABLE api_tokens (
	id         INTEGER PRIMARY KEY,
	token_hash BLOB NOT NULL UNIQUE,
	user_id    INTEGER NOT NULL REFERENCES users (id),
	name       TEXT NOT NULL,
	scope      TEXT NOT NULL, -- space-separated actions, or '*'
	created_at TEXT NOT NULL,
	expires_at TEXT NOT NULL,
	revoked    INTEGER NOT NULL DEFAULT 0
);
