-- 0002: the tamper-evident audit trail. Entries are chained by SHA-256; the
-- head row and periodic checkpoints are signed with Ed25519. Updates and
-- deletes are refused by triggers.
CREATE TABLE audit_log (
	seq         INTEGER PRIMARY KEY,
	at          TEXT NOT NULL,
	user_id     INTEGER NOT NULL DEFAULT 0,
	username    TEXT NOT NULL DEFAULT '',
	role        TEXT NOT NULL DEFAULT '',
	action      TEXT NOT NULL,
	object_type TEXT NOT NULL DEFAULT '',
	object_id   TEXT NOT NULL DEFAULT '',
	patient_id  INTEGER NOT NULL DEFAULT 0,
	ip          TEXT NOT NULL DEFAULT '',
	user_agent  TEXT NOT NULL DEFAULT '',
	purpose     TEXT NOT NULL DEFAULT '',
	reason      TEXT NOT NULL DEFAULT '',
	outcome     TEXT NOT NULL,
	detail      TEXT NOT NULL DEFAULT '',
	prev_hash   BLOB NOT NULL,
	hash        BLOB NOT NULL
);
CREATE INDEX audit_log_patient ON audit_log (patient_id, seq) WHERE patient_id <> 0;
CREATE INDEX audit_log_user ON audit_log (user_id, seq);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

CREATE TABLE audit_head (
	id        INTEGER PRIMARY KEY CHECK (id = 1),
	seq       INTEGER NOT NULL,
	hash      BLOB NOT NULL,
	key_id    TEXT NOT NULL DEFAULT '',
	signature BLOB
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, X'');

CREATE TABLE audit_checkpoints (
	seq       INTEGER PRIMARY KEY,
	hash      BLOB NOT NULL,
	at        TEXT NOT NULL,
	key_id    TEXT NOT NULL,
	signature BLOB NOT NULL
);
