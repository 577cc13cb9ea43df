-- 0017: coders' decisions on computer-assisted coding suggestions, so the
-- share accepted can be tracked per code and per rule. The encounter is
-- kept as a keyed hash (one decision per encounter and code, the latest),
-- so the table links no patient to a diagnosis.
CREATE TABLE cac_feedback (
	encounter_key BYTEA NOT NULL,
	code          TEXT NOT NULL,
	rule          TEXT NOT NULL,
	decision      TEXT NOT NULL, -- accepted, rejected
	user_id       BIGINT REFERENCES users (id),
	at            TIMESTAMPTZ NOT NULL,
	PRIMARY KEY (encounter_key, code)
);
CREATE INDEX cac_feedback_at ON cac_feedback (at);
