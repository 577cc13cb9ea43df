-- 0002: the tamper-evident audit trail. Entries are chained by SHA-256; the
-- head row and periodic checkpoints are signed with Ed25519. Updates and
-- deletes are refused by a trigger.
CREATE TABLE audit_log (
	seq         BIGINT PRIMARY KEY,
	at          TIMESTAMPTZ NOT NULL,
	user_id     BIGINT NOT NULL DEFAULT 0,
	username    TEXT NOT NULL DEFAULT '',
	role        TEXT NOT NULL DEFAULT '',
	action      TEXT NOT NULL,
	object_type TEXT NOT NULL DEFAULT '',
	object_id   TEXT NOT NULL DEFAULT '',
	patient_id  BIGINT NOT NULL DEFAULT 0,
	ip          TEXT NOT NULL DEFAULT '',
	user_agent  TEXT NOT NULL DEFAULT '',
	purpose     TEXT NOT NULL DEFAULT '',
	reason      TEXT NOT NULL DEFAULT '',
	outcome     TEXT NOT NULL,
	detail      TEXT NOT NULL DEFAULT '',
	prev_hash   BYTEA NOT NULL,
	hash        BYTEA NOT NULL
);
CREATE INDEX audit_log_patient ON audit_log (patient_id, seq) WHERE patient_id <> 0;
CREATE INDEX audit_log_user ON audit_log (user_id, seq);
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'the audit trail is append-only';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_append_only();

CREATE TABLE audit_head (
	id        INTEGER PRIMARY KEY CHECK (id = 1),
	seq       BIGINT NOT NULL,
	hash      BYTEA NOT NULL,
	key_id    TEXT NOT NULL DEFAULT '',
	signature BYTEA
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '\x'::bytea);

CREATE TABLE audit_checkpoints (
	seq       BIGINT PRIMARY KEY,
	hash      BYTEA NOT NULL,
	at        TIMESTAMPTZ NOT NULL,
	key_id    TEXT NOT NULL,
	signature BYTEA NOT NULL
);
